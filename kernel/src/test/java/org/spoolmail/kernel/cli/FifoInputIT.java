package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FIFO named as the input (mkfifo, nobody writing to it) hung {@code send} forever in open(2): it is refused as
 * an unreadable input (condition code 12) and the other inputs of the run go their way. Fails after 20 seconds
 * instead of hanging when the protection is missing.
 */
@EnabledOnOs(OS.LINUX)
class FifoInputIT {

    @TempDir
    Path dir;

    @Test
    void sendShouldRefuseAFifoWithCode12AndSendTheNextInputWhenOneInputIsAFifo() throws Exception {
        ExitRun exits = new ExitRun(dir);
        Path fifo = dir.resolve("spool.smtp");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        Path plugins = SpoolmailRun.pluginsCopy(dir);
        Path good = java.nio.file.Files.writeString(dir.resolve("good.smtp"), ExitRun.TWO_TRANSACTIONS);

        SpoolmailRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SpoolmailRun.run("send", "-c",
                exits.pipeline().toString(), "--plugins", plugins.toString(), fifo.toString(), good.toString()));

        assertEquals(12, run.code, run.toString());
        assertTrue(run.err.contains("spoolmail send: cannot read " + fifo + ": " + fifo + " is not a regular file"
                + " (a FIFO, device or socket, whose reads could wait forever): refusing to read it (condition code"
                + " 12)"), run.err);
        assertEquals(2, SpoolmailRun.files(dir.resolve("outbox"), ".eml").size());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("spool/queue/held"), ""));
    }
}
