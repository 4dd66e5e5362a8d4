package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Compares {@link DotStuffingOutputStream} with a plain reference of RFC 5321 section 4.5.2 as this client applies
 * it (every CR, LF or CRLF becomes CRLF; a '.' at a line start is doubled; the data ends with CRLF . CRLF), for
 * random inputs split into random writes of arrays and single octets.
 */
class DotStuffingEquivalenceTest {

    /** Octets that matter, plus ordinary and 8-bit ones. */
    private static final byte[] ALPHABET = {'\r', '\n', '.', 'a', 'Z', (byte) 0x85, (byte) 0xFF, 0};

    static byte[] reference(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean lineStart = true;
        for (int i = 0; i < input.length; i++) {
            byte c = input[i];
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < input.length && input[i + 1] == '\n') {
                    i++;
                }
                out.write('\r');
                out.write('\n');
                lineStart = true;
                continue;
            }
            if (lineStart && c == '.') {
                out.write('.');
            }
            out.write(c);
            lineStart = false;
        }
        if (!lineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.write('.');
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    private static byte[] stuffInPieces(byte[] input, Random random) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        int i = 0;
        while (i < input.length) {
            if (random.nextInt(5) == 0) {
                out.write(input[i++]);
                continue;
            }
            int n = Math.min(input.length - i, random.nextInt(12));
            // an array with slack on both sides, so that off and len are honoured
            byte[] padded = new byte[n + 4];
            Arrays.fill(padded, (byte) '.');
            System.arraycopy(input, i, padded, 2, n);
            out.write(padded, 2, n);
            i += n;
        }
        out.finish();
        return sink.toByteArray();
    }

    @Test
    void writeShouldGiveTheReferenceOctetsWhenRandomInputInRandomPieces() throws IOException {
        Random random = new Random(20261130);
        for (int round = 0; round < 20_000; round++) {
            byte[] input = new byte[random.nextInt(40)];
            for (int i = 0; i < input.length; i++) {
                input[i] = ALPHABET[random.nextInt(random.nextBoolean() ? 3 : ALPHABET.length)];
            }

            byte[] actual = stuffInPieces(input, random);

            assertArrayEquals(reference(input), actual, () -> "input " + HexFormat.of().formatHex(input));
        }
    }

    @Test
    void writeShouldGiveTheReferenceOctetsWhenBase64LinesInOneBlock() throws IOException {
        byte[] data = new byte[100_000];
        new Random(5).nextBytes(data);
        byte[] base64 = java.util.Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encode(data);

        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        out.write(base64);
        out.finish();

        assertArrayEquals(reference(base64), sink.toByteArray());
    }
}
