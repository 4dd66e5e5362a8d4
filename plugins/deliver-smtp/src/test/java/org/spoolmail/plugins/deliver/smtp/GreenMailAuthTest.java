package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.Disposition;

/** AUTH PLAIN and LOGIN against GreenMail with a configured user. */
class GreenMailAuthTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("batch@example.com", "batchmail", "s3cr3t"));

    @TempDir
    Path base;

    private final List<SmtpDeliveryStage> opened = new ArrayList<>();

    @AfterEach
    void closeStages() {
        opened.forEach(SmtpDeliveryStage::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "login"})
    void processShouldDeliverWhenCredentialsAreRight(String mechanism) throws Exception {
        SmtpDeliveryStage stage = stage(mechanism, "s3cr3t", "off");

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class,
                stage.process(SmtpDeliveryStageTest.mail("audit@example.com")));

        assertEquals(Disposition.Kind.DELIVERED, stop.disposition().kind());
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void processShouldDeliverWithThePasswordFromAnOwnerOnlyFileWhenPasswordFileIsSet() throws Exception {
        Path file = Files.writeString(base.resolve("relay.pw"), "s3cr3t\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        SmtpDeliveryStage stage = new SmtpDeliveryStage(name -> null);
        opened.add(stage);
        stage.init(FakeStageContext.of(stage, Map.of("host", "127.0.0.1", "port", GREEN_MAIL.getSmtp().getPort(),
                "auth-mechanism", "plain", "username", "batchmail", "password-file", "relay.pw", "starttls", "off",
                "allow-plaintext-auth", "true"), base));

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class,
                stage.process(SmtpDeliveryStageTest.mail("audit@example.com")));

        assertEquals(Disposition.Kind.DELIVERED, stop.disposition().kind());
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void processShouldHoldWithMaskedReplyWhenPasswordIsWrong() throws Exception {
        SmtpDeliveryStage stage = stage("plain", "wrong", "off");

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stage.process(SmtpDeliveryStageTest.mail("audit@example.com")));

        assertEquals("smart host 127.0.0.1:" + GREEN_MAIL.getSmtp().getPort() + " refused AUTH PLAIN as batchmail: "
                + "535 5.7.8 Authentication credentials invalid", e.getMessage());
        assertEquals(0, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void processShouldNotSendCredentialsWhenTlsIsOpportunisticAndNotOffered() throws Exception {
        SmtpDeliveryStage stage = stage("plain", "s3cr3t", "opportunistic");

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stage.process(SmtpDeliveryStageTest.mail("audit@example.com")));

        assertEquals("smart host 127.0.0.1:" + GREEN_MAIL.getSmtp().getPort() + " did not set up TLS, so AUTH PLAIN "
                + "credentials are not sent; use starttls: required, or set allow-plaintext-auth: \"true\" to allow AUTH "
                + "without TLS", e.getMessage());
    }

    @Test
    void initShouldFailWhenPasswordVariableIsUnset() {
        SmtpDeliveryStage stage = new SmtpDeliveryStage(name -> null);
        Map<String, Object> config = Map.of("host", "127.0.0.1", "auth-mechanism", "plain", "username", "u");

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stage.init(FakeStageContext.of(stage, config, base)));

        assertEquals("environment variable SPOOLMAIL_SMTP_PASSWORD (named by password-env) is not set",
                e.getMessage());
    }

    private SmtpDeliveryStage stage(String mechanism, String password, String startTls) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", GREEN_MAIL.getSmtp().getPort(),
                "auth-mechanism", mechanism, "username", "batchmail", "password-env", "TEST_SMTP_PASSWORD",
                "starttls", startTls));
        if (startTls.equals("off")) {
            config.put("allow-plaintext-auth", "true");
        }
        SmtpDeliveryStage stage = new SmtpDeliveryStage(name -> name.equals("TEST_SMTP_PASSWORD") ? password : null);
        opened.add(stage);
        stage.init(FakeStageContext.of(stage, config, base));
        return stage;
    }
}
