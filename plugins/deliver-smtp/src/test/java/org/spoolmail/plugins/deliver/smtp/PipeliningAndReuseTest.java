package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.RecipientResult.Status;

/** PIPELINING (RFC 2920) and sessions kept open across mail objects, against {@link FakeSmtpServer}. */
class PipeliningAndReuseTest {

    private static final String NO_PIPELINING = "250-old.example.com\n250 8BITMIME";

    @TempDir
    Path base;

    private FakeSmtpServer relay;
    private TestStages stages;

    @AfterEach
    void stop() throws IOException {
        stages.close();
        relay.close();
    }

    @Test
    void processShouldSendMailAndEveryRcptInOneWriteWhenRelayOffersPipelining() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("RCPT TO:<b@example.com>") ? "550 5.1.1 no such user" : null);
        stages = new TestStages(base);

        Disposition d = stop(stages.start(relay.port(), Map.of())
                .process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com", "c@example.com")));
        stages.close();

        assertEquals(List.of(List.of("EHLO h.example.org"), List.of("MAIL FROM:<batch@example.com>",
                "RCPT TO:<a@example.com>", "RCPT TO:<b@example.com>", "RCPT TO:<c@example.com>"), List.of("DATA"),
                List.of("QUIT")), relay.batches());
        assertEquals(List.of(Status.ACCEPTED, Status.REFUSED, Status.ACCEPTED),
                d.recipients().stream().map(r -> r.status()).toList());
        assertEquals("550 5.1.1 no such user", d.recipients().get(1).reply().orElseThrow().toString());
    }

    @Test
    void processShouldSendOneCommandAtATimeWhenRelayDoesNotOfferPipelining() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? NO_PIPELINING : null);
        stages = new TestStages(base);

        stages.start(relay.port(), Map.of()).process(SmtpDeliveryStageTest.mail("a@example.com", "b@example.com"));
        stages.close();

        assertEquals(List.of(List.of("EHLO h.example.org"), List.of("MAIL FROM:<batch@example.com>"),
                List.of("RCPT TO:<a@example.com>"), List.of("RCPT TO:<b@example.com>"), List.of("DATA"),
                List.of("QUIT")), relay.batches());
    }

    @Test
    void processShouldReuseOneConnectionWithRsetBetweenWhenTwoMailObjectsFollow() throws Exception {
        relay = new FakeSmtpServer(c -> null);
        stages = new TestStages(base);
        SmtpDeliveryStage stage = stages.start(relay.port(), Map.of("connection-idle", "30s"));

        Disposition first = stop(stage.process(SmtpDeliveryStageTest.mail("a@example.com")));
        Disposition second = stop(stage.process(SmtpDeliveryStageTest.mail("b@example.com")));
        stages.close();

        assertEquals(Disposition.Kind.DELIVERED, first.kind());
        assertEquals(Disposition.Kind.DELIVERED, second.kind());
        assertEquals(1, relay.connections());
        assertEquals(List.of("EHLO", "MAIL", "RCPT TO:<a@example.com>", "DATA", "RSET", "MAIL",
                "RCPT TO:<b@example.com>", "DATA", "QUIT"), shortCommands());
        assertEquals(2, relay.data().size());
    }

    @Test
    void processShouldReconnectWhenTheKeptSessionIsDead() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("RSET") ? FakeSmtpServer.CLOSE : null);
        stages = new TestStages(base);
        SmtpDeliveryStage stage = stages.start(relay.port(), Map.of());

        stage.process(SmtpDeliveryStageTest.mail("a@example.com"));
        Disposition second = stop(stage.process(SmtpDeliveryStageTest.mail("b@example.com")));
        stages.close();

        assertEquals(Disposition.Kind.DELIVERED, second.kind());
        assertEquals(2, relay.connections());
        assertEquals(List.of("EHLO", "MAIL", "RCPT TO:<a@example.com>", "DATA", "RSET", "EHLO", "MAIL",
                "RCPT TO:<b@example.com>", "DATA", "QUIT"), shortCommands());
    }

    @Test
    void processShouldQuitAfterEachMailObjectWhenConnectionIdleIsZero() throws Exception {
        relay = new FakeSmtpServer(c -> null);
        stages = new TestStages(base);
        SmtpDeliveryStage stage = stages.start(relay.port(), Map.of("connection-idle", "0s"));

        stage.process(SmtpDeliveryStageTest.mail("a@example.com"));
        StageOutcome second = stage.process(SmtpDeliveryStageTest.mail("b@example.com"));

        assertEquals(2, relay.connections());
        assertEquals(List.of("EHLO", "MAIL", "RCPT TO:<a@example.com>", "DATA", "QUIT", "EHLO", "MAIL",
                "RCPT TO:<b@example.com>", "DATA", "QUIT"), shortCommands());
        assertEquals(Optional.of("127.0.0.1:" + relay.port()), second.mail().attributes().get("relay-host"));
    }

    private List<String> shortCommands() {
        return relay.commands().stream().map(c -> c.startsWith("RCPT") ? c : c.split(" ", 2)[0]).toList();
    }

    private static Disposition stop(StageOutcome outcome) {
        return assertInstanceOf(StageOutcome.Stop.class, outcome).disposition();
    }
}
