package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/**
 * "Must show" 3: 8-bit text to a relay without 8BITMIME arrives as 7-bit quoted-printable that decodes back to the
 * exact text (a scripted relay and GreenMail 2.1.13, whose EHLO offers AUTH and SMTPUTF8 but not 8BITMIME); an
 * encoded part is never relabelled 8bit; a non-ASCII address without SMTPUTF8 fails before MAIL FROM.
 */
class EightBitTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String NO_8BITMIME = "250-old.example.com\n250 PIPELINING";
    private static final List<String> LINES = List.of("Gr\u00fc\u00dfe aus K\u00f6ln", "Prix : 12,50 \u20ac",
            "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac", "\u65e5\u672c\u8a9e \ud83c\udf89");

    @TempDir
    Path base;

    private FakeSmtpServer relay;
    private TestStages stages;

    @BeforeEach
    void open() {
        stages = new TestStages(base);
    }

    @AfterEach
    void stop() throws IOException {
        stages.close();
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void processShouldSendSevenBitQuotedPrintableWhenRelayLacks8BitMime() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? NO_8BITMIME : null);

        stages.start(relay.port(), Map.of()).process(mail());

        assertEquals("MAIL FROM:<batch@example.com>", relay.commands().get(1));
        assertEquals("From: batch@example.com\r\n"
                + "Subject: Control totals\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n"
                + "Gr=C3=BC=C3=9Fe aus K=C3=B6ln\r\n"
                + "Prix : 12,50 =E2=82=AC\r\n"
                + "=CE=95=CE=BB=CE=BB=CE=B7=CE=BD=CE=B9=CE=BA=CE=AC\r\n"
                + "=E6=97=A5=E6=9C=AC=E8=AA=9E =F0=9F=8E=89\r\n"
                + ".\r\n", new String(relay.data().get(0), StandardCharsets.US_ASCII));
        assertTrue(allSevenBit(relay.data().get(0)));
    }

    @Test
    void processShouldDeliverTextThatDecodesExactlyWhenRelayLacks8BitMime() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? NO_8BITMIME : null);

        stages.start(relay.port(), Map.of()).process(mail());

        byte[] data = relay.data().get(0);
        byte[] message = java.util.Arrays.copyOf(data, data.length - 3);
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
        assertEquals(String.join("\r\n", LINES) + "\r\n", parsed.getContent());
    }

    @Test
    void processShouldDeliverReadableTextToGreenMailWhichLacks8BitMime() throws Exception {
        stages.start(GREEN_MAIL.getSmtp().getPort(), Map.of()).process(mail());

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertArrayEqualsOne("quoted-printable", received.getHeader("Content-Transfer-Encoding"));
        assertTrue(allSevenBit(GreenMailUtil.getWholeMessage(received).getBytes(StandardCharsets.UTF_8)));
        // GreenMail takes the last CRLF as part of the terminator, so the text lacks the final line end.
        assertEquals(String.join("\r\n", LINES), received.getContent());
    }

    @Test
    void processShouldKeepQuotedPrintablePartEncodedWhenRelayOffers8BitMime() throws Exception {
        relay = new FakeSmtpServer(c -> null);
        byte[] encoded = "Gr=C3=BC=C3=9Fe\r\n".getBytes(StandardCharsets.US_ASCII);
        MailObject base = MailObjects.builder().from("batch@example.com").to("a@example.com")
                .header("Subject", "QP").build();
        MailObject mail = base.withContent(base.content().withRoot(MimePart.leaf(
                new ContentType("text", "plain", Map.of("charset", "UTF-8")),
                Optional.of(ContentTransferEncoding.QUOTED_PRINTABLE),
                new PartBody.Text(ContentHandle.ofBytes(encoded), StandardCharsets.UTF_8))));

        stages.start(relay.port(), Map.of()).process(mail);

        String data = new String(relay.data().get(0), StandardCharsets.US_ASCII);
        assertEquals("Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC=C3=9Fe\r\n.\r\n",
                data.substring(data.indexOf("Content-Transfer-Encoding")));
    }

    @Test
    void processShouldRejectBeforeMailFromWhenFromFieldHoldsNonAsciiAddressAndRelayLacksSmtpUtf8()
            throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? NO_8BITMIME : null);
        MailObject mail = TextMails.withTextBody(MailObjects.builder().from("batch@example.com").to("a@example.com")
                .header("From", "J\u00fcrgen <j\u00fcrgen@example.com>"), List.of("Hallo"));

        StageOutcome outcome = stages.start(relay.port(), Map.of()).process(mail);
        stages.close();

        Disposition d = assertInstanceOf(StageOutcome.Stop.class, outcome).disposition();
        assertEquals(Disposition.Kind.REJECTED, d.kind());
        assertEquals("header field From holds non-ASCII text in '<j\u00fcrgen@example.com>' that RFC 2047 cannot "
                + "encode, and the relay did not offer SMTPUTF8", d.reason());
        assertEquals("553 5.6.7", d.reply().orElseThrow().toString().substring(0, 9));
        assertEquals(List.of("EHLO h.example.org", "QUIT"), relay.commands());
    }

    @Test
    void processShouldFailPermanentlyBeforeMailFromWhenAMessagePartHolds8BitOctetsAndRelayLacks8BitMime()
            throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? NO_8BITMIME : null);
        MailObject base = MailObjects.builder().from("batch@example.com").to("a@example.com")
                .header("Subject", "Forwarded").build();
        MailObject mail = base.withContent(base.content().withRoot(MimePart.multipart(
                ContentType.parse("multipart/mixed; boundary=b1"), List.of(
                        MimePart.leaf(ContentType.parse("text/plain; charset=UTF-8"), Optional.empty(), new PartBody.Text(
                                ContentHandle.ofBytes("see below\r\n".getBytes(StandardCharsets.UTF_8)),
                                StandardCharsets.UTF_8)),
                        MimePart.leaf(ContentType.parse("message/rfc822"), Optional.empty(), new PartBody.Text(
                                ContentHandle.ofBytes("Subject: K\u00f6ln\r\n\r\nK\u00f6ln\r\n"
                                        .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))))));

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> stages.start(relay.port(), Map.of()).process(mail));
        stages.close();

        assertEquals("the message cannot be written: part 2 (message/rfc822) holds 8-bit octets and the relay does"
                + " not offer 8BITMIME; RFC 2046 section 5.2.1 forbids encoding it", e.getMessage());
        assertEquals(List.of("EHLO h.example.org", "QUIT"), relay.commands());
    }

    private static MailObject mail() {
        return TextMails.withTextBody(MailObjects.builder().from("batch@example.com").to("a@example.com")
                .header("From", "batch@example.com").header("Subject", "Control totals"), LINES);
    }

    private static boolean allSevenBit(byte[] octets) {
        for (byte b : octets) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static void assertArrayEqualsOne(String expected, String[] values) {
        assertEquals(List.of(expected), List.of(values));
    }
}
