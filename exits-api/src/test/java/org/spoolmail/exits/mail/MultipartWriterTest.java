package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spoolmail.exits.mail.WireBytes.utf8;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

class MultipartWriterTest {

    private static final org.spoolmail.exits.mail.ContentType MIXED =
            org.spoolmail.exits.mail.ContentType.parse("multipart/mixed");

    private static MimePart textPart(String text, String type) {
        return MimePart.leaf(org.spoolmail.exits.mail.ContentType.parse(type), Optional.empty(),
                new PartBody.Text(ContentHandle.ofBytes(utf8(text)), StandardCharsets.UTF_8));
    }

    private static MimePart binaryPart(byte[] data, String type, String disposition) {
        MimePart part = MimePart.leaf(org.spoolmail.exits.mail.ContentType.parse(type), Optional.empty(),
                new PartBody.Binary(ContentHandle.ofBytes(data)));
        return part.withHeaders(HeaderSection.EMPTY.with("Content-Disposition", disposition));
    }

    private static MailContent message(MimePart root) {
        return new MailContent(HeaderSection.EMPTY.with("From", "sender@example.org").with("Subject", "parts"), root);
    }

    private static byte[] randomBytes(int n) {
        byte[] data = new byte[n];
        new Random(7).nextBytes(data);
        return data;
    }

