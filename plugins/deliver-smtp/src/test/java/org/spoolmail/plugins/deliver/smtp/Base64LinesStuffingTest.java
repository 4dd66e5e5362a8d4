package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.WireOptions;

/**
 * Base64 lines pass the dot-stuffing stream without its scan ({@code writeBase64Lines}); what comes before and
 * after them is still stuffed and its line ends still normalised, and the octets are those of the scanning path.
 */
class Base64LinesStuffingTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void writeBase64LinesShouldPassTheLinesAndStuffADotLineAfterThem() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        out.write(ascii("Content-Transfer-Encoding: base64\r\n\r\n"));
        out.writeBase64Lines(ascii("QUJD\r\nREVG"), 0, 10);
        out.write(ascii("\r\n.after\n"));
        out.finish();

        assertEquals("Content-Transfer-Encoding: base64\r\n\r\nQUJD\r\nREVG\r\n..after\r\n.\r\n",
                sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void writeBase64LinesShouldLeaveTheStreamAtALineStartWhenTheyEndWithCrlf() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        out.writeBase64Lines(ascii("QUJD\r\n"), 0, 6);
        out.write(ascii(".x"));
        out.finish();

        assertEquals("QUJD\r\n..x\r\n.\r\n", sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void finishShouldEndTheLastBase64LineBeforeTheTerminatorWhenItLacksCrlf() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        out.write(ascii("\r\n"));
        out.writeBase64Lines(ascii("QUJD"), 0, 4);
        out.finish();

        assertEquals("\r\nQUJD\r\n.\r\n", sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void writeBase64LinesShouldEndACrLeftByTheWriteBeforeThem() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(sink);
        out.write(ascii("a\r"));
        out.writeBase64Lines(ascii("QUJD"), 0, 4);
        out.finish();

        assertEquals("a\r\nQUJD\r\n.\r\n", sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void writeBase64LinesShouldFailTheAssertionWhenGivenADotOrABareLineEnd() {
        DotStuffingOutputStream out = new DotStuffingOutputStream(new ByteArrayOutputStream());

        assertThrows(AssertionError.class, () -> out.writeBase64Lines(ascii("QUJD\r\n.\r\n"), 0, 9));
        assertThrows(AssertionError.class, () -> out.writeBase64Lines(ascii("QUJD\nREVG"), 0, 9));
    }

    @Test
    void messageWriterThroughCountingAndStuffingShouldStuffTheTextPartAndSendTheBase64Unchanged() throws Exception {
        byte[] file = new byte[3 * 57 * 1024 + 5];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 13);
        }
        MimePart text = MimePart.leaf(ContentType.TEXT_PLAIN, Optional.empty(),
                new PartBody.Text(ContentHandle.ofBytes(ascii(".dot\r\n")), StandardCharsets.US_ASCII));
        MimePart binary = MimePart.leaf(ContentType.parse("application/octet-stream"), Optional.empty(),
                new PartBody.Binary(ContentHandle.ofBytes(file)));
        MailContent content = new MailContent(HeaderSection.EMPTY.with("Subject", "x"),
                MimePart.multipart(ContentType.parse("multipart/mixed; boundary=b1"), List.of(text, binary)));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DotStuffingOutputStream stuffed = new DotStuffingOutputStream(sink);
        CountingOutputStream counted = new CountingOutputStream(stuffed);

        MessageWriter.write(content, counted, WireOptions.SEVEN_BIT);
        stuffed.finish();

        String wire = sink.toString(StandardCharsets.US_ASCII);
        String base64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(file);
        assertTrue(wire.contains("\r\n\r\n..dot\r\n\r\n--b1\r\n"), "the text part's dot stuffed");
        assertTrue(wire.contains("Content-Transfer-Encoding: base64\r\n\r\n" + base64 + "\r\n--b1--\r\n.\r\n"),
                "the base64 lines unchanged, then the closing delimiter and the end of data");
        assertEquals(MessageWriter.measure(content, WireOptions.SEVEN_BIT).octets(), counted.count(),
                "counted before stuffing, base64 included");
        assertEquals(counted.count() + 1, wire.length() - 3, "one stuffed dot; the terminator not counted");
    }
}
