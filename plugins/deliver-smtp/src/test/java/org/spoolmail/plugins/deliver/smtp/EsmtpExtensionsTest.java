package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.RecipientResult.Status;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.WireOptions;

/** SIZE (RFC 1870), DSN (RFC 3461) and RFC 3463 enhanced status codes on the wire of {@link FakeSmtpServer}. */
class EsmtpExtensionsTest {

    private static final String EHLO = "250-fake.example.com\n250-PIPELINING\n250-8BITMIME\n250-SIZE %d\n250 DSN";

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
    void processShouldAnnounceExactSizeWhenRelayOffersSize() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO.formatted(10_240_000) : null);
        MailObject mail = SmtpDeliveryStageTest.mail("a@example.com");

        stages.start(relay.port(), Map.of()).process(mail);

        long octets = written(mail).length;
        assertEquals("MAIL FROM:<batch@example.com> SIZE=" + octets + " ENVID=TEST0001",
                relay.commands().get(1));
    }

    @Test
    void processShouldRejectBeforeMailFromWhenMessageExceedsRelaySizeLimit() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO.formatted(100) : null);
        MailObject mail = SmtpDeliveryStageTest.mail("a@example.com");

        Disposition d = stop(stages.start(relay.port(), Map.of()).process(mail));
        stages.close();

        String reason = "the message of " + written(mail).length + " octets exceeds the SIZE limit of 100 octets of "
                + "smart host 127.0.0.1:" + relay.port();
        assertEquals(Disposition.Kind.REJECTED, d.kind());
        assertEquals(reason, d.reason());
        assertEquals(Optional.of(SmtpReply.of(552, "5.3.4", reason)), d.reply());
        assertEquals(List.of("EHLO h.example.org", "QUIT"), relay.commands());
    }

    @Test
    void processShouldSendDsnParametersWhenRelayOffersDsn() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? "250-fake.example.com\n250 DSN" : null);
        MailObject mail = SmtpDeliveryStageTest.mail("a@example.com", "b@example.com");
        MailObject withId = new MailObject("Q+1=2 x", mail.envelope(), mail.content(), mail.identity(),
                mail.attributes(), mail.trace());

        stages.start(relay.port(), Map.of("dsn-notify", "success, failure,delay", "dsn-ret", "hdrs"))
                .process(withId);

        assertEquals(List.of("EHLO h.example.org", "MAIL FROM:<batch@example.com> RET=HDRS ENVID=Q+2B1+3D2+20x",
                "RCPT TO:<a@example.com> NOTIFY=SUCCESS,FAILURE,DELAY",
                "RCPT TO:<b@example.com> NOTIFY=SUCCESS,FAILURE,DELAY", "DATA"), relay.commands());
    }

    @Test
    void processShouldSendNoDsnParametersWhenRelayDoesNotOfferDsn() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? "250-fake.example.com\n250 8BITMIME" : null);

        stages.start(relay.port(), Map.of("dsn-notify", "never", "dsn-ret", "full"))
                .process(SmtpDeliveryStageTest.mail("a@example.com"));

        assertEquals(List.of("EHLO h.example.org", "MAIL FROM:<batch@example.com>",
                "RCPT TO:<a@example.com>", "DATA"), relay.commands());
    }

    @Test
    void initShouldRefuseNeverCombinedWithOtherNotifyWords() {
        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(25, Map.of("dsn-notify", "never,failure")));

        assertEquals("dsn-notify 'never,failure' is not 'never' or a comma list of success, failure, delay",
                e.getMessage());
    }

    @Test
    void processShouldCarryEnhancedStatusIntoRecipientResultsWhenRelayDefersOne() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("RCPT TO:<b@example.com>")
                ? "452-4.2.2 mailbox full\n452 4.2.2 try again tomorrow" : null);

        Disposition d = stop(stages.start(relay.port(), Map.of())
                .process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com")));

        assertEquals(Disposition.Kind.DELIVERED, d.kind());
        assertEquals(Status.DEFERRED, d.recipients().get(1).status());
        assertEquals(Optional.of(new SmtpReply(452, Optional.of("4.2.2"), "mailbox full try again tomorrow")),
                d.recipients().get(1).reply());
    }

    private static byte[] written(MailObject mail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageWriter.write(mail.content(), out, new WireOptions(true, false));
        return out.toByteArray();
    }

    private static Disposition stop(StageOutcome outcome) {
        return assertInstanceOf(StageOutcome.Stop.class, outcome).disposition();
    }
}