    private static byte[] bytes(MimeBodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void writeShouldRoundTripEachPartWhenMixedTextAndBinary() throws Exception {
        String text = "Hallo Jürgen,\r\nsiehe Anhang.\r\n";
        byte[] data = randomBytes(3000);
        MimePart root = MimePart.multipart(MIXED, List.of(textPart(text, "text/plain"),
                binaryPart(data, "application/octet-stream", "attachment; filename=data.bin")));

        byte[] wire = WireBytes.write(message(root), WireOptions.SEVEN_BIT);

        WireBytes.assertCrlfOnly(wire);
        WireBytes.assertLinesAtMost(wire, 78);
        MimeMessage parsed = WireBytes.parse(wire);
        String boundary = new ContentType(parsed.getContentType()).getParameter("boundary");
        assertTrue(boundary.matches("=_spoolmail_[0-9a-z]{24}"), boundary);
        assertTrue(WireBytes.ascii(wire).endsWith("\r\n--" + boundary + "--\r\n"));
        MimeMultipart mp = (MimeMultipart) parsed.getContent();
        assertEquals(2, mp.getCount());
        MimeBodyPart first = (MimeBodyPart) mp.getBodyPart(0);
        assertEquals("quoted-printable", first.getEncoding());
        assertEquals(text, first.getContent());
        assertArrayEquals(utf8(text), bytes(first));
        MimeBodyPart second = (MimeBodyPart) mp.getBodyPart(1);
        assertEquals("base64", second.getEncoding());
        assertEquals("data.bin", second.getFileName());
        assertArrayEquals(data, bytes(second));
    }

    @Test
    void writeShouldEncodeFilenameWithRfc2231WhenLongAndNonAscii() throws Exception {
        StringBuilder name = new StringBuilder();
        while (name.length() < 196) {
            name.append("Überweisung € Ελλάδα 日本語 ");
        }
        String fileName = name.substring(0, 196) + ".pdf";
        assertEquals(200, fileName.length());
        MimePart attachment = binaryPart(randomBytes(100), "application/pdf", "attachment; filename=\""
                + fileName + "\"");
        attachment = new MimePart(attachment.contentType().withParameter("name", fileName), Optional.empty(),
                attachment.headers(), attachment.body(), List.of());
        MimePart root = MimePart.multipart(MIXED, List.of(textPart("see attachment\r\n", "text/plain"), attachment));

        byte[] wire = WireBytes.write(message(root), WireOptions.SEVEN_BIT);

        WireBytes.assertCrlfOnly(wire);
        WireBytes.assertLinesAtMost(wire, 78);
        assertTrue(WireBytes.ascii(wire).contains("Content-Disposition: attachment;\r\n filename*0*=UTF-8''%C3%9C"));
        MimeBodyPart part = (MimeBodyPart) ((MimeMultipart) WireBytes.parse(wire).getContent()).getBodyPart(1);
        assertEquals(fileName, part.getFileName());
        assertEquals(fileName, new ContentType(part.getContentType()).getParameter("name"));
    }

    @Test
    void writeShouldAddPlainNameAndFilenameWhenLongAsciiFileNameGoesOutAsRfc2231Continuations() throws Exception {
        String fileName = "PAYROLL.CONTROL.TOTALS.WEEK48.RUN-PR01.DEPARTMENT-FINANCE.REGION-EMEA.20261130.csv";
        assertEquals(82, fileName.length());
        MimePart attachment = binaryPart(randomBytes(100), "text/csv", "attachment; filename=\"" + fileName + "\"");
        attachment = new MimePart(attachment.contentType().withParameter("name", fileName), Optional.empty(),
                attachment.headers(), attachment.body(), List.of());
        MimePart root = MimePart.multipart(MIXED, List.of(textPart("see attachment\r\n", "text/plain"), attachment));

        byte[] wire = WireBytes.write(message(root), WireOptions.SEVEN_BIT);

        WireBytes.assertCrlfOnly(wire);
        WireBytes.assertLinesAtMost(wire, 998);
        String text = WireBytes.ascii(wire);
        assertTrue(text.contains("Content-Disposition: attachment;\r\n filename=" + fileName + ";\r\n"
                + " filename*0=PAYROLL.CONTROL.TOTALS.WEEK48.RUN-PR01.DEPARTMENT-FINANCE.REGI;\r\n"
                + " filename*1=ON-EMEA.20261130.csv\r\n"), text);
        assertTrue(text.contains("Content-Type: text/csv;\r\n name=" + fileName + ";\r\n name*0="), text);
        MimeBodyPart part = (MimeBodyPart) ((MimeMultipart) WireBytes.parse(wire).getContent()).getBodyPart(1);
        assertEquals(fileName, part.getFileName());
    }

    @Test
    void writeShouldSendBase64WhenTextLineLooksLikeBoundary() throws Exception {
        String text = "before\r\n--fixed-boundary\r\nafter\r\n";
        MimePart root = MimePart.multipart(org.spoolmail.exits.mail.ContentType.parse(
                "multipart/mixed; boundary=fixed-boundary"), List.of(textPart(text, "text/plain")));

        byte[] wire = WireBytes.write(message(root), WireOptions.SEVEN_BIT);

        MimeMultipart mp = (MimeMultipart) WireBytes.parse(wire).getContent();
        assertEquals(1, mp.getCount());
        MimeBodyPart part = (MimeBodyPart) mp.getBodyPart(0);
        assertEquals("base64", part.getEncoding());
        assertEquals(text, part.getContent());
    }

    @Test
    void writeShouldNestBoundariesWhenMultipartInsideMultipart() throws Exception {
        MimePart alternative = MimePart.multipart(org.spoolmail.exits.mail.ContentType.parse(
                "multipart/alternative"), List.of(textPart("plain\r\n", "text/plain"),
                textPart("<p>html</p>\r\n", "text/html")));
        MimePart root = MimePart.multipart(MIXED, List.of(alternative,
                binaryPart(new byte[] {0, 13, 10, 37, 21}, "application/octet-stream", "attachment")));

        byte[] wire = WireBytes.write(message(root), WireOptions.SEVEN_BIT);

        WireBytes.assertCrlfOnly(wire);
        MimeMultipart mp = (MimeMultipart) WireBytes.parse(wire).getContent();
        MimeMultipart inner = (MimeMultipart) mp.getBodyPart(0).getContent();
        assertEquals("plain\r\n", inner.getBodyPart(0).getContent());
        assertEquals("<p>html</p>\r\n", inner.getBodyPart(1).getContent());
        assertArrayEquals(new byte[] {0, 13, 10, 37, 21}, bytes((MimeBodyPart) mp.getBodyPart(1)));
    }
}
