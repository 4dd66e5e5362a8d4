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
 * A relay that breaks the dialogue (a reply of a class the command does not allow, a line that is not a reply,
 * replies sent before the client spoke) causes a protocol error: transient (the kernel holds the item, condition
 * code 16), naming the command and the reply; never a refusal of the mail.
 */
class ProtocolErrorTest {

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
        relay.close();
    }

    @Test
    void processShouldThrowTransientProtocolErrorWhenRelayAnswersDataWith250() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("DATA") ? "250 2.0.0 already queued" : null);

        TransientStageException e = assertThrows(TransientStageException.class, this::send);

        assertEquals("smart host 127.0.0.1:" + relay.port() + ": protocol error: the reply to DATA was 250 2.0.0 "
                + "already queued where 354 (or 4xx, 5xx) is due", e.getMessage());
        assertEquals(Optional.of(SmtpReply.of(250, "2.0.0", "already queued")), e.reply());
    }

    @Test
    void processShouldThrowTransientProtocolErrorWhenRelayAnswersMailWith354() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("MAIL") ? "354 go on" : null);

        TransientStageException e = assertThrows(TransientStageException.class, this::send);

        assertEquals("smart host 127.0.0.1:" + relay.port() + ": protocol error: the reply to MAIL was 354 go on "
                + "where 2xx (or 4xx, 5xx) is due", e.getMessage());
    }

    @Test
    void processShouldThrowTransientProtocolErrorWhenReplyToRcptIsNotSmtp() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("RCPT") ? "hello there" : null);

        TransientStageException e = assertThrows(TransientStageException.class, this::send);

        assertEquals("smart host 127.0.0.1:" + relay.port() + ": protocol error in the reply to RCPT: malformed SMTP "
                + "reply line: 'hello there'", e.getMessage());
    }

    @Test
    void processShouldRefuseSessionWhenRelaySendsRepliesAfterGreetingBeforeClientSpoke() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("CONNECT") ? FakeSmtpServer.RAW + "220 fake.example.com ESMTP\r\n"
                + "250 2.0.0 ok\r\n250 2.0.0 ok\r\n250 2.0.0 ok\r\n354 go ahead\r\n" : null);

        TransientStageException e = assertThrows(TransientStageException.class, this::send);

        assertEquals("smart host 127.0.0.1:" + relay.port() + ": protocol error: the relay sent data after its "
                + "greeting, before the client spoke", e.getMessage());
        assertEquals(List.of(), relay.commands());
    }

    private void send() throws Exception {
        stages.start(relay.port(), Map.of()).process(SmtpDeliveryStageTest.mail("a@example.com"));
    }
}
