package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RecordReaderTest {

    @Test
    void nextShouldFailNamingTheRecordWhenALineIsLongerThanTheDefaultLimit() throws IOException {
        RecordReader reader = RecordFormat.LF.reader(new EndlessLine("first\n"));

        assertArrayEquals("first".getBytes(StandardCharsets.US_ASCII), reader.next());
        IOException e = assertThrows(IOException.class, reader::next);

        assertEquals("record 2 is longer than 1048576 octets", e.getMessage());
    }

    @Test
    void nextShouldFailWhenACrlfRecordPassesAGivenLimit() throws IOException {
        RecordReader reader = RecordFormat.CRLF.reader(
                new ByteArrayInputStream("abcd\r\nabcde\r\n".getBytes(StandardCharsets.US_ASCII)), 4);

        assertArrayEquals("abcd".getBytes(StandardCharsets.US_ASCII), reader.next());
        assertEquals("record 2 is longer than 4 octets", assertThrows(IOException.class, reader::next).getMessage());
    }

    @Test
    void nextShouldFailWhenAnEbcdicNewLineRecordPassesAGivenLimit() {
        RecordReader reader = RecordFormat.NL.reader(new ByteArrayInputStream(new byte[] {(byte) 0xC1, (byte) 0xC2,
            (byte) 0xC3}), 2);

        assertEquals("record 1 is longer than 2 octets", assertThrows(IOException.class, reader::next).getMessage());
    }

    /** A stream with one short line and then 100 MB without a line end, generated, never held in memory. */
    private static final class EndlessLine extends InputStream {
        private final byte[] start;
        private long position;

        EndlessLine(String start) {
            this.start = start.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            if (position < start.length) {
                return start[(int) position++];
            }
            return position++ < 100_000_000L ? 'x' : -1;
        }
    }
}
