package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.fake.FakeStageContext;

/**
 * STARTTLS against {@link FakeSmtpServer} with GreenMail's self-signed test certificate (greenmail.p12 from the
 * GreenMail test dependency; its certificate names no host, so hostname verification must fail).
 */
class StartTlsTest {

    private static final String EHLO_WITH_TLS = "250-fake.example.com\n250-STARTTLS\n250-AUTH PLAIN\n250 8BITMIME";

    @TempDir
    Path base;

    private final List<SmtpDeliveryStage> opened = new ArrayList<>();

    private FakeSmtpServer relay;

    @AfterEach
    void stopRelay() throws IOException {
        opened.forEach(SmtpDeliveryStage::close);
        relay.close();
    }

    @Test
    void processShouldUpgradeAndEhloAgainWhenRelayOffersStartTls() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO_WITH_TLS
                : c.startsWith("AUTH") ? "235 2.7.0 Authentication successful" : null, TestCertificates.serverTls());

        SmtpDeliveryStage stage = stage(Map.of("starttls", "required", "tls-verify-hostname", false,
                "auth-mechanism", "plain", "username", "batchmail"));
        stage.process(SmtpDeliveryStageTest.mail("a@example.com"));
        stage.close();

        assertTrue(relay.tlsStarted());
        assertEquals(List.of("EHLO h.example.org", "STARTTLS", "EHLO h.example.org",
                "AUTH PLAIN AGJhdGNobWFpbABzM2NyM3Q=", "MAIL FROM:<batch@example.com>",
                "RCPT TO:<a@example.com>", "DATA", "QUIT"), relay.commands());
    }

    @Test
    void processShouldFailTransientWhenCertificateDoesNotNameTheHost() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO_WITH_TLS : null, TestCertificates.serverTls());

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stage(Map.of("starttls", "opportunistic")).process(SmtpDeliveryStageTest.mail("a@example.com")));

        assertTrue(e.getMessage().startsWith("TLS with smart host 127.0.0.1:" + relay.port() + " failed: "),
                e.getMessage());
        assertFalse(relay.commands().stream().anyMatch(c -> c.startsWith("MAIL")));
    }

    private SmtpDeliveryStage stage(Map<String, Object> extra) throws Exception {
        Path trust = TestCertificates.trustStore(base);
        Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", relay.port(),
                "helo-name", "h.example.org", "tls-trust-store", trust.toString(),
                "tls-trust-store-password-env", "TRUST_PW", "command-timeout", "5s"));
        config.putAll(extra);
        Map<String, String> env = Map.of("TRUST_PW", "trustpw", "SPOOLMAIL_SMTP_PASSWORD", "s3cr3t");
        SmtpDeliveryStage stage = new SmtpDeliveryStage(env::get);
        opened.add(stage);
        stage.init(FakeStageContext.of(stage, config, base));
        return stage;
    }
}
