package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, operator commands: {@code spoolmail queue} shows a running server's status line with its relay
 * connections (open, and how many wait idle in deliver-smtp's pool), from another process, and lists what
 * submitters dropped that no server has taken in yet, under the drop file's owner.
 */
class SpoolStatusIT {

    private static final Pattern STATUS = Pattern.compile("server running, pid \\d+, .*; delivered (\\d+), deferred 0,"
            + " held 0, failed 0, in flight 0 of 1 workers; relay connections (\\d+) open, (\\d+) pooled");

    private static final String USER = System.getProperty("user.name");

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
        String stopped = SpoolmailRun.run("queue", "-c", pipeline.toString()).out.lines().findFirst().orElseThrow();
        assertTrue(stopped.startsWith("server stopped, ") && stopped.endsWith("; delivered 3, deferred 0, held 0,"
                + " failed 0, in flight 0 of 1 workers; relay connections closed"), stopped);
    }

    @Test
    void queueShouldListDropsUnderTheirOwnerWhenNoServerTookThemIn(@TempDir Path dir) throws Exception {
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.smtp(greenMail.getSmtp().getPort()), "", "{}");
        Path input = dir.resolve("batch.smtp");
        Files.writeString(input, SpoolPipelines.datastream(2, "r@example.com"), StandardCharsets.ISO_8859_1);
        assertEquals(0, SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString()).code); // creates the spool, as the README's first step
        SpoolmailRun submitted = SpoolmailRun.run("submit", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString(), "--job-name", "PAYROLL", input.toString());
        assertEquals(0, submitted.code, submitted.toString());
        List<String> ids = submitted.out.lines().map(l -> l.split(" ")[0]).toList();
        Path link = dir.resolve("spool/incoming/zz-link");
        Files.createSymbolicLink(link, input);

        SpoolmailRun queue = SpoolmailRun.run("queue", "-c", pipeline.toString());
        assertEquals(0, queue.code, queue.toString());
        List<String> lines = queue.out.lines().toList();
        assertEquals("incoming 0, active 0, deferred 0, held 0", lines.get(1), queue.out);
        assertEquals("drops not yet taken in: 3", lines.get(2), queue.out);
        for (int i = 0; i < 2; i++) {
            assertTrue(lines.get(3 + i).matches(Pattern.quote(ids.get(i)) + " incoming +\\d+s +0 " + USER
                    + " +- -> - \\[dropped, not yet taken in by the server\\]"), queue.out);
        }
        assertTrue(lines.get(5).matches("zz-link incoming +\\d+s +0 " + USER + " +- -> - \\[dropped, not yet taken in"
                + " by the server; the server will refuse it: a symbolic link\\]"), queue.out);
        assertEquals(6, lines.size(), queue.out);

        SpoolmailRun shown = SpoolmailRun.run("queue", "show", ids.get(1), "-c", pipeline.toString());
        assertEquals(List.of("id: " + ids.get(1), "state: incoming", "submitter: " + USER + " (established)",
                "job-name: PAYROLL (claimed)", "origin: " + input, "input: smtp-datastream, ccsid 819, records lf,"
                + " mail object 1"), shown.out.lines().limit(6).toList(), shown.out);
        assertTrue(shown.out.contains("reason: dropped, not yet taken in by the server\n"), shown.out);
        assertTrue(shown.out.contains("data: " + dir.resolve("spool/incoming/" + ids.get(1))), shown.out);

        Files.delete(link);
        assertEquals(0, SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString()).code);
        SpoolmailRun after = SpoolmailRun.run("queue", "-c", pipeline.toString());
        assertEquals(2, after.out.lines().count(), after.out); // status line, counts: taken in and sent
        assertEquals(2, greenMail.getReceivedMessages().length);
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
