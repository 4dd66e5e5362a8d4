package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/** The time limits: each whole reply (command-timeout) and the whole data phase with its reply (data-timeout). */
class TimeoutTest {

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
    void processShouldCloseAndFailTransientWhenRelayStopsReadingTheData() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals("DATA") ? FakeSmtpServer.STALL : null);
        long start = System.nanoTime();

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(relay.port(), Map.of("data-timeout", "700ms")).process(large()));

        assertEquals("smart host 127.0.0.1:" + relay.port() + ": sending the message took longer than data-timeout "
                + "700ms", e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
    }

    @Test
    void processShouldFailTransientWhenRelayDoesNotAnswerRcptInTime() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("RCPT") ? FakeSmtpServer.STALL : null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(relay.port(), Map.of("command-timeout", "300ms"))
                        .process(SmtpDeliveryStageTest.mail("a@example.com")));

        assertEquals("smart host 127.0.0.1:" + relay.port() + ": no complete reply to RCPT within command-timeout "
                + "300ms", e.getMessage());
    }

    @Test
    void processShouldFailTransientWhenRelayDripsItsReplyToMailLongerThanCommandTimeout() throws Exception {
        relay = new FakeSmtpServer(c -> c.startsWith("MAIL") ? FakeSmtpServer.DRIP + "250 2.1.0 sender ok" : null);
        long start = System.nanoTime();

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(relay.port(), Map.of("command-timeout", "1s"))
                        .process(SmtpDeliveryStageTest.mail("a@example.com")));

        assertEquals("smart host 127.0.0.1:" + relay.port() + ": no complete reply to MAIL within command-timeout "
                + "1000ms", e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500);
    }

    @Test
    void processShouldFailTransientWhenRelayDripsItsReplyToTheDataLongerThanDataTimeout() throws Exception {
        relay = new FakeSmtpServer(c -> c.equals(".") ? FakeSmtpServer.DRIP + "250 2.0.0 Ok: queued as 4XYZ" : null);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> stages.start(relay.port(), Map.of("command-timeout", "1s", "data-timeout", "1s"))
                        .process(SmtpDeliveryStageTest.mail("a@example.com")));

        assertEquals("smart host 127.0.0.1:" + relay.port() + ": no complete reply to end of data within "
                + "data-timeout 1000ms", e.getMessage());
    }

    /** 32 MiB of binary (about 43 MiB as base64): more than the socket buffers of both ends hold. */
    private static MailObject large() {
        MailObject base = MailObjects.builder().from("batch@example.com").to("a@example.com")
                .header("Subject", "large").build();
        PartBody body = new PartBody.Binary(ContentHandle.ofBytes(new byte[32 * 1024 * 1024]));
        return base.withContent(base.content().withRoot(MimePart.leaf(
                new ContentType("application", "octet-stream", Map.of()), Optional.empty(), body)));
    }
}
