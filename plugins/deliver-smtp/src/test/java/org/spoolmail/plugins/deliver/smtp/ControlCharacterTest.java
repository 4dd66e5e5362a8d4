package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;

/**
 * Control characters a relay sends (ESC sequences, BEL, NUL, a lone CR) never reach the operator's terminal or a
 * record raw: the wire trace, the relay-reply attribute and exception messages show each as {@code ?}.
 */
class ControlCharacterTest {

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
    void processShouldShowControlCharactersAsQuestionMarksWhenRelayRepliesHoldThem() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("MAIL") ? "250 2.0.0 OK \u001b[31mred\u0007\u0000\rEVIL"
                : c.equals(".") ? "250 2.0.0 queued \u001b[2J\u001b]0;pwned\u0007" : null);

        StageOutcome outcome = stages.start(relay.port(), Map.of("wire-trace", "true"), Map.of(), trace)
                .process(SmtpDeliveryStageTest.mail("a@example.com"));

        String peer = "127.0.0.1:" + relay.port();
        assertEquals(peer + " S: 250 2.0.0 OK ?[31mred???EVIL", trace.get(9));
        assertEquals(peer + " S: 250 2.0.0 queued ?[2J?]0;pwned?", trace.get(15));
        assertEquals(Optional.of("250 2.0.0 queued ?[2J?]0;pwned?"), outcome.mail().attributes().get("relay-reply"));
    }

    @Test
    void processShouldShowControlCharactersAsQuestionMarksWhenMalformedReplyIsQuoted() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("RCPT") ? "\u001b]0;pwned\u0007 \u001b[2J" : null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(relay.port(), Map.of()).process(SmtpDeliveryStageTest.mail("a@example.com")));

        assertEquals("smart host 127.0.0.1:" + relay.port() + ": protocol error in the reply to RCPT: "
                + "malformed SMTP reply line: '?]0;pwned? ?[2J'",
                e.getMessage());
    }
}
