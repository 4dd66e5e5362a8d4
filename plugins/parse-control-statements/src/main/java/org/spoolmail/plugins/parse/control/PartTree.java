package org.spoolmail.plugins.parse.control;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.TextRecords;

/**
 * Puts the parts of a message together (RFC 2046): one body alone is the root; text and HTML together are a
 * multipart/alternative (plain text first, as section 5.1.4 wants the simplest first); attachments make a
 * multipart/mixed with the body first. A message with neither body nor attachment gets an empty text/plain body.
 * Each multipart gets a random boundary {@code =_spoolmail_} + 24 base36 characters, which no quoted-printable or
 * base64 line can hold. Thread-safe.
 */
final class PartTree {

    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PartTree() {
    }

    /**
     * Builds the root part.
     *
     * @param text the text/plain body, if any
     * @param html the text/html body, if any
     * @param attachments the attachments in deck order
     * @param ccsid the deck's CCSID, for an empty body
     * @return the root part
     * @throws IOException never for an empty body; declared by the records writer
     */
    static MimePart root(Optional<MimePart> text, Optional<MimePart> html, List<MimePart> attachments, Ccsid ccsid)
            throws IOException {
        Optional<MimePart> body;
        if (text.isPresent() && html.isPresent()) {
            body = Optional.of(multipart("alternative", List.of(text.get(), html.get())));
        } else {
            body = text.or(() -> html);
        }
        if (attachments.isEmpty()) {
            return body.isPresent() ? body.get() : MimePart.leaf(ContentType.TEXT_PLAIN, Optional.empty(),
                    new PartBody.Records(TextRecords.writer(ccsid).finish()));
        }
        List<MimePart> children = new ArrayList<>();
        body.ifPresent(children::add);
        children.addAll(attachments);
        return multipart("mixed", children);
    }

    /** @return a boundary: {@code =_spoolmail_} and 24 random base36 characters */
    static String boundary() {
        StringBuilder b = new StringBuilder("=_spoolmail_");
        for (int i = 0; i < 24; i++) {
            b.append(BASE36.charAt(RANDOM.nextInt(BASE36.length())));
        }
        return b.toString();
    }

    private static MimePart multipart(String subtype, List<MimePart> children) {
        return MimePart.multipart(new ContentType("multipart", subtype, Map.of("boundary", boundary())), children);
    }
}
