package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;

import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;

class TransferEncodingTest {

    private static byte[] qp(byte[] text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuotedPrintableOutputStream qp = new QuotedPrintableOutputStream(out);
        CrlfNormalizingOutputStream normaliser = new CrlfNormalizingOutputStream(qp);
        normaliser.write(text);
        normaliser.close();
        qp.close();
        return out.toByteArray();
    }

    private static byte[] decode(byte[] encoded, String encoding) throws Exception {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(encoded), encoding)) {
            return in.readAllBytes();
        }
    }

    private static byte[] randomText(Random random, int lines) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        String alphabet = "ab =.\t-\u0000\u00ff\u0080xyz";
        for (int i = 0; i < lines; i++) {
            int length = random.nextInt(300);
            for (int j = 0; j < length; j++) {
                text.write(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            text.write('\r');
            text.write('\n');
        }
        return text.toByteArray();
    }

    @Test
    void quotedPrintableShouldDecodeToSameOctetsWhenRandomText() throws Exception {
        Random random = new Random(1);
        for (int round = 0; round < 50; round++) {
            byte[] text = randomText(random, 20);

            byte[] encoded = qp(text);

            for (String line : WireBytes.lines(encoded)) {
                assertTrue(line.length() <= 76, line);
                assertFalse(line.endsWith(" ") || line.endsWith("\t"), "trailing white space: " + line);
                assertTrue(line.chars().allMatch(c -> c >= 32 && c < 127 || c == '\t'), line);
            }
            assertArrayEquals(text, decode(encoded, "quoted-printable"));
        }
    }

    @Test
    void quotedPrintableShouldEncodeTrailingWhiteSpaceWhenAtEndOfText() throws IOException {
        assertEquals("a=20", WireBytes.ascii(qp("a ".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("a \tb=09\r\n", WireBytes.ascii(qp("a \tb\t\n".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void writeShouldRewrapBase64WhenPassedThroughInOneLine() throws Exception {
        byte[] data = new byte[3000];
        new Random(3).nextBytes(data);
        byte[] oneLine = Base64.getEncoder().encode(data);
        MimePart root = MimePart.leaf(ContentType.OCTET_STREAM, Optional.of(ContentTransferEncoding.BASE64),
                new PartBody.Text(ContentHandle.ofBytes(oneLine), StandardCharsets.US_ASCII));

        byte[] wire = WireBytes.write(new MailContent(HeaderSection.EMPTY, root), WireOptions.SEVEN_BIT);

        WireBytes.assertLinesAtMost(wire, 76);
        WireBytes.assertCrlfOnly(wire);
        try (InputStream in = WireBytes.parse(wire).getInputStream()) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void writeShouldBreakQuotedPrintableSoftlyWhenPassedThroughLineTooLong() throws Exception {
        String text = "=C3=BC".repeat(400) + "\r\n";
        MimePart root = MimePart.leaf(ContentType.parse("text/plain; charset=UTF-8"),
                Optional.of(ContentTransferEncoding.QUOTED_PRINTABLE),
                new PartBody.Text(ContentHandle.ofBytes(text.getBytes(StandardCharsets.US_ASCII)),
                        StandardCharsets.US_ASCII));

        byte[] wire = WireBytes.write(new MailContent(HeaderSection.EMPTY, root), WireOptions.SEVEN_BIT);

        WireBytes.assertLinesAtMost(wire, 998);
        assertEquals("ü".repeat(400) + "\r\n", WireBytes.parse(wire).getContent());
    }

    @Test
    void writeShouldEncodeLongAsciiWordWhenSubjectWordPassesLineLimit() throws Exception {
        String subject = "start " + "x".repeat(1500) + " end";
        MimePart root = MimePart.leaf(ContentType.TEXT_PLAIN, Optional.empty(),
                new PartBody.Text(ContentHandle.ofBytes(new byte[0]), StandardCharsets.US_ASCII));

        byte[] wire = WireBytes.write(new MailContent(HeaderSection.EMPTY.with("Subject", subject), root),
                WireOptions.SEVEN_BIT);

        WireBytes.assertLinesAtMost(wire, 78);
        assertEquals(subject, WireBytes.parse(wire).getSubject());
    }
}
