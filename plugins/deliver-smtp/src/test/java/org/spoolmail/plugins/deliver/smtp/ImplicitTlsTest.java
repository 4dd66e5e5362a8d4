package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.Disposition;

/**
 * Implicit TLS ({@code tls: implicit}, the port 465 style of RFC 8314) against GreenMail's SMTPS server, with a
 * trust store holding its self-signed certificate; certificate and host name checks are on unless switched off.
 */
class ImplicitTlsTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(SlowStartSetups.smtps())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("batch@example.com", "batchmail", "s3cr3t"));

    @TempDir
    Path base;

    private TestStages stages;

    @BeforeEach
    void open() {
        stages = new TestStages(base);
    }

    @AfterEach
    void stop() {
        stages.close();
    }

    @Test
    void processShouldDeliverWithAuthOverImplicitTlsWhenTrustStoreHoldsTheCertificate() throws Exception {
        Map<String, Object> config = tls(Map.of("tls-verify-hostname", "false", "auth-mechanism", "plain",
                "username", "batchmail", "starttls", "required"));
        List<String> trace = new java.util.ArrayList<>();
        config.put("wire-trace", "true");

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class,
                stages.start(GREEN_MAIL.getSmtps().getPort(), config,
                        Map.of("TRUST_PW", "trustpw", "SPOOLMAIL_SMTP_PASSWORD", "s3cr3t"), trace)
                        .process(SmtpDeliveryStageTest.mail("audit@example.com")));

        assertEquals(Disposition.Kind.DELIVERED, stop.disposition().kind());
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
        String peer = "127.0.0.1:" + GREEN_MAIL.getSmtps().getPort();
        assertEquals(List.of(peer + " -- connected"), trace.subList(0, 1));
        assertTrue(trace.get(1).startsWith(peer + " -- TLS TLSv1."), trace.get(1));
        assertTrue(trace.contains(peer + " C: AUTH PLAIN ***"), trace.toString());
        assertEquals(List.of(), trace.stream().filter(l -> l.contains("STARTTLS")).toList());
    }

    @Test
    void processShouldFailTransientWhenCertificateDoesNotNameTheHost() throws Exception {
        SmtpDeliveryStage stage = stages.start(GREEN_MAIL.getSmtps().getPort(), tls(Map.of()),
                Map.of("TRUST_PW", "trustpw"), null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stage.process(SmtpDeliveryStageTest.mail("audit@example.com")));

        assertEquals("smart host 127.0.0.1:" + GREEN_MAIL.getSmtps().getPort() + " unreachable: No subject "
                + "alternative names present", e.getMessage());
        assertEquals(0, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void processShouldFailTransientWhenNoTrustStoreTrustsTheSelfSignedCertificate() throws Exception {
        SmtpDeliveryStage stage = stages.start(GREEN_MAIL.getSmtps().getPort(), Map.of("tls", "implicit",
                "tls-verify-hostname", "false"));

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stage.process(SmtpDeliveryStageTest.mail("audit@example.com")));

        assertTrue(e.getMessage().startsWith("smart host 127.0.0.1:" + GREEN_MAIL.getSmtps().getPort()
                + " unreachable: PKIX path building failed"), e.getMessage());
        assertEquals(0, GREEN_MAIL.getReceivedMessages().length);
    }

    private Map<String, Object> tls(Map<String, Object> extra) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of("tls", "implicit",
                "tls-trust-store", TestCertificates.trustStore(base).toString(),
                "tls-trust-store-password-env", "TRUST_PW"));
        config.putAll(extra);
        return config;
    }
}
