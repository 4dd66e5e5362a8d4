package org.spoolmail.exits.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes CRLF-normalised text as quoted-printable (RFC 2045 section 6.7): CRLF stays a hard line break, lines are
 * broken softly ("=" CRLF) to stay within 76 characters, '=' and octets outside printable US-ASCII are encoded, and
 * white space at the end of a line is encoded so that no relay can strip it. {@link #close()} finishes the last
 * line and flushes, but leaves the target open.
 */
final class QuotedPrintableOutputStream extends FilterOutputStream {

    /** Characters of encoded text on a line before the '=' of a soft line break (76 with it). */
    private static final int MAX_TEXT = 75;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E',
        'F'};

    private int lineLength;
    private int pendingWhite = -1;
    private boolean pendingCr;

    QuotedPrintableOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        int octet = b & 0xFF;
        if (pendingCr) {
            pendingCr = false;
            if (octet == '\n') {
                hardBreak();
                return;
            }
            encodedOctet('\r');
        }
        if (octet == '\r') {
            pendingCr = true;
        } else if (octet == ' ' || octet == '\t') {
            flushWhite(false);
            pendingWhite = octet;
        } else {
            flushWhite(false);
            if (octet >= 33 && octet <= 126 && octet != '=') {
                put(octet);
            } else {
                encodedOctet(octet);
            }
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /**
     * Encodes what is pending at the end of the text and flushes; the target stays open.
     *
     * @throws IOException if writing fails
     */
    @Override
    public void close() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            encodedOctet('\r');
        }
        flushWhite(true);
        out.flush();
    }

    private void hardBreak() throws IOException {
        flushWhite(true);
        out.write('\r');
        out.write('\n');
        lineLength = 0;
    }

    private void flushWhite(boolean atLineEnd) throws IOException {
        if (pendingWhite >= 0) {
            int white = pendingWhite;
            pendingWhite = -1;
            if (atLineEnd) {
                encodedOctet(white);
            } else {
                put(white);
            }
        }
    }

    private void put(int octet) throws IOException {
        softBreakBefore(1);
        out.write(octet);
        lineLength++;
    }

    private void encodedOctet(int octet) throws IOException {
        softBreakBefore(3);
        out.write('=');
        out.write(HEX[octet >>> 4]);
        out.write(HEX[octet & 0x0F]);
        lineLength += 3;
    }

    private void softBreakBefore(int length) throws IOException {
        if (lineLength + length > MAX_TEXT) {
            out.write('=');
            out.write('\r');
            out.write('\n');
            lineLength = 0;
        }
    }
}
