package org.spoolmail.plugins.parse.rfc5322;

import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.TextRecords;

/**
 * Makes the content of a message from its header section and body records (as the smtp-datastream parser does,
 * plugins sharing no code): Content-Type and
 * Content-Transfer-Encoding move from the header section into the root part's typed components. The body stays
 * one leaf of untranslated records even when the type is multipart: the mime-encode stage divides it.
 */
final class RootPart {

    private static final String CONTENT_TYPE = "Content-Type";
    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
    /** Not a MIME field, but batch jobs write it meaning Content-Transfer-Encoding. */
    private static final String CONTENT_ENCODING = "Content-Encoding";

    private RootPart() {
    }

    /**
     * Builds the content.
     *
     * @param lines the header section as read
     * @param body the body records in the input CCSID
     * @param origin the input's file path, for errors
     * @return the content
     * @throws PermanentStageException if the Content-Transfer-Encoding is not one of RFC 2045's
     */
    static MailContent content(HeaderLines lines, TextRecords body, String origin)
            throws PermanentStageException {
        HeaderSection headers = lines.section();
        ContentType type = headers.first(CONTENT_TYPE).map(RootPart::contentType).orElse(ContentType.TEXT_PLAIN);
        Optional<ContentTransferEncoding> encoding;
        if (headers.contains(TRANSFER_ENCODING)) {
            String token = headers.first(TRANSFER_ENCODING).orElseThrow();
            encoding = ContentTransferEncoding.fromToken(token);
            if (encoding.isEmpty()) {
                long record = lines.recordOf(TRANSFER_ENCODING).orElseThrow();
                throw new PermanentStageException(new InputLocation(origin, record),
                        "unknown Content-Transfer-Encoding '" + token + "'");
            }
            headers = headers.without(TRANSFER_ENCODING);
        } else {
            encoding = headers.first(CONTENT_ENCODING).flatMap(ContentTransferEncoding::fromToken);
            if (encoding.isPresent()) {
                headers = headers.without(CONTENT_ENCODING);
            }
        }
        MimePart root = MimePart.leaf(type, encoding, new PartBody.Records(body));
        return new MailContent(headers.without(CONTENT_TYPE), root);
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
