package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@link MessageWriter#write} to an output that is a {@link Base64LineSink}: same octets, base64 past the scan. */
class MessageWriterBase64LineSinkTest {

    /** Records every call in order: what went to write() and what to writeBase64Lines(). */
    private static final class Recording extends OutputStream implements Base64LineSink {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final ByteArrayOutputStream lines = new ByteArrayOutputStream();
        final List<String> calls = new ArrayList<>();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            all.write(b, off, len);
            calls.add("write " + len);
        }

        @Override
        public void writeBase64Lines(byte[] b, int off, int len) {
            all.write(b, off, len);
            lines.write(b, off, len);
            calls.add("lines " + len);
        }
    }

    /** 2 full blocks of 1,024 lines and 100 octets more: octet i is i * 7 mod 256. */
    private static byte[] knownFile() {
        byte[] data = new byte[2 * Base64Blocks.BLOCK_INPUT + 100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        return data;
    }

    private static MailContent message(byte[] attachment) {
        byte[] dotLine = ".starts with a dot\r\n".getBytes(StandardCharsets.US_ASCII);
        MimePart text = MimePart.leaf(ContentType.TEXT_PLAIN, Optional.empty(),
                new PartBody.Text(ContentHandle.ofBytes(dotLine), StandardCharsets.US_ASCII));
        MimePart file = MimePart.leaf(ContentType.parse("application/octet-stream"), Optional.empty(),
                new PartBody.Binary(ContentHandle.ofBytes(attachment)));
        MimePart root = MimePart.multipart(ContentType.parse("multipart/mixed; boundary=b1"), List.of(text, file));
        return new MailContent(HeaderSection.EMPTY.with("Subject", "extract"), root);
    }

    @Test
    void writeShouldHandTheBase64LinesOfABinaryPartToTheSinkWhenTheOutputIsOne() throws Exception {
        Recording out = new Recording();

        MessageWriter.write(message(knownFile()), out, WireOptions.SEVEN_BIT);

        // base64 of the known file in lines of 76 characters joined by CRLF, no CRLF after the last line (the
        // sha256 computed outside Java: Python's base64.b64encode, joined in lines of 76)
        byte[] lines = out.lines.toByteArray();
        assertEquals("3aa11270cbd62e2976afb0bb16a565d19b50c705cba612137cfc1c9bef180dd7",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lines)));
        assertEquals(Base64Blocks.encodedLength(knownFile().length), lines.length);
        assertEquals("AAcOFRwjKjE4P0ZNVFtiaXB3foWMk5qhqK+2vcTL0tng5+71/AMKERgfJi00O0JJUFdeZWxzeoGI",
                new String(lines, 0, 76, StandardCharsets.US_ASCII));
        assertEquals("\r\n", new String(lines, 76, 2, StandardCharsets.US_ASCII));
        // one call per block of 1,024 lines: a full block and the CRLF that joins it to the next, then the rest
        assertEquals(List.of("lines " + 1024 * 78, "lines " + 1024 * 78, "lines 138"),
                out.calls.stream().filter(c -> c.startsWith("lines")).toList());
        assertTrue(out.calls.get(0).startsWith("write"), "the header section goes first: " + out.calls);
    }

    @Test
    void writeShouldGiveTheSameOctetsWhetherTheOutputIsABase64LineSinkOrNot() throws IOException {
        Recording sink = new Recording();
        MailContent content = message(knownFile());

        MessageWriter.write(content, sink, WireOptions.SEVEN_BIT);
        byte[] plain = WireBytes.write(content, WireOptions.SEVEN_BIT);

        assertArrayEquals(plain, sink.all.toByteArray());
        String wire = WireBytes.ascii(plain);
        assertTrue(wire.contains("\r\n\r\n.starts with a dot\r\n\r\n--b1\r\n"), "the text part, unstuffed here");
        assertTrue(wire.endsWith("\r\n--b1--\r\n"), "closing delimiter after the base64");
    }
}
