package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.RecipientResult.Status;
import org.spoolmail.exits.mail.SmtpReply;

/** The stage against {@link FakeSmtpServer}: replies a real relay rarely gives on demand. */
class SmtpDeliveryStageTest {

    @TempDir
    Path base;

    private FakeSmtpServer relay;
    private SmtpDeliveryStage opened;

    @AfterEach
    void stopRelay() throws IOException {
        if (opened != null) {
            opened.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void processShouldListRefusedRecipientWhenRelayRefusesOneOfThree() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("RCPT TO:<nobody@example.com>") ? "550 5.1.1 no such user" : null);

        Disposition d = stop(stage(Map.of()).process(mail("a@example.com", "nobody@example.com", "c@example.com")));

        assertEquals(Disposition.Kind.DELIVERED, d.kind());
        assertEquals(List.of(result("a@example.com", Status.ACCEPTED, "250 2.0.0 OK"),
                result("nobody@example.com", Status.REFUSED, "550 5.1.1 no such user"),
                result("c@example.com", Status.ACCEPTED, "250 2.0.0 OK")), d.recipients());
        assertEquals(new SmtpReply(550, Optional.of("5.1.1"), "no such user"), d.recipients().get(1).reply().get());
        assertEquals(Optional.of(SmtpReply.of(250, "2.0.0", "Ok: queued as 4XYZ")), d.reply());
    }

    @Test
    void processShouldSendExactCommandsWhenRelayOffers8BitMime() throws Exception {
        relay = new FakeSmtpServer(c -> null);

        stage(Map.of("helo-name", "batch.example.org")).process(mail("a@example.com", "b@example.com"));

        assertEquals(List.of("EHLO batch.example.org", "MAIL FROM:<batch@example.com>",
                "RCPT TO:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "QUIT"), commands());
    }

    @Test
    void processShouldFallBackToHeloWhenRelayRefusesEhlo() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? "502 5.5.1 what is EHLO" : null);

        Disposition d = stop(stage(Map.of("helo-name", "batch.example.org")).process(mail("a@example.com")));

        assertEquals(Disposition.Kind.DELIVERED, d.kind());
        assertEquals(List.of("EHLO batch.example.org", "HELO batch.example.org", "MAIL FROM:<batch@example.com>",
                "RCPT TO:<a@example.com>", "DATA", "QUIT"), commands());
    }

    @Test
    void processShouldRejectWhenEveryRecipientIsRefused() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("RCPT") ? "550 5.1.1 no such user" : null);

        Disposition d = stop(stage(Map.of()).process(mail("x@example.com", "y@example.com")));

        assertEquals(Disposition.Kind.REJECTED, d.kind());
        assertEquals("smart host 127.0.0.1:" + relay.port() + " refused every recipient; last: 550 5.1.1 no such "
                + "user", d.reason());
        assertEquals(List.of("EHLO", "MAIL", "RCPT", "RCPT", "RSET", "QUIT"), verbs());
    }

    @Test
    void processShouldRejectWithRelayReplyWhenSenderIsRefused() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("MAIL") ? "553 5.7.1 sender not allowed" : null);

        StageOutcome outcome = stage(Map.of()).process(mail("a@example.com"));

        Disposition d = stop(outcome);
        assertEquals(Disposition.Kind.REJECTED, d.kind());
        assertEquals("smart host 127.0.0.1:" + relay.port() + " refused sender <batch@example.com>: 553 5.7.1 "
                + "sender not allowed", d.reason());
        assertEquals(Optional.of("553 5.7.1 sender not allowed"), outcome.mail().attributes().get("relay-reply"));
        assertEquals(Optional.empty(), outcome.mail().attributes().get("size-octets"));
    }

    @Test
    void processShouldRejectBeforeMailWhenRecipientNeedsSmtpUtf8NotOffered() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? "250-old.example.com\n250 8BITMIME" : null);

        Disposition d = stop(stage(Map.of()).process(mail("a@example.com", "j\u00fcrgen@example.com")));

        assertEquals(Disposition.Kind.REJECTED, d.kind());
        assertEquals("recipient j\u00fcrgen@example.com needs SMTPUTF8 which the relay did not offer", d.reason());
        assertEquals(List.of("EHLO", "QUIT"), verbs());
    }

    @Test
    void processShouldAnnounceSmtpUtf8WhenRecipientNeedsItAndRelayOffersIt() throws Exception {
        relay = new FakeSmtpServer(c -> null);

        stage(Map.of()).process(mail("j\u00fcrgen@example.com"));

        assertEquals("MAIL FROM:<batch@example.com> SMTPUTF8", relay.commands().get(1));
        assertEquals("RCPT TO:<j\u00fcrgen@example.com>", relay.commands().get(2));
    }

    @Test
    void processShouldThrowTransientNamingHostAndPortWhenRelayIsDown() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SmtpDeliveryStage stage = new SmtpDeliveryStage(name -> null);
        stage.init(FakeStageContext.of(stage, Map.of("host", "127.0.0.1", "port", port), base));

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stage.process(mail("a@example.com")));

        assertEquals("smart host 127.0.0.1:" + port + " unreachable: Connection refused", e.getMessage());
    }

    @Test
    void processShouldThrowTransientWhenStartTlsIsRequiredButNotOffered() throws Exception {
        relay = new FakeSmtpServer(c -> null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stage(Map.of("starttls", "required")).process(mail("a@example.com")));

        assertEquals("smart host 127.0.0.1:" + relay.port() + " did not offer STARTTLS, which starttls: required "
                + "demands", e.getMessage());
    }

    @Test
    void processShouldRejectWhenRelayRefusesTheMessageAfterData() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals(".") ? "554 5.7.1 message content rejected" : null);

        StageOutcome outcome = stage(Map.of()).process(mail("a@example.com"));

        assertEquals("smart host 127.0.0.1:" + relay.port() + " refused the message: 554 5.7.1 message content "
                + "rejected", stop(outcome).reason());
        assertEquals(Optional.of("554 5.7.1 message content rejected"),
                outcome.mail().attributes().get("relay-reply"));
    }

    private SmtpDeliveryStage stage(Map<String, Object> extra) throws StageException {
        Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", relay.port(),
                "starttls", "opportunistic", "command-timeout", "5s"));
        config.putAll(extra);
        SmtpDeliveryStage stage = new SmtpDeliveryStage(UnaryOperator.identity());
        stage.init(FakeStageContext.of(stage, config, base));
        opened = stage;
        return stage;
    }

    /** The commands the relay saw, once the stage was closed (which ends its kept session with QUIT). */
    private List<String> commands() {
        opened.close();
        return relay.commands();
    }

    private List<String> verbs() {
        return commands().stream().map(c -> c.split(" ", 2)[0]).toList();
    }

    static MailObject mail(String... recipients) {
        MailObjects.Builder builder = MailObjects.builder().from("batch@example.com")
                .header("From", "batch@example.com").header("Subject", "Control totals");
        for (String r : recipients) {
            builder.to(r);
        }
        return TextMails.withTextBody(builder, List.of("Totals", ".", "..", ".HIDDEN"));
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
