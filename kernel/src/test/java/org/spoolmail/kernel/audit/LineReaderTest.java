package org.spoolmail.kernel.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Lines split at LF, whatever their length against the 64 KiB read blocks. */
class LineReaderTest {

    @Test
    void nextShouldReturnEachLineWithoutItsLineEndAcrossBlockBoundaries() throws IOException {
        List<byte[]> want = new ArrayList<>();
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int length : new int[] {0, 1, 65_535, 65_536, 65_537, 200_000, 7}) {
            byte[] line = new byte[length];
            Arrays.fill(line, (byte) ('a' + length % 26));
            want.add(line);
            input.write(line);
            input.write(length % 2 == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        input.write("last line without LF".getBytes(StandardCharsets.US_ASCII));
        LineReader reader = new LineReader(new ByteArrayInputStream(input.toByteArray()));

        for (byte[] line : want) {
            assertArrayEquals(line, reader.next());
        }
        assertEquals("last line without LF", new String(reader.next(), StandardCharsets.US_ASCII));
        assertNull(reader.next());
    }
}
