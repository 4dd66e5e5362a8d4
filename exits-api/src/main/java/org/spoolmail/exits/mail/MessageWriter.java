package org.spoolmail.exits.mail;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a message's content in its wire form (RFC 5322, MIME): CRLF line ends only, never a bare CR or LF, header
 * fields folded with CRLF + white space at 78 characters where possible and never past 998 octets, non-ASCII
 * header text as RFC 2047 encoded-words of whole characters (unless SMTPUTF8 is offered), non-ASCII or long
 * parameter values with RFC 2231, base64 in lines of 76 characters, and each text part's Content-Transfer-Encoding
 * chosen from its final octets and the {@link WireOptions}. Dot-stuffing is the SMTP client's job, not this one's.
 *
 * <p>Streams: no part's content is held in memory whole.
 *
 * @since 1.0.0
 */
public final class MessageWriter {

    private MessageWriter() {
    }

    /**
     * Writes the content.
     *
     * @param content the header section and MIME tree, translated (no {@link PartBody.Records} left)
     * @param out where the octets go; not closed
     * @param options what the receiver accepts
     * @throws IOException if reading content or writing fails
     * @throws IllegalStateException if a part still holds untranslated records
     */
    public static void write(MailContent content, OutputStream out, WireOptions options) throws IOException {
        throw new UnsupportedOperationException("not yet written");
    }
}
