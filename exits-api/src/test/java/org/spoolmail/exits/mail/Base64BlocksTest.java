package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class Base64BlocksTest {

    private static final byte[] CRLF = {'\r', '\n'};

    /** Lengths around line (57) and block (57 * 1024) boundaries, and a few blocks long. */
    private static TreeSet<Integer> lengths() {
        TreeSet<Integer> lengths = new TreeSet<>();
        int[] centres = {0, 57, 114, 3 * 57, Base64Blocks.BLOCK_INPUT, 2 * Base64Blocks.BLOCK_INPUT,
            3 * Base64Blocks.BLOCK_INPUT + 57};
        for (int centre : centres) {
            for (int d = -4; d <= 4; d++) {
                if (centre + d >= 0) {
                    lengths.add(centre + d);
                }
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            lengths.add(random.nextInt(4 * Base64Blocks.BLOCK_INPUT));
        }
        return lengths;
    }

    private static byte[] wrappingStream(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = Base64.getMimeEncoder(76, CRLF).wrap(out)) {
            enc.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] blocks(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Base64Blocks.encode(in, out::write);
        return out.toByteArray();
    }

    @Test
    void encodeShouldGiveTheWrappingStreamsOctetsWhenAnyLengthAroundLineAndBlockEnds() throws IOException {
        Random random = new Random(42);
        for (int length : lengths()) {
            byte[] data = new byte[length];
            random.nextBytes(data);

            byte[] expected = wrappingStream(data);
            byte[] actual = blocks(new ByteArrayInputStream(data));

            assertArrayEquals(expected, actual, "length " + length);
            assertEquals(expected.length, Base64Blocks.encodedLength(length), "encoded length of " + length);
        }
    }

    @Test
    void encodeShouldGiveTheSameOctetsWhenTheInputArrivesInSmallPieces() throws IOException {
        byte[] data = new byte[2 * Base64Blocks.BLOCK_INPUT + 1000];
        new Random(3).nextBytes(data);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1000));
            }
        };

        assertArrayEquals(wrappingStream(data), blocks(trickle));
    }

    @Test
    void encodedLengthShouldCountCrlfBetweenLinesOnlyWhenExactlyOneOrTwoLines() {
        assertEquals(0, Base64Blocks.encodedLength(0));
        assertEquals(4, Base64Blocks.encodedLength(1));
        assertEquals(76, Base64Blocks.encodedLength(57));
        assertEquals(76 + 2 + 4, Base64Blocks.encodedLength(58));
        assertEquals(76 + 2 + 76, Base64Blocks.encodedLength(114));
    }
}
