package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.Disposition;

/** Several smart hosts tried in order: a down or busy first one, then GreenMail or a scripted relay. */
class SmartHostsTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path base;

    private TestStages stages;
    private FakeSmtpServer busy;

    @BeforeEach
    void open() {
        stages = new TestStages(base);
    }

    @AfterEach
    void stop() throws IOException {
        stages.close();
        if (busy != null) {
            busy.close();
        }
    }

    @Test
    void processShouldDeliverToSecondHostWhenFirstIsDown() throws Exception {
        int down = closedPort();
        String second = "127.0.0.1:" + GREEN_MAIL.getSmtp().getPort();

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class, stages(Map.of("hosts",
                List.of("127.0.0.1:" + down, second))).process(SmtpDeliveryStageTest.mail("ops@example.net")));

        assertEquals(Disposition.Kind.DELIVERED, stop.disposition().kind());
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
        assertEquals(List.of("ops@example.net"),
                GREEN_MAIL.getUserManager().listUser().stream().map(u -> u.getEmail()).toList());
        assertEquals(Optional.of(second), stop.mail().attributes().get("relay-host"));
    }

    @Test
    void processShouldDeliverToFallbackHostWhenHostGreetsWith421() throws Exception {
        busy = new FakeSmtpServer(c -> c.equals("CONNECT") ? "421 4.3.2 busy, try later" : null);
        Map<String, Object> config = Map.of("host", "127.0.0.1", "port", busy.port(),
                "fallback-hosts", List.of("127.0.0.1:" + GREEN_MAIL.getSmtp().getPort()));

        StageOutcome outcome = stages(config).process(SmtpDeliveryStageTest.mail("ops@example.net"));

        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
        assertEquals(List.of(), busy.commands());
        assertEquals(Optional.of("127.0.0.1:" + GREEN_MAIL.getSmtp().getPort()),
                outcome.mail().attributes().get("relay-host"));
    }

    @Test
    void processShouldNameEveryHostAndWhyWhenNoneAnswers() throws Exception {
        int first = closedPort();
        busy = new FakeSmtpServer(c -> c.equals("CONNECT") ? "554 5.3.2 no service" : null);
        SmtpDeliveryStage stage = stages(Map.of("hosts", List.of("127.0.0.1:" + first, "127.0.0.1:" + busy.port())));

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stage.process(SmtpDeliveryStageTest.mail("ops@example.net")));

        assertEquals("no smart host answered: 127.0.0.1:" + first + ": Connection refused; 127.0.0.1:" + busy.port()
                + ": greeting 554 5.3.2 no service", e.getMessage());
    }

    @Test
    void initShouldRefuseHostsEntryWithBadPort() {
        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages(Map.of("hosts", List.of("relay.example.com:99999"))));

        assertEquals("hosts entry 'relay.example.com:99999' is not host, host:port or [address]:port",
                e.getMessage());
    }

    @Test
    void initShouldRefuseHostAndHostsTogether() {
        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages(Map.of("host", "a.example.com", "hosts", List.of("b.example.com"))));

        assertEquals("name the smart host(s) with either host (plus fallback-hosts) or hosts, not both and not "
                + "neither", e.getMessage());
    }

    @Test
    void parseShouldReadHostPortAndBracketedAddress() throws Exception {
        assertEquals(new Relay("relay.example.com", 587), Relay.parse("relay.example.com:587", 25, "hosts"));
        assertEquals(new Relay("relay.example.com", 25), Relay.parse("relay.example.com", 25, "hosts"));
        assertEquals(new Relay("2001:db8::1", 465), Relay.parse("[2001:db8::1]:465", 25, "hosts"));
        assertEquals(new Relay("2001:db8::1", 25), Relay.parse("[2001:db8::1]", 25, "hosts"));
    }

    private SmtpDeliveryStage stages(Map<String, Object> config) throws Exception {
        return stages.start(0, config);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
