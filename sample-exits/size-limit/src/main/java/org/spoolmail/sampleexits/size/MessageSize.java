package org.spoolmail.sampleexits.size;

import java.nio.charset.StandardCharsets;

import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/**
 * Estimates the size in octets a message will have on the wire, without reading its bodies.
 *
 * <p>{@link MailContent#bodySizeOctets()} counts untranslated text in its length-prefixed record form (4 octets per
 * record more than the text) and binary content before base64. This estimate is closer to what a relay's SIZE
 * limit (RFC 1870) and CSSMTP's MAXMAILBYTES see:
 * <ul>
 *   <li>the message header fields as {@code Name: body CRLF} in UTF-8, and the empty line after them;</li>
 *   <li>each text leaf as its lines with CRLF ({@code Records}: octets minus 2 per record; {@code Text}: its
 *       octets), before any quoted-printable encoding;</li>
 *   <li>each binary leaf as base64 in 76-character lines with CRLF (RFC 2045 section 6.8), as it will be sent.</li>
 * </ul>
 * Part header fields and multipart boundaries are not counted: a few hundred octets per part at most.
 */
final class MessageSize {

    private static final int BASE64_LINE = 76;

    private MessageSize() {
    }

    /**
     * @param content the message
     * @return the estimated size in octets
     */
    static long octets(MailContent content) {
        long size = 2;
        for (HeaderField field : content.headers().fields()) {
            size += (field.name() + ": " + field.body()).getBytes(StandardCharsets.UTF_8).length + 2;
        }
        for (MimePart leaf : content.root().leaves()) {
            size += leaf.body().map(MessageSize::bodyOctets).orElse(0L);
        }
        return size;
    }

    static long bodyOctets(PartBody body) {
        if (body instanceof PartBody.Records r) {
            return r.sizeOctets() - 2 * r.records().recordCount();
        }
        if (body instanceof PartBody.Binary b) {
            return base64Octets(b.sizeOctets());
        }
        return body.sizeOctets();
    }

    /**
     * @param octets the binary length
     * @return the base64 length with a CRLF after every 76 characters and after the last line
     */
    static long base64Octets(long octets) {
        long chars = (octets + 2) / 3 * 4;
        long lines = (chars + BASE64_LINE - 1) / BASE64_LINE;
        return chars + 2 * lines;
    }
}
