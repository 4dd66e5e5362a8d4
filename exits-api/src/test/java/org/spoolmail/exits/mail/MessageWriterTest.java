package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spoolmail.exits.mail.WireBytes.utf8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

class MessageWriterTest {

    private static final ContentType TEXT_UTF8 = ContentType.parse("text/plain; charset=UTF-8");

    private static MailContent message(MimePart root) {
        HeaderSection headers = HeaderSection.EMPTY
                .with("From", "Sender <sender@example.org>")
                .with("To", "a@example.org, b@example.org")
                .with("Subject", "Monthly report")
                .with("Date", "Tue, 1 Jul 2025 10:00:00 +0200")
                .with("Message-ID", "<20250701100000.TEST0001@example.org>")
                .with("MIME-Version", "1.0");
        return new MailContent(headers, root);
    }

    private static MimePart text(ContentType type, byte[] content, java.nio.charset.Charset charset) {
        return MimePart.leaf(type, Optional.empty(), new PartBody.Text(ContentHandle.ofBytes(content), charset));
    }

    private static final String HEADERS = "From: Sender <sender@example.org>\r\n"
            + "To: a@example.org, b@example.org\r\n"
            + "Subject: Monthly report\r\n"
            + "Date: Tue, 1 Jul 2025 10:00:00 +0200\r\n"
            + "Message-ID: <20250701100000.TEST0001@example.org>\r\n"
            + "MIME-Version: 1.0\r\n";

    @Test
    void writeShouldProduceExactOctetsWhenPlainAsciiText() throws IOException {
        MimePart root = text(ContentType.TEXT_PLAIN, utf8("Hello, world.\r\nSecond line.\r\n"),
                StandardCharsets.US_ASCII);

        byte[] wire = WireBytes.write(message(root), WireOptions.SEVEN_BIT);

        WireBytes.assertWire(HEADERS
                + "Content-Type: text/plain; charset=US-ASCII\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n"
                + "Hello, world.\r\nSecond line.\r\n", wire);
    }

