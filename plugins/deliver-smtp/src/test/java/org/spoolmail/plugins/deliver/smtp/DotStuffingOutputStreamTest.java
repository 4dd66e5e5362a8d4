package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotStuffingOutputStreamTest {

    /** Inputs and outputs are written with \r and \n escapes; the output includes the terminator. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "a\\n.b\\r.\\r\\n        | a\\r\\n..b\\r\\n..\\r\\n.\\r\\n",
        ".first\\r\\n            | ..first\\r\\n.\\r\\n",
        "x\\r\\n.\\r\\n..\\r\\n    | x\\r\\n..\\r\\n...\\r\\n.\\r\\n",
        "no line end            | no line end\\r\\n.\\r\\n",
        "ends with cr\\r         | ends with cr\\r\\n.\\r\\n",
        "a\\r\\r\\nb              | a\\r\\n\\r\\nb\\r\\n.\\r\\n",
        "a\\n\\nb                 | a\\r\\n\\r\\nb\\r\\n.\\r\\n",
        "smuggle\\n.\\nMAIL FROM | smuggle\\r\\n..\\r\\nMAIL FROM\\r\\n.\\r\\n",
        "mid.dot.\\r\\n          | mid.dot.\\r\\n.\\r\\n",
        "''                     | .\\r\\n"})
    void finishShouldGiveExactOctetsWhenWrittenInOneBlock(String input, String expected) throws IOException {
        assertEquals(unescape(expected), stuffBlock(unescape(input)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "a\\n.b\\r.\\r\\n        | a\\r\\n..b\\r\\n..\\r\\n.\\r\\n",
        "ends with cr\\r         | ends with cr\\r\\n.\\r\\n",
        "smuggle\\r.\\rx         | smuggle\\r\\n..\\r\\nx\\r\\n.\\r\\n"})
    void finishShouldGiveExactOctetsWhenWrittenByteByByte(String input, String expected) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        for (byte b : unescape(input).getBytes(StandardCharsets.ISO_8859_1)) {
            out.write(b);
        }
        out.finish();
        assertEquals(unescape(expected), sink.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void finishShouldStuffDotWhenLineStartsInALaterBlock() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        out.write("abc\r".getBytes(StandardCharsets.US_ASCII));
        out.write("\n".getBytes(StandardCharsets.US_ASCII));
        out.write(".x\r\n".getBytes(StandardCharsets.US_ASCII));
        out.finish();

        assertEquals("abc\r\n..x\r\n.\r\n", sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void closeShouldNotEndDataWhenMessageIsIncomplete() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        out.write("half a mess".getBytes(StandardCharsets.US_ASCII));
        out.close();

        assertEquals("half a mess", sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void writeShouldFailWhenDataWasAlreadyEnded() throws IOException {
        DotStuffingOutputStream out = new DotStuffingOutputStream(new ByteArrayOutputStream());
        out.finish();

        IOException e = assertThrows(IOException.class, () -> out.write('x'));
        assertEquals("the data was already ended with <CRLF>.<CRLF>", e.getMessage());
    }

    @Test
    void writeShouldPassEightBitOctetsUnchangedWhenNotLineEnds() throws IOException {
        byte[] input = {(byte) 0xC3, (byte) 0xA9, 0x2E, (byte) 0x85, 0x0D, 0x0A, 0x2E, (byte) 0xFF};
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        out.write(input);
        out.finish();

        byte[] expected = {(byte) 0xC3, (byte) 0xA9, 0x2E, (byte) 0x85, 0x0D, 0x0A, 0x2E, 0x2E, (byte) 0xFF,
            0x0D, 0x0A, 0x2E, 0x0D, 0x0A};
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(sink.toByteArray()));
    }

    private static String stuffBlock(String input) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        out.write(input.getBytes(StandardCharsets.ISO_8859_1));
        out.finish();
        return sink.toString(StandardCharsets.ISO_8859_1);
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }
}
