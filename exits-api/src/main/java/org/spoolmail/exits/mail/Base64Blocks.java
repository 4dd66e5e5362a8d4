package org.spoolmail.exits.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Base64 in lines of 76 characters joined by CRLF (RFC 2045 section 6.8), encoded in blocks of 1,024 lines: the
 * same octets as {@code Base64.getMimeEncoder(76, CRLF).wrap(out)}, with one read and one write per block instead
 * of one write per line. 57 input octets make one 76-character line, so every full block ends exactly at a line end
 * and the blocks are joined with CRLF. No CRLF follows the last line; no input gives no output.
 */
final class Base64Blocks {

    /** Octets of input per line (76 characters of base64). */
    static final int LINE_INPUT = 57;
    /** Octets of input per block: 1,024 lines. */
    static final int BLOCK_INPUT = LINE_INPUT * 1024;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(76, CRLF);

    private Base64Blocks() {
    }

    /** Where the encoded blocks go: an output stream's {@code write}, or a {@link Base64LineSink}. */
    @FunctionalInterface
    interface Target {
        /**
         * @param b base64 lines joined by CRLF; a block that more blocks follow ends with CRLF
         * @param off where they start
         * @param len how many octets
         * @throws IOException if writing fails
         */
        void write(byte[] b, int off, int len) throws IOException;
    }

    /**
     * Encodes a stream to its end.
     *
     * @param in the octets to encode; read to its end, not closed
     * @param out where the base64 goes; not closed or flushed
     * @return the octets read
     * @throws IOException if reading or writing fails
     */
    static long encode(InputStream in, Target out) throws IOException {
        byte[] src = new byte[BLOCK_INPUT];
        byte[] dst = new byte[BLOCK_INPUT / LINE_INPUT * (76 + CRLF.length)];
        long total = 0;
        int n = in.readNBytes(src, 0, BLOCK_INPUT);
        while (n > 0) {
            int len = ENCODER.encode(n == BLOCK_INPUT ? src : Arrays.copyOf(src, n), dst);
            total += n;
            n = in.readNBytes(src, 0, BLOCK_INPUT);
            if (n > 0) {
                dst[len++] = '\r';
                dst[len++] = '\n';
            }
            out.write(dst, 0, len);
        }
        return total;
    }

    /**
     * Tells how many octets {@link #encode} writes for an input of this length: 4 characters per 3 octets (the
     * last group padded with '='), and CRLF between lines of 76 characters.
     *
     * @param inputOctets the input's length in octets, not negative
     * @return the output's length in octets
     */
    static long encodedLength(long inputOctets) {
        long characters = 4 * ((inputOctets + 2) / 3);
        long lines = (characters + 75) / 76;
        return characters + 2 * Math.max(0, lines - 1);
    }
}
