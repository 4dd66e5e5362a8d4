package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
 * {@code tls-trust-store} in each accepted format (PEM certificates, PKCS12, JKS) against GreenMail's SMTPS
 * server and its self-signed certificate, and the error for a file of none of them.
 */
class TrustStoreTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(SlowStartSetups.smtps());

    private static final String FORMATS = "it must be a PEM file of -----BEGIN CERTIFICATE----- blocks, or a "
            + "PKCS12 or JKS key store (password from tls-trust-store-password-env)";

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
    void processShouldDeliverOverImplicitTlsWhenTrustStoreIsPemWithoutPassword() throws Exception {
        Path pem = TestCertificates.pemTrustStore(base);

        Disposition d = deliver(Map.of("tls-trust-store", pem.toString()), Map.of());

        assertEquals(Disposition.Kind.DELIVERED, d.kind());
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
        assertEquals("Control totals", GREEN_MAIL.getReceivedMessages()[0].getSubject());
    }

    @Test
    void processShouldDeliverWhenTrustStoreIsJksWithPassword() throws Exception {
        Path jks = TestCertificates.jksTrustStore(base, "jkspw");

        Disposition d = deliver(Map.of("tls-trust-store", jks.toString(), "tls-trust-store-password-env", "TRUST_PW"),
                Map.of("TRUST_PW", "jkspw"));

        assertEquals(Disposition.Kind.DELIVERED, d.kind());
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void initShouldNameFileAndFormatsWhenFileIsNoTrustStore() throws Exception {
        Path text = Files.writeString(base.resolve("relay.txt"), "not a certificate\n", StandardCharsets.US_ASCII);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(GREEN_MAIL.getSmtps().getPort(), Map.of("tls-trust-store", text.toString())));

        assertEquals("tls-trust-store " + text + " cannot be used: the file is neither PEM nor a PKCS12 or JKS key "
                + "store; " + FORMATS, e.getMessage());
    }

    @Test
    void initShouldSayNoCertificateWhenPemHoldsOnlyAKey() throws Exception {
        Path key = Files.writeString(base.resolve("relay.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n"
                + "-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(GREEN_MAIL.getSmtps().getPort(), Map.of("tls-trust-store", key.toString())));

        assertEquals("tls-trust-store " + key + " cannot be used: the PEM file holds no -----BEGIN CERTIFICATE----- "
                + "block; " + FORMATS, e.getMessage());
    }

    @Test
    void initShouldSayNoSuchFileWhenTrustStoreIsMissing() {
        Path missing = base.resolve("missing.pem");

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(GREEN_MAIL.getSmtps().getPort(), Map.of("tls-trust-store", missing.toString())));

        assertEquals("tls-trust-store " + missing + " cannot be used: no such file; " + FORMATS, e.getMessage());
    }

    @Test
    void describeShouldNamePemPkcs12AndJksForSpoolmailPlugins() {
        assertEquals("a file: a PEM file of -----BEGIN CERTIFICATE----- blocks, or a PKCS12 or JKS key store "
                + "(password from tls-trust-store-password-env; none for PEM); default: the JDK's trusted CAs",
                SmtpConfig.TRUST_STORE.description());
    }

    private Disposition deliver(Map<String, Object> trust, Map<String, String> env) throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("tls", "implicit", "tls-verify-hostname", "false"));
        config.putAll(trust);
        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class,
                stages.start(GREEN_MAIL.getSmtps().getPort(), config, env, null)
                        .process(SmtpDeliveryStageTest.mail("audit@example.com")));
        return stop.disposition();
    }
}
