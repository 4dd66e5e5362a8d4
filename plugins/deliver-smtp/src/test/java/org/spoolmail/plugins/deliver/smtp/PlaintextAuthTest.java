package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.TransientStageException;

/** AUTH credentials never travel in clear text unless {@code allow-plaintext-auth} says so. */
class PlaintextAuthTest {

    private static final Map<String, String> ENV = Map.of("PW", "s3cr3t");
    private static final String EHLO = "250-fake.example.com\n250-AUTH PLAIN\n250 8BITMIME";

    @TempDir
    Path base;

    private TestStages stages;
    private FakeSmtpServer relay;

    @BeforeEach
    void createStages() throws IOException {
        stages = new TestStages(base);
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO
                : c.startsWith("AUTH") ? "235 2.7.0 Authentication successful" : null);
    }

    @AfterEach
    void stop() throws IOException {
        stages.close();
        relay.close();
    }

    @Test
    void initShouldRefuseAuthWithStartTlsOffWhenPlaintextAuthIsNotAllowed() {
        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(relay.port(), auth(Map.of("starttls", "off")), ENV, null));

        assertEquals("auth-mechanism plain with starttls: off would send the credentials in clear text: use "
                + "starttls: required (or tls: implicit), or set allow-plaintext-auth: \"true\" if the network to "
                + "the relay is trusted", e.getMessage());
        assertEquals(0, relay.connections());
    }

    @Test
    void processShouldSendAuthInClearWhenStartTlsIsOffAndPlaintextAuthIsAllowed() throws Exception {
        stages.start(relay.port(), auth(Map.of("starttls", "off", "allow-plaintext-auth", "true")), ENV, null)
                .process(SmtpDeliveryStageTest.mail("a@example.com"));

        assertEquals(List.of("EHLO h.example.org", "AUTH PLAIN AGJhdGNobWFpbABzM2NyM3Q="),
                relay.commands().subList(0, 2));
    }

    @Test
    void processShouldSendAuthInClearWhenTlsIsNotOfferedAndPlaintextAuthIsAllowed() throws Exception {
        stages.start(relay.port(), auth(Map.of("starttls", "opportunistic", "allow-plaintext-auth", "true")), ENV,
                null).process(SmtpDeliveryStageTest.mail("a@example.com"));

        assertEquals(List.of("EHLO h.example.org", "AUTH PLAIN AGJhdGNobWFpbABzM2NyM3Q="),
                relay.commands().subList(0, 2));
    }

    @Test
    void initShouldAllowStartTlsOffWithoutAuth() throws Exception {
        stages.start(relay.port(), Map.of("starttls", "off"), ENV, null)
                .process(SmtpDeliveryStageTest.mail("a@example.com"));

        assertEquals(List.of("EHLO", "MAIL", "RCPT", "DATA"),
                relay.commands().subList(0, 4).stream().map(c -> c.split(" ", 2)[0]).toList());
    }

    private static Map<String, Object> auth(Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("auth-mechanism", "plain",
                "username", "batchmail", "password-env", "PW"));
        config.putAll(extra);
        return config;
    }
}
