package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.Disposition.Kind;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.RecipientResult.Status;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * How each relay answer becomes a disposition with one {@link RecipientResult} per forward-path (the convention the
 * spool keeps per-recipient state by): 2xx ACCEPTED, 4xx DEFERRED (to retry), 5xx REFUSED (final), each with the
 * reply that decided it, whether it came to RCPT, to MAIL (for every recipient), to DATA or after the data (for
 * every recipient the relay had accepted). A 4xx to the whole transaction is a DEFERRED disposition, never a thrown
 * failure (which the kernel would hold as an environment problem, condition code 16).
 */
class RelayOutcomeTest {

    @TempDir
    Path base;

    private FakeSmtpServer relay;
    private SmtpDeliveryStage opened;

    @AfterEach
    void stop() throws IOException {
        if (opened != null) {
            opened.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void processShouldMarkOnlyTheDeferredRecipientDeferredWhenOthersAreAccepted() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("RCPT TO:<b@example.com>") ? "451 4.2.1 mailbox busy" : null);

        Disposition d = stop(stage().process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com",
                "c@example.com")));

        assertEquals(Kind.DELIVERED, d.kind());
        assertEquals(List.of(result("a@example.com", Status.ACCEPTED, "250 2.0.0 OK"),
                result("b@example.com", Status.DEFERRED, "451 4.2.1 mailbox busy"),
                result("c@example.com", Status.ACCEPTED, "250 2.0.0 OK")), d.recipients());
    }

    @Test
    void processShouldDeferEveryRecipientWithTheReplyWhenSenderIsDeferred() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("MAIL") ? "451 4.3.0 try again later" : null);

        StageOutcome outcome = stage().process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com"));

        Disposition d = stop(outcome);
        assertEquals(Kind.DEFERRED, d.kind());
        assertEquals("smart host 127.0.0.1:" + relay.port() + " deferred sender <batch@example.com>: 451 4.3.0 "
                + "try again later", d.reason());
        assertEquals(Optional.of(SmtpReply.of(451, "4.3.0", "try again later")), d.reply());
        assertEquals(List.of(result("a@example.com", Status.DEFERRED, "451 4.3.0 try again later"),
                result("b@example.com", Status.DEFERRED, "451 4.3.0 try again later")), d.recipients());
        assertEquals(Optional.of("451 4.3.0 try again later"), outcome.mail().attributes().get("relay-reply"));
    }

    @Test
    void processShouldDeferWhenNoRecipientIsAcceptedAndOneIsDeferred() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("RCPT TO:<a@example.com>") ? "550 5.1.1 no such user"
                : c.equals("RCPT TO:<b@example.com>") ? "450 4.2.0 greylisted, come back in 5 minutes" : null);

        Disposition d = stop(stage().process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com")));

        assertEquals(Kind.DEFERRED, d.kind());
        assertEquals("smart host 127.0.0.1:" + relay.port() + " accepted no recipient; <b@example.com>: 450 4.2.0 "
                + "greylisted, come back in 5 minutes", d.reason());
        assertEquals(List.of(result("a@example.com", Status.REFUSED, "550 5.1.1 no such user"),
                result("b@example.com", Status.DEFERRED, "450 4.2.0 greylisted, come back in 5 minutes")),
                d.recipients());
        assertEquals(List.of("EHLO", "MAIL", "RCPT", "RCPT", "RSET", "QUIT"), verbs());
    }

    @Test
    void processShouldDeferTheAcceptedRecipientsWhenDataCommandIsDeferred() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("RCPT TO:<b@example.com>") ? "550 5.1.1 no such user"
                : c.equals("DATA") ? "451 4.3.0 queue file write error" : null);

        Disposition d = stop(stage().process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com")));

        assertEquals(Kind.DEFERRED, d.kind());
        assertEquals(List.of(result("a@example.com", Status.DEFERRED, "451 4.3.0 queue file write error"),
                result("b@example.com", Status.REFUSED, "550 5.1.1 no such user")), d.recipients());
        assertEquals(Optional.of(SmtpReply.of(451, "4.3.0", "queue file write error")), d.reply());
    }

    @Test
    void processShouldDeferTheAcceptedRecipientsWhenRelayDefersAfterTheData() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("RCPT TO:<b@example.com>") ? "550 5.1.1 no such user"
                : c.equals(".") ? "452 4.3.1 insufficient system storage" : null);

        StageOutcome outcome = stage().process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com",
                "c@example.com"));

        Disposition d = stop(outcome);
        assertEquals(Kind.DEFERRED, d.kind());
        assertEquals("smart host 127.0.0.1:" + relay.port() + " deferred the message: 452 4.3.1 insufficient "
                + "system storage", d.reason());
        assertEquals(List.of(result("a@example.com", Status.DEFERRED, "452 4.3.1 insufficient system storage"),
                result("b@example.com", Status.REFUSED, "550 5.1.1 no such user"),
                result("c@example.com", Status.DEFERRED, "452 4.3.1 insufficient system storage")), d.recipients());
        assertEquals(Optional.of("452 4.3.1 insufficient system storage"),
                outcome.mail().attributes().get("relay-reply"));
        assertEquals(1, relay.data().size());
    }

    @Test
    void processShouldRefuseTheAcceptedRecipientsWithTheReplyWhenRelayRefusesAfterTheData() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("RCPT TO:<b@example.com>") ? "451 4.2.1 mailbox busy"
                : c.equals(".") ? "554 5.7.1 message content rejected" : null);

        Disposition d = stop(stage().process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com")));

        assertEquals(Kind.REJECTED, d.kind());
        assertEquals(List.of(result("a@example.com", Status.REFUSED, "554 5.7.1 message content rejected"),
                result("b@example.com", Status.DEFERRED, "451 4.2.1 mailbox busy")), d.recipients());
    }

    @Test
    void processShouldRefuseEveryRecipientWithItsReplyWhenAllAreRefused() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("RCPT TO:<a@example.com>") ? "550 5.1.1 no such user"
                : c.startsWith("RCPT") ? "553 5.7.1 relaying denied" : null);

        Disposition d = stop(stage().process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.net")));

        assertEquals(Kind.REJECTED, d.kind());
        assertEquals(List.of(result("a@example.com", Status.REFUSED, "550 5.1.1 no such user"),
                result("b@example.net", Status.REFUSED, "553 5.7.1 relaying denied")), d.recipients());
    }

    @Test
    void processShouldRefuseEveryRecipientWithTheReplyWhenSenderIsRefused() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("MAIL") ? "553 5.7.1 sender not allowed" : null);

        Disposition d = stop(stage().process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com")));

        assertEquals(Kind.REJECTED, d.kind());
        assertEquals(List.of(result("a@example.com", Status.REFUSED, "553 5.7.1 sender not allowed"),
                result("b@example.com", Status.REFUSED, "553 5.7.1 sender not allowed")), d.recipients());
    }

    @Test
    void processShouldDeferAndUseANewSessionNextWhenRelayAnswers421AndCloses() throws Exception {
        AtomicInteger mails = new AtomicInteger();
        relay = new FakeSmtpServer(c -> c.startsWith("MAIL") && mails.incrementAndGet() == 1
                ? "421 4.3.2 shutting down" : null);
        SmtpDeliveryStage stage = stage();

        Disposition first = stop(stage.process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com")));
        Disposition second = stop(stage.process(SmtpDeliveryStageTest.mail("a@example.com")));

        assertEquals(Kind.DEFERRED, first.kind());
        assertEquals(List.of(result("a@example.com", Status.DEFERRED, "421 4.3.2 shutting down"),
                result("b@example.com", Status.DEFERRED, "421 4.3.2 shutting down")), first.recipients());
        assertEquals(Kind.DELIVERED, second.kind());
        assertEquals(2, relay.connections());
    }

    private SmtpDeliveryStage stage() throws StageException {
        Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", relay.port(),
                "starttls", "off", "command-timeout", "5s"));
        SmtpDeliveryStage stage = new SmtpDeliveryStage(UnaryOperator.identity());
        stage.init(FakeStageContext.of(stage, config, base));
        opened = stage;
        return stage;
    }

    private List<String> verbs() {
        opened.close();
        return relay.commands().stream().map(c -> c.split(" ", 2)[0]).toList();
    }

    private static Disposition stop(StageOutcome outcome) {
        return assertInstanceOf(StageOutcome.Stop.class, outcome).disposition();
    }

    private static RecipientResult result(String address, Status status, String reply) {
        String[] parts = reply.split(" ", 3);
        return new RecipientResult(ForwardPath.parse(address), status,
                Optional.of(SmtpReply.of(Integer.parseInt(parts[0]), parts[1], parts[2])));
    }
}
