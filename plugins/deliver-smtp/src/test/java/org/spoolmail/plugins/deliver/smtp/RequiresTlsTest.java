package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.MailObject;

/** A datastream's STARTTLS command (attribute requires-tls) is honoured: such mail never travels in clear. */
class RequiresTlsTest {

    @TempDir
    Path base;

    private FakeSmtpServer relay;
    private TestStages stages;

    @AfterEach
    void stop() throws IOException {
        stages.close();
        relay.close();
    }

    @Test
    void processShouldRefuseToSendInClearWhenTheInputAskedForStartTls() throws Exception {
        relay = new FakeSmtpServer(c -> null);
        stages = new TestStages(base);
        MailObject mail = SmtpDeliveryStageTest.mail("a@example.com");
        MailObject asked = mail.withAttributes(mail.attributes().with("requires-tls", "true"));

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(relay.port(), Map.of("starttls", "opportunistic")).process(asked));

        assertEquals("the input asked for STARTTLS (attribute requires-tls) but the session with smart host 127.0.0.1:"
                + relay.port() + " is not encrypted: set starttls: required or tls: implicit, or use a relay that"
                + " offers STARTTLS", e.getMessage());
        assertFalse(relay.commands().stream().anyMatch(c -> c.startsWith("MAIL FROM")), relay.commands().toString());
    }

    @Test
    void processShouldSendInClearWhenTheInputDidNotAskForTls() throws Exception {
        relay = new FakeSmtpServer(c -> null);
        stages = new TestStages(base);

        stages.start(relay.port(), Map.of()).process(SmtpDeliveryStageTest.mail("a@example.com"));

        assertEquals(1, relay.data().size());
    }
}
