package org.spoolmail.exits.mail;

import java.util.Objects;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;

/**
 * Makes the content of a parsed message from its header section and body records, as every
 * {@link org.spoolmail.exits.MailParser} should: Content-Type and Content-Transfer-Encoding move out of the header
 * section into the root {@link MimePart}'s typed components (RFC 2045 sections 5 and 6), since message content
 * types live only there. The body stays one leaf of untranslated records even when the type is multipart: the
 * mime-encode stage divides it. RFC 2047 encoded-words already in the header section (a Subject or a From display
 * name a mail program wrote) are decoded, so the fields hold the text they stand for, exits judge that text, and
 * the message goes out encoded once; addr-specs and structured fields stay as written.
 *
 * <p>Batch jobs write types loosely, so a Content-Type that cannot be read at all is taken as the RFC 2045
 * default {@code text/plain} (section 5.2), as is a missing one. Without a Content-Transfer-Encoding field, a
 * {@code Content-Encoding} field (not a MIME field, but jobs write it meaning Content-Transfer-Encoding) whose
 * value is an RFC 2045 mechanism is taken instead and removed; any other Content-Encoding stays in the header
 * section as written.
 *
 * @since 1.0.0
 */
public final class RootPartHeaders {

    private static final String CONTENT_TYPE = "Content-Type";
    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
    private static final String CONTENT_ENCODING = "Content-Encoding";

    private RootPartHeaders() {
    }

    /**
     * Builds the content.
     *
     * @param headers the header section as read; not null
     * @param body the body records in the input CCSID; not null
     * @return the content: the header section without the fields moved, and a leaf root part
     * @throws PermanentStageException if the Content-Transfer-Encoding is not one of RFC 2045's (section 6.1); the
     *     message names the record where that field starts: {@code <origin> record <n>: unknown
     *     Content-Transfer-Encoding '<value>'}
     */
    public static MailContent content(HeaderRecords headers, TextRecords body) throws PermanentStageException {
        Objects.requireNonNull(body, "body");
        HeaderSection section = EncodedWordText.decode(headers.section());
        ContentType type = section.first(CONTENT_TYPE).map(RootPartHeaders::contentType)
                .orElse(ContentType.TEXT_PLAIN);
        Optional<ContentTransferEncoding> encoding;
        if (section.contains(TRANSFER_ENCODING)) {
            String token = section.first(TRANSFER_ENCODING).orElseThrow();
            encoding = ContentTransferEncoding.fromToken(token);
            if (encoding.isEmpty()) {
                throw new PermanentStageException(headers.locationOf(TRANSFER_ENCODING).orElseThrow(),
                        "unknown Content-Transfer-Encoding '" + token + "'");
            }
            section = section.without(TRANSFER_ENCODING);
        } else {
            encoding = section.first(CONTENT_ENCODING).flatMap(ContentTransferEncoding::fromToken);
            if (encoding.isPresent()) {
                section = section.without(CONTENT_ENCODING);
            }
        }
        MimePart root = MimePart.leaf(type, encoding, new PartBody.Records(body));
        return new MailContent(section.without(CONTENT_TYPE), root);
    }

    /** Lenient, as batch jobs write types; a type that cannot be read at all is taken as text/plain (RFC 2045). */
    private static ContentType contentType(String fieldBody) {
        try {
            return ContentType.parse(fieldBody);
        } catch (IllegalArgumentException e) {
            return ContentType.TEXT_PLAIN;
        }
    }
}
