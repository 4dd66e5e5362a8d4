package org.spoolmail.exits.mail;

import java.io.IOException;

/**
 * An output that takes base64 text in CRLF lines as it is, without inspecting each octet: implemented by an output
 * stream that would otherwise scan what it is given, such as an SMTP client's dot-stuffing stream (RFC 5321
 * section 4.5.2). {@link MessageWriter#write} hands a binary part's base64 to {@link #writeBase64Lines} when its
 * output stream implements this, and everything else to the stream's {@code write} methods, in order.
 *
 * <p>Why such text needs no scan: the base64 alphabet (RFC 2045 section 6.8: A-Z, a-z, 0-9, '+', '/' and '=') holds
 * no '.', CR or LF, and the lines are joined by CRLF pairs only. So no line of it starts with '.', nothing in it is a
 * bare CR or LF, and dot-stuffing and line-end normalising would leave every octet as it is. An implementation only
 * has to note where the text leaves it: at a line start if it ended with CRLF, within a line otherwise.
 *
 * @since 1.0.0
 */
public interface Base64LineSink {

    /**
     * Writes base64 text whose lines are joined by CRLF, as it is.
     *
     * @param b the octets: only the base64 alphabet and CRLF pairs, starting with a base64 character (at most 76 in
     *     a line, RFC 2045 section 6.8); a caller that passes anything else breaks the stream's encoding
     * @param off where they start in {@code b}
     * @param len how many octets, 0 or more
     * @throws IOException if writing fails
     */
    void writeBase64Lines(byte[] b, int off, int len) throws IOException;
}
