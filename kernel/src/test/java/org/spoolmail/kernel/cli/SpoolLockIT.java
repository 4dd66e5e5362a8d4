package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server per directory spool, as separate processes (issue 8, found by a tester): a second {@code spool} on a
 * spool a server drains names that server's process ID and exits 16 instead of taking items from under it, while the
 * operator commands keep working; and {@code queue} reports a server killed with SIGKILL as not running instead of
 * showing its last status line as if it were.
 */
class SpoolLockIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private SpoolmailRun spoolmail(Path pipeline, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", pipeline.toString(), "--plugins", SpoolmailRun.PLUGINS.toString()));
        return SpoolmailRun.run(all.toArray(new String[0]));
    }

    private Path pipeline() throws Exception {
        return SpoolPipelines.write(dir, PipelineFiles.smtp(greenMail.getSmtp().getPort()), "",
                "{poll-interval: 200ms}");
    }

    /** Starts a watching server and waits until it runs (its status line written). */
    private SpoolServerProcess serve(Path pipeline, String log) throws Exception {
        SpoolServerProcess server = SpoolServerProcess.start(pipeline, dir.resolve(log));
        Path status = dir.resolve("spool/status");
        long deadline = System.currentTimeMillis() + 120_000;
        while (!(Files.exists(status) && Files.readString(status, StandardCharsets.UTF_8)
                .startsWith("server running, pid " + server.pid() + ","))) {
            assertTrue(server.alive() && System.currentTimeMillis() < deadline, "not running: " + server.output());
            Thread.sleep(50);
        }
        return server;
    }

    @Test
    void spoolShouldExit16NamingTheServersPidWhenAnotherServerServesTheSpool() throws Exception {
        Path pipeline = pipeline();
        SpoolServerProcess first = serve(pipeline, "first.log");
        try {
            Path input = Files.writeString(dir.resolve("batch.smtp"), SpoolPipelines.datastream(40, "r@example.com"),
                    StandardCharsets.ISO_8859_1);
            assertEquals(0, spoolmail(pipeline, "submit", input.toString()).code);

            SpoolServerProcess second = SpoolServerProcess.start(pipeline, dir.resolve("second.log"), "--once");

            assertEquals(16, second.waitFor(120), second.output());
            assertEquals("spoolmail spool: spool " + dir.resolve("spool") + " is served by pid " + first.pid()
                    + " (it holds the lock on " + dir.resolve("spool/queue/server.lock") + "); one server per"
                    + " directory spool, this one did not start (condition code 16)\n", second.output());
            long deadline = System.currentTimeMillis() + 120_000;
            while (greenMail.getReceivedMessages().length < 40 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            SpoolmailRun queue = spoolmail(pipeline, "queue");
            assertEquals(0, queue.code, queue.toString());
            assertTrue(queue.out.startsWith("server running, pid " + first.pid() + ","), queue.out);
            assertTrue(queue.out.contains("\nincoming 0, active 0, deferred 0, held 0\n"), queue.out);
        } finally {
            first.terminate();
            assertEquals(0, first.waitFor(60), first.output());
        }
        assertEquals(40, greenMail.getReceivedMessages().length, "each item once, by the one server");
        assertTrue(first.output().contains("spool: delivered 40, deferred 0, held 0, failed 0, in flight 0"),
                first.output());
        assertTrue(!first.output().contains("Exception"), first.output());
    }

    @Test
    void queueShouldSayTheServerIsNotRunningWhenItWasKilled() throws Exception {
        Path pipeline = pipeline();
        assertEquals(0, spoolmail(pipeline, "spool", "--once").code);
        SpoolServerProcess server = serve(pipeline, "server.log");
        assertTrue(spoolmail(pipeline, "queue").out.startsWith("server running, pid " + server.pid() + ", since "));

        server.kill();
        SpoolmailRun queue = spoolmail(pipeline, "queue");

        String written = Files.getLastModifiedTime(dir.resolve("spool/status")).toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertTrue(queue.out.startsWith("server not running: pid " + server.pid() + " ended without stopping (killed"
                + " or crashed); its last status, written " + written + ", was: running, pid " + server.pid()
                + ", since "), queue.out);
        SpoolmailRun next = spoolmail(pipeline, "spool", "--once");
        assertEquals(0, next.code, "the killed server's lock went with it: " + next);
        assertTrue(spoolmail(pipeline, "queue").out.startsWith("server stopped, pid " + ProcessHandle.current().pid()
                + ", since "));
    }
}