    @Test
    void writeShouldSend8bitWhenRelayOffers8BitMime() throws IOException {
        byte[] body = utf8("Grüße = 100 €\r\n");

        byte[] wire = WireBytes.write(message(text(TEXT_UTF8, body, StandardCharsets.UTF_8)),
                new WireOptions(true, false));

        assertArrayEquals(utf8(HEADERS + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nGrüße = 100 €\r\n"), wire);
    }

    @Test
    void writeShouldSendQuotedPrintableWhenRelayLacks8BitMime() throws IOException {
        byte[] body = utf8("Grüße = 100 € \r\n");

        byte[] wire = WireBytes.write(message(text(TEXT_UTF8, body, StandardCharsets.UTF_8)),
                WireOptions.SEVEN_BIT);

        WireBytes.assertWire(HEADERS + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Gr=C3=BC=C3=9Fe =3D 100 =E2=82=AC=20\r\n", wire);
    }

    @Test
    void writeShouldSendBase64LinesOf76WhenBinaryAndRoundTripThroughAngus() throws Exception {
        byte[] data = new byte[100 * 1024];
        new Random(42).nextBytes(data);
        MimePart root = MimePart.leaf(ContentType.OCTET_STREAM, Optional.empty(),
                new PartBody.Binary(ContentHandle.ofBytes(data)));

        byte[] wire = WireBytes.write(message(root), WireOptions.SEVEN_BIT);

        List<String> lines = WireBytes.lines(wire);
        int blank = lines.indexOf("");
        List<String> body = lines.subList(blank + 1, lines.size());
        assertEquals("Content-Transfer-Encoding: base64", lines.get(blank - 1));
        assertEquals((data.length + 56) / 57, body.size());
        for (int i = 0; i < body.size() - 1; i++) {
            assertEquals(76, body.get(i).length(), "base64 line " + i);
        }
        assertTrue(body.get(body.size() - 1).length() <= 76);
        WireBytes.assertCrlfOnly(wire);
        try (InputStream in = WireBytes.parse(wire).getInputStream()) {
            assertEquals(WireBytes.sha256(data), WireBytes.sha256(in.readAllBytes()));
        }
    }

    @Test
    void writeShouldSendQuotedPrintableWhenLineLongerThan998() throws Exception {
        StringBuilder line = new StringBuilder();
        while (line.length() < 5000) {
            line.append("Zeile mit Text = ").append(line.length()).append(" Köln\t");
        }
        String text = line.substring(0, 5000) + "\r\n";

        byte[] wire = WireBytes.write(message(text(TEXT_UTF8, utf8(text), StandardCharsets.UTF_8)),
                new WireOptions(true, false));

        assertTrue(WireBytes.ascii(wire).contains("Content-Transfer-Encoding: quoted-printable\r\n"));
        WireBytes.assertLinesAtMost(wire, 76);
        WireBytes.assertCrlfOnly(wire);
        assertEquals(text, WireBytes.parse(wire).getContent());
    }

    @Test
    void writeShouldTurnBareCrAndLfIntoCrlfWhenTextBody() throws IOException {
        byte[] body = "a\nb\rc\r\n.\r\n\n.\r\nd\r".getBytes(StandardCharsets.US_ASCII);

        byte[] wire = WireBytes.write(message(text(ContentType.TEXT_PLAIN, body, StandardCharsets.US_ASCII)),
                WireOptions.SEVEN_BIT);

        WireBytes.assertCrlfOnly(wire);
        assertTrue(WireBytes.ascii(wire).endsWith("\r\n\r\na\r\nb\r\nc\r\n.\r\n\r\n.\r\nd\r\n"));
    }

    @Test
    void writeShouldAddFinalCrlfWhenTextLacksLineEnd() throws IOException {
        byte[] wire = WireBytes.write(message(text(ContentType.TEXT_PLAIN, utf8("no end"), StandardCharsets.UTF_8)),
                WireOptions.SEVEN_BIT);

        assertTrue(WireBytes.ascii(wire).endsWith("\r\n\r\nno end\r\n"));
    }

    @Test
    void writeShouldKeepEncodedTextAsIsWhenTransferEncodingFixed() throws IOException {
        MimePart root = MimePart.leaf(TEXT_UTF8, Optional.of(ContentTransferEncoding.QUOTED_PRINTABLE),
                new PartBody.Text(ContentHandle.ofBytes(utf8("Gr=C3=BC=C3=9Fe\n")), StandardCharsets.US_ASCII));

        byte[] wire = WireBytes.write(message(root), new WireOptions(true, true));

        assertTrue(WireBytes.ascii(wire).endsWith("Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC=C3=9Fe\r\n"));
    }

    @Test
    void writeShouldThrowWhenPartHoldsRecords() throws IOException {
        TextRecords records = TextRecords.ofLines(Ccsid.ISO_8859_1, List.of("hello"));
        MimePart root = MimePart.leaf(ContentType.TEXT_PLAIN, Optional.empty(), new PartBody.Records(records));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MessageWriter.write(message(root), out, WireOptions.SEVEN_BIT));

        assertEquals("part not translated: part 1 (text/plain) still holds records in their source CCSID",
                e.getMessage());
        assertEquals(0, out.size());
    }

    private static final byte[] FORWARDED = ("From: a@example.org\r\nSubject: Gr\u00fc\u00dfe\r\n\r\n"
            + "K\u00f6ln\r\n").getBytes(StandardCharsets.UTF_8);

    private static MailContent withForwarded(byte[] forwarded) {
        return message(MimePart.multipart(ContentType.parse("multipart/mixed; boundary=b1"), List.of(
                text(TEXT_UTF8, "see below\r\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                text(ContentType.parse("message/rfc822"), forwarded, StandardCharsets.UTF_8))));
    }

    @Test
    void checkWritableShouldRefuseNamingThePartWhenAMessagePartHolds8BitOctetsAndRelayLacks8BitMime() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MessageWriter.checkWritable(withForwarded(FORWARDED), WireOptions.SEVEN_BIT));

        assertEquals("part 2 (message/rfc822) holds 8-bit octets and the relay does not offer 8BITMIME;"
                + " RFC 2046 section 5.2.1 forbids encoding it", e.getMessage());
    }

    @Test
    void writeShouldRefuseBeforeWritingAnythingWhenAMessagePartHolds8BitOctetsAndRelayLacks8BitMime() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MessageWriter.write(withForwarded(FORWARDED), out, WireOptions.SEVEN_BIT));

        assertEquals("part 2 (message/rfc822) holds 8-bit octets and the relay does not offer 8BITMIME;"
                + " RFC 2046 section 5.2.1 forbids encoding it", e.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void checkWritableShouldRefuseNamingRfc2045WhenAnUndividedMultipartHolds8BitOctets() {
        MailContent content = message(text(ContentType.parse("multipart/mixed; boundary=b1"),
                "--b1\r\n\r\nK\u00f6ln\r\n--b1--\r\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MessageWriter.checkWritable(content, WireOptions.SEVEN_BIT));

        assertEquals("part 1 (multipart/mixed) holds 8-bit octets and the relay does not offer 8BITMIME;"
                + " RFC 2045 section 6.4 forbids encoding it", e.getMessage());
    }

    @Test
    void writeShouldSendTheMessagePart8bitUnchangedWhenRelayOffers8BitMime() throws IOException {
        byte[] wire = WireBytes.write(withForwarded(FORWARDED), new WireOptions(true, false));

        assertTrue(new String(wire, StandardCharsets.UTF_8).contains("Content-Type: message/rfc822\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nFrom: a@example.org\r\nSubject: Gr\u00fc\u00dfe\r\n\r\n"
                + "K\u00f6ln\r\n"));
    }

    @Test
    void writeShouldSendAnAsciiMessagePart7bitWhenRelayLacks8BitMime() throws IOException {
        byte[] ascii = "From: a@example.org\r\nSubject: totals\r\n\r\nok\r\n".getBytes(StandardCharsets.US_ASCII);

        MessageWriter.checkWritable(withForwarded(ascii), WireOptions.SEVEN_BIT);
        byte[] wire = WireBytes.write(withForwarded(ascii), WireOptions.SEVEN_BIT);

        assertTrue(WireBytes.ascii(wire).contains("Content-Type: message/rfc822\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n\r\nFrom: a@example.org\r\nSubject: totals\r\n\r\nok\r\n"),
                WireBytes.ascii(wire));
    }

    static MimeMessage roundTrip(MailContent content, WireOptions options) throws IOException, MessagingException {
        byte[] wire = WireBytes.write(content, options);
        WireBytes.assertCrlfOnly(wire);
        WireBytes.assertLinesAtMost(wire, 998);
        return WireBytes.parse(wire);
    }
}
