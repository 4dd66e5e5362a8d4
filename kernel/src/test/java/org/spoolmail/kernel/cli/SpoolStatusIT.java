package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, operator commands: {@code spoolmail queue} shows a running server's status line with its relay
 * connections (open, and how many wait idle in deliver-smtp's pool), from another process.
 */
class SpoolStatusIT {

    private static final Pattern STATUS = Pattern.compile("server running, pid \\d+, .*; delivered (\\d+), deferred 0,"
            + " held 0, failed 0, in flight 0 of 1 workers; relay connections (\\d+) open, (\\d+) pooled");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void queueShouldShowTheServersRelayConnectionsWhenItKeepsOneForReuse(@TempDir Path dir) throws Exception {
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.smtp(greenMail.getSmtp().getPort())
                .replace("starttls: \"off\"", "starttls: \"off\", connection-idle: 10m"), "", "{poll-interval: 100ms}");
        Path input = dir.resolve("batch.smtp");
        Files.writeString(input, SpoolPipelines.datastream(3, "r@example.com"), StandardCharsets.ISO_8859_1);
        SpoolServerProcess server = SpoolServerProcess.start(pipeline, dir.resolve("server.log"), "--workers", "1");
        try {
            assertEquals("0 0 0", waitForStatus(pipeline, 0), server.output());
            assertEquals(0, SpoolmailRun.run("submit", "-c", pipeline.toString(), "--plugins",
                    SpoolmailRun.PLUGINS.toString(), input.toString()).code);
            // One worker sent all three over one session, which waits in the pool for the next item.
            assertEquals("3 1 1", waitForStatus(pipeline, 3), server.output());
        } finally {
            server.terminate();
            assertEquals(0, server.waitFor(30), server.output());
        }
        assertEquals(3, greenMail.getReceivedMessages().length);
    }

    /** @return "delivered open pooled" of the first status line showing {@code delivered} items */
    private static String waitForStatus(Path pipeline, int delivered) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            SpoolmailRun queue = SpoolmailRun.run("queue", "-c", pipeline.toString());
            last = queue.out.lines().findFirst().orElse("");
            Matcher m = STATUS.matcher(last);
            if (m.find() && Integer.parseInt(m.group(1)) == delivered) {
                return m.group(1) + " " + m.group(2) + " " + m.group(3);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no status line with delivered " + delivered + " in 60 s; last: " + last);
    }
}
