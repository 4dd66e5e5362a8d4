package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.WireOptions;

/** AUTH XOAUTH2 on the wire of {@link FakeSmtpServer}, and the wire trace that must not show the token. */
class XOAuth2Test {

    private static final String TOKEN = "ya29.a0AfH6SM";
    /** base64 of "user=batchmail" ^A "auth=Bearer ya29.a0AfH6SM" ^A ^A. */
    private static final String RESPONSE = "dXNlcj1iYXRjaG1haWwBYXV0aD1CZWFyZXIgeWEyOS5hMEFmSDZTTQEB";
    private static final String EHLO = "250-fake.example.com\n250-AUTH PLAIN XOAUTH2\n250 8BITMIME";

    @TempDir
    Path base;

    private FakeSmtpServer relay;
    private TestStages stages;

    @BeforeEach
    void open() {
        stages = new TestStages(base);
    }

    @AfterEach
    void stop() throws IOException {
        stages.close();
        relay.close();
    }

    @Test
    void processShouldSendUserAndBearerTokenFromFileWhenMechanismIsXoauth2() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO
                : c.startsWith("AUTH") ? "235 2.7.0 Accepted" : null);
        Files.writeString(base.resolve("token"), TOKEN + "\n", StandardCharsets.US_ASCII);

        stages.start(relay.port(), xoauth2("oauth2-token-file", "token"))
                .process(SmtpDeliveryStageTest.mail("a@example.com"));

        assertEquals(List.of("EHLO h.example.org", "AUTH XOAUTH2 " + RESPONSE,
                "MAIL FROM:<batch@example.com>"), relay.commands().subList(0, 3));
    }

    @Test
    void processShouldAnswerErrorChallengeWithEmptyLineAndFailWhenTokenIsRefused() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO
                : c.startsWith("AUTH") ? "334 eyJzdGF0dXMiOiI0MDEifQ=="
                : c.isEmpty() ? "535 5.7.8 Username and Password not accepted" : null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(relay.port(), xoauth2("oauth2-token-env", "TOKEN"), Map.of("TOKEN", TOKEN), null)
                        .process(SmtpDeliveryStageTest.mail("a@example.com")));

        assertEquals("smart host 127.0.0.1:" + relay.port() + " refused AUTH XOAUTH2 as batchmail: 535 5.7.8 "
                + "Username and Password not accepted", e.getMessage());
        assertEquals(List.of("EHLO h.example.org", "AUTH XOAUTH2 " + RESPONSE, ""), relay.commands());
    }

    @Test
    void processShouldTraceDialogueWithoutTokenOrBodyWhenWireTraceIsOn() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO
                : c.startsWith("AUTH") ? "235 2.7.0 Accepted" : null);
        List<String> trace = new ArrayList<>();
        Map<String, Object> config = new java.util.HashMap<>(xoauth2("oauth2-token-env", "TOKEN"));
        config.put("wire-trace", "true");

        stages.start(relay.port(), config, Map.of("TOKEN", TOKEN), trace)
                .process(SmtpDeliveryStageTest.mail("a@example.com"));
        stages.close();

        String peer = "127.0.0.1:" + relay.port();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        MessageWriter.write(SmtpDeliveryStageTest.mail("a@example.com").content(), message,
                new WireOptions(true, false));
        assertEquals(List.of(peer + " -- connected", peer + " S: 220 fake.example.com ESMTP",
                peer + " C: EHLO h.example.org", peer + " S: 250-fake.example.com",
                peer + " S: 250-AUTH PLAIN XOAUTH2", peer + " S: 250 8BITMIME", peer + " C: AUTH XOAUTH2 ***",
                peer + " S: 235 2.7.0 Accepted", peer + " C: MAIL FROM:<batch@example.com>",
                peer + " S: 250 2.0.0 OK", peer + " C: RCPT TO:<a@example.com>", peer + " S: 250 2.0.0 OK",
                peer + " C: DATA", peer + " S: 354 End data with <CR><LF>.<CR><LF>",
                peer + " C: (message, " + message.size() + " octets, not shown)", peer + " C: .",
                peer + " S: 250 2.0.0 Ok: queued as 4XYZ", peer + " C: QUIT", peer + " S: 221 2.0.0 Bye"), trace);
        assertFalse(String.join("\n", trace).contains(TOKEN));
        assertFalse(String.join("\n", trace).contains(RESPONSE));
        assertFalse(String.join("\n", trace).contains("Totals"));
    }

    private static Map<String, Object> xoauth2(String key, String value) {
        return Map.of("auth-mechanism", "xoauth2", "username", "batchmail", key, value,
                "allow-plaintext-auth", "true");
    }
}
