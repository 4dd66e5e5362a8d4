package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.kernel.queue.DirectorySpool;
import org.spoolmail.kernel.queue.ItemState;

/**
 * Must-show 4 of issue 8: SIGTERM while the server (watching the drop folder, not --once) drains: it takes no new
 * item, finishes the ones in flight (none is left active), exits 0, and nothing is lost: what it did not send is
 * still queued and a later run sends it, each message exactly once.
 */
class SpoolShutdownIT {

    private static final int ITEMS = 400;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void spoolShouldFinishInFlightAndExit0KeepingTheRestWhenSigtermArrivesMidDrain(@TempDir Path dir)
            throws Exception {
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.smtp(greenMail.getSmtp().getPort()), "",
                "{poll-interval: 200ms}");
        Path input = dir.resolve("batch.smtp");
        Files.writeString(input, SpoolPipelines.datastream(ITEMS, "r@example.com"), StandardCharsets.ISO_8859_1);
        assertEquals(0, SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString()).code);
        SpoolServerProcess server = SpoolServerProcess.start(pipeline, dir.resolve("server.log"), "--workers", "4");
        // The server is idle, watching the drop folder; submit wakes it.
        assertEquals(0, SpoolmailRun.run("submit", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString(), input.toString()).code);
        long deadline = System.currentTimeMillis() + 60_000;
        while (greenMail.getReceivedMessages().length < 40 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        server.terminate();
        assertEquals(0, server.waitFor(30), server.output());
        int sent = greenMail.getReceivedMessages().length;
        DirectorySpool spool = DirectorySpool.open(dir.resolve("spool"), Clock.systemUTC());
        Map<ItemState, Integer> counts = spool.counts();
        assertEquals(0, counts.get(ItemState.ACTIVE), "in-flight items finished: " + server.output());
        assertTrue(sent < ITEMS, "stopped mid-drain: " + sent + " sent");
        int dropped = SpoolmailRun.files(spool.dropFolder(), "").size(); // submitted after the last pickup
        assertEquals(ITEMS, sent + counts.get(ItemState.INCOMING) + dropped, "sent + still queued = all " + ITEMS);
        assertTrue(server.output().contains("spool: delivered " + sent + ","), server.output());

        assertEquals(0, SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString()).code);
        Map<String, Integer> subjects = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            subjects.merge(m.getSubject(), 1, Integer::sum);
        }
        for (int i = 0; i < ITEMS; i++) {
            assertEquals(1, subjects.getOrDefault(SpoolPipelines.subject(i), 0), SpoolPipelines.subject(i));
        }
        System.out.println("SpoolShutdownIT: SIGTERM after " + sent + " of " + ITEMS + " sent; the rest stayed"
                + " queued and went in the next run");
    }
}
