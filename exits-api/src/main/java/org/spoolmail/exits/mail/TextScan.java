package org.spoolmail.exits.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads CRLF-normalised text once to learn what its octets allow on the wire: octets above 127, NUL, lines over
 * 998 octets, and lines that begin with the delimiter of an enclosing multipart. A sink: nothing is kept but the
 * first octets of the current line.
 */
final class TextScan extends OutputStream {

    /** RFC 5322 section 2.1.1: octets on a line, CRLF excluded. */
    static final int MAX_LINE_OCTETS = 998;

    private final List<byte[]> delimiters;
    private final byte[] lineStart;
    private long lineLength;
    private boolean highOctets;
    private boolean nul;
    private boolean longLine;
    private boolean delimiterLine;

    /**
     * @param boundaries the boundaries of every enclosing multipart
     */
    TextScan(List<String> boundaries) {
        this.delimiters = boundaries.stream().map(b -> ("--" + b).getBytes(StandardCharsets.US_ASCII)).toList();
        this.lineStart = new byte[delimiters.stream().mapToInt(d -> d.length).max().orElse(0)];
    }

    @Override
    public void write(int b) throws IOException {
        int octet = b & 0xFF;
        if (octet == '\r') {
            return;
        }
        if (octet == '\n') {
            endLine();
            return;
        }
        if (lineLength < lineStart.length) {
            lineStart[(int) lineLength] = (byte) octet;
        }
        lineLength++;
        longLine |= lineLength > MAX_LINE_OCTETS;
        highOctets |= octet > 127;
        nul |= octet == 0;
    }

    @Override
    public void close() {
        endLine();
    }

    /**
     * Chooses the transfer encoding for the scanned text.
     *
     * @param options what the relay accepts
     * @return base64 if a line could be taken for a boundary, quoted-printable if a line is too long, a NUL is
     *     present or octets above 127 may not go unencoded; otherwise 7bit or 8bit
     */
    ContentTransferEncoding choose(WireOptions options) {
        if (delimiterLine) {
            return ContentTransferEncoding.BASE64;
        }
        if (longLine || nul || (highOctets && !options.eightBitMime())) {
            return ContentTransferEncoding.QUOTED_PRINTABLE;
        }
        return highOctets ? ContentTransferEncoding.EIGHT_BIT : ContentTransferEncoding.SEVEN_BIT;
    }

    /** @return true if an octet above 127 was seen */
    boolean highOctets() {
        return highOctets;
    }

    private void endLine() {
        for (byte[] d : delimiters) {
            if (lineLength >= d.length && java.util.Arrays.equals(lineStart, 0, d.length, d, 0, d.length)) {
                delimiterLine = true;
            }
        }
        lineLength = 0;
    }
}
