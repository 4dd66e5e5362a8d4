package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.WireOptions;

/** The stage against a real SMTP server (GreenMail 2.1.13, which unstuffs the first body line too). */
class GreenMailDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String SUBJECT = "Gr\u00fc\u00dfe: Lauf PR01 \u2013 Summen [Woche 48]";
    private static final List<String> BODY = List.of("Totals", ".", "..", ".HIDDEN", "Gr\u00fc\u00dfe \u20ac 10");

    @TempDir
    Path base;

    private final List<SmtpDeliveryStage> opened = new ArrayList<>();

    @AfterEach
    void closeStages() {
        opened.forEach(SmtpDeliveryStage::close);
    }

    @Test
    void processShouldDeliverToEveryRecipientWhenRelayAccepts() throws Exception {
        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class, stage().process(mail()));

        assertEquals(Disposition.Kind.DELIVERED, stop.disposition().kind());
        assertEquals(List.of(accepted("hr.reports@example.com"), accepted("audit@example.com"),
                accepted("ops@example.net")), stop.disposition().recipients());
        assertEquals(Optional.of("250 OK"), stop.mail().attributes().get("relay-reply"));
        assertEquals(Optional.of(Long.toString(written().length)), stop.mail().attributes().get("size-octets"));
    }

    @Test
    void processShouldGiveRelayTheExactEnvelopeWhenDelivering() throws Exception {
        stage().process(mail());

        assertEquals(List.of("audit@example.com", "hr.reports@example.com", "ops@example.net"),
                GREEN_MAIL.getUserManager().listUser().stream().map(GreenMailUser::getEmail).sorted().toList());
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertEquals(3, received.length);
        for (MimeMessage m : received) {
            assertArrayEquals(new String[] {"<batch@example.com>"}, m.getHeader("Return-Path"));
        }
    }

    @Test
    void processShouldKeepHeaderFieldsAndBodyLinesExactWhenRelayUnstuffs() throws Exception {
        stage().process(mail());

        MimeMessage m = GREEN_MAIL.getReceivedMessages()[0];
        assertEquals(SUBJECT, m.getSubject());
        assertArrayEquals(new String[] {"Batch Mailer <batch@example.com>"}, m.getHeader("From"));
        assertArrayEquals(new String[] {"hr.reports@example.com, audit@example.com, ops@example.net"},
                m.getHeader("To"));
        assertEquals("text/plain; charset=UTF-8", m.getContentType());
        // GreenMail keeps the CRLF before the final "." as part of the terminator, so the last line end is gone;
        // the exact octets on the wire are asserted in SmtpWireTest.
        assertEquals(String.join("\r\n", BODY), m.getContent());
    }

    private SmtpDeliveryStage stage() throws Exception {
        SmtpDeliveryStage stage = new SmtpDeliveryStage(name -> null);
        opened.add(stage);
        stage.init(FakeStageContext.of(stage, Map.of("host", "127.0.0.1",
                "port", GREEN_MAIL.getSmtp().getPort(), "helo-name", "batch.example.org"), base));
        return stage;
    }

    private static MailObject mail() {
        return TextMails.withTextBody(MailObjects.builder().from("batch@example.com")
                .to("hr.reports@example.com").to("audit@example.com").to("ops@example.net")
                .header("From", "Batch Mailer <batch@example.com>")
                .header("To", "hr.reports@example.com, audit@example.com, ops@example.net")
                .header("Subject", SUBJECT), BODY);
    }

    private static byte[] written() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageWriter.write(mail().content(), out, new WireOptions(false, false));
        return out.toByteArray();
    }

    private static RecipientResult accepted(String address) {
        return new RecipientResult(ForwardPath.parse(address), RecipientResult.Status.ACCEPTED,
                Optional.of(new SmtpReply(250, Optional.empty(), "OK")));
    }
}
