package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * A relay that echoes a credential (the password, the OAuth2 token, or a base64 form of either as it was sent)
 * never gets it into the wire trace, an exception, the relay-reply attribute or a disposition: each occurrence is
 * shown as {@code ***}.
 */
class SecretEchoTest {

    private static final String PASSWORD = "S3cretPW!";
    /** base64 of NUL "batchmail" NUL "S3cretPW!": the AUTH PLAIN initial response. */
    private static final String PLAIN = "AGJhdGNobWFpbABTM2NyZXRQVyE=";
    private static final String TOKEN = "ya29.a0AfH6SM";
    private static final String XOAUTH2 = "dXNlcj1iYXRjaG1haWwBYXV0aD1CZWFyZXIgeWEyOS5hMEFmSDZTTQEB";
    private static final String EHLO = "250-fake.example.com\n250 AUTH PLAIN LOGIN XOAUTH2";

    @TempDir
    Path base;

    private TestStages stages;
    private FakeSmtpServer relay;
    private final List<String> trace = new ArrayList<>();

    @BeforeEach
    void createStages() {
        stages = new TestStages(base);
    }

    @AfterEach
    void stop() throws IOException {
        stages.close();
        relay.close();
    }

    @Test
    void processShouldMaskEchoedPlainResponseAndPasswordWhenRelayRefusesAuth() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO : c.startsWith("AUTH")
                ? "535-5.7.8 you sent " + PLAIN + "\n535 5.7.8 decoded |batchmail|" + PASSWORD : null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> start("plain", Map.of()).process(SmtpDeliveryStageTest.mail("a@example.com")));

        String peer = "127.0.0.1:" + relay.port();
        assertEquals(List.of(peer + " C: AUTH PLAIN ***", peer + " S: 535-5.7.8 you sent ***",
                peer + " S: 535 5.7.8 decoded |batchmail|***"), trace.subList(5, 8));
        assertEquals("smart host " + peer + " refused AUTH PLAIN as batchmail: 535 5.7.8 you sent *** decoded "
                + "|batchmail|***", e.getMessage());
        assertEquals(Optional.of(SmtpReply.of(535, "5.7.8", "you sent *** decoded |batchmail|***")), e.reply());
    }

    @Test
    void processShouldMaskEchoedLoginLinesWhenRelayEchoesThem() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO : c.equals("AUTH LOGIN") ? "334 VXNlcm5hbWU6"
                : c.equals("YmF0Y2htYWls") ? "334 got YmF0Y2htYWls, now UGFzc3dvcmQ6"
                : c.equals("UzNjcmV0UFch") ? "535 5.7.8 UzNjcmV0UFch is not " + PASSWORD : null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> start("login", Map.of()).process(SmtpDeliveryStageTest.mail("a@example.com")));

        String peer = "127.0.0.1:" + relay.port();
        assertEquals(List.of(peer + " C: AUTH LOGIN", peer + " S: 334 VXNlcm5hbWU6", peer + " C: ***",
                peer + " S: 334 got ***, now UGFzc3dvcmQ6", peer + " C: ***", peer + " S: 535 5.7.8 *** is not ***"),
                trace.subList(5, 11));
        assertEquals("smart host " + peer + " refused AUTH LOGIN as batchmail: 535 5.7.8 *** is not ***",
                e.getMessage());
    }

    @Test
    void processShouldMaskEchoedTokenWhenRelayRefusesXoauth2() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO : c.startsWith("AUTH")
                ? "535 5.7.8 " + XOAUTH2 + " means Bearer " + TOKEN + ", refused" : null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> start("xoauth2", Map.of("oauth2-token-env", "TOKEN"))
                        .process(SmtpDeliveryStageTest.mail("a@example.com")));

        String peer = "127.0.0.1:" + relay.port();
        assertEquals(peer + " S: 535 5.7.8 *** means Bearer ***, refused", trace.get(6));
        assertEquals("smart host " + peer + " refused AUTH XOAUTH2 as batchmail: 535 5.7.8 *** means Bearer ***, "
                + "refused", e.getMessage());
    }

    @Test
    void processShouldMaskPasswordInRelayReplyAndDispositionWhenLaterReplyEchoesIt() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO
                : c.startsWith("AUTH") ? "235 2.7.0 Authentication successful"
                : c.startsWith("RCPT") ? "550 5.7.1 batchmail/" + PASSWORD + " may not send to " + PLAIN : null);

        StageOutcome outcome = start("plain", Map.of()).process(SmtpDeliveryStageTest.mail("a@example.com"));

        Disposition disposition = assertInstanceOf(StageOutcome.Stop.class, outcome).disposition();
        assertEquals("smart host 127.0.0.1:" + relay.port() + " refused every recipient; last: 550 5.7.1 "
                + "batchmail/*** may not send to ***", disposition.reason());
        assertEquals(Optional.of("550 5.7.1 batchmail/*** may not send to ***"),
                outcome.mail().attributes().get("relay-reply"));
        assertEquals("127.0.0.1:" + relay.port() + " S: 550 5.7.1 batchmail/*** may not send to ***",
                trace.get(10));
    }

    private SmtpDeliveryStage start(String mechanism, Map<String, Object> extra) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of("auth-mechanism", mechanism, "username", "batchmail",
                "password-env", "PW", "allow-plaintext-auth", "true", "wire-trace", "true"));
        config.putAll(extra);
        if (mechanism.equals("xoauth2")) {
            config.remove("password-env");
        }
        return stages.start(relay.port(), config, Map.of("PW", PASSWORD, "TOKEN", TOKEN), trace);
    }
}
