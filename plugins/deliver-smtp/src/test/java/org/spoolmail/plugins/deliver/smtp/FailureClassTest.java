package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * Relay, configuration, TLS and AUTH problems are the environment's (transient, condition code 16), even when the
 * relay answers 5xx: the kernel would otherwise report a configuration problem as bad input (code 12).
 */
class FailureClassTest {

    private static final Map<String, String> ENV = Map.of("PW", "s3cr3t");

    @TempDir
    Path base;

    private TestStages stages;
    private FakeSmtpServer relay;

    @BeforeEach
    void createStages() {
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
    void processShouldThrowTransientWhenRelayOffersNoAuth() throws Exception {
        relay = new FakeSmtpServer(c -> null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(relay.port(), plain(), ENV, null).process(SmtpDeliveryStageTest.mail("a@x.org")));

        assertEquals("smart host 127.0.0.1:" + relay.port() + " does not offer AUTH PLAIN (offered: none)",
                e.getMessage());
        assertEquals(List.of("EHLO h.example.org"), relay.commands().subList(0, 1));
    }

    @Test
    void processShouldThrowTransientWithReplyWhenRelayRefusesAuthWith5xx() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? "250-fake.example.com\n250 AUTH PLAIN LOGIN"
                : c.startsWith("AUTH") ? "535 5.7.8 Authentication credentials invalid" : null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(relay.port(), plain(), ENV, null).process(SmtpDeliveryStageTest.mail("a@x.org")));

        assertEquals("smart host 127.0.0.1:" + relay.port() + " refused AUTH PLAIN as batchmail: 535 5.7.8 "
                + "Authentication credentials invalid", e.getMessage());
        assertEquals(Optional.of(SmtpReply.of(535, "5.7.8", "Authentication credentials invalid")), e.reply());
    }

    @Test
    void initShouldThrowTransientWhenUsernameIsMissing() {
        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(25, Map.of("auth-mechanism", "login"), ENV, null));

        assertEquals("auth-mechanism login needs username", e.getMessage());
    }

    @Test
    void initShouldThrowTransientWhenHeloNameIsNotAHostName() {
        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(25, Map.of("helo-name", "my host")));

        assertEquals("helo-name 'my host' is not a host name", e.getMessage());
    }

    private static Map<String, Object> plain() {
        return Map.of("auth-mechanism", "plain", "username", "batchmail", "password-env", "PW",
                "allow-plaintext-auth", "true");
    }
}
