package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level command line: help, usage errors, version, and the codes of bad option values. */
class CommandLineIT {

    @TempDir
    Path dir;

    @Test
    void helpShouldPrintTheUsageOnStdoutWithCode0() {
        for (String help : List.of("--help", "help", "-h")) {
            SpoolmailRun run = SpoolmailRun.run(help);

            assertEquals(0, run.code, run.toString());
            assertEquals("", run.err);
            assertEquals("usage: spoolmail <subcommand> [options]; spoolmail <subcommand> --help for details",
                    run.out.lines().findFirst().orElseThrow());
            assertTrue(run.out.contains("\n  send      run datastreams"), run.out);
        }
    }

    @Test
    void noArgumentsShouldPrintTheUsageOnStderrWithCode16() {
        SpoolmailRun run = SpoolmailRun.run();

        assertEquals(16, run.code, run.toString());
        assertEquals("", run.out);
        assertEquals("usage: spoolmail <subcommand> [options]; spoolmail <subcommand> --help for details",
                run.err.lines().findFirst().orElseThrow());
    }

    @Test
    void versionShouldPrintTheProjectVersion() {
        SpoolmailRun run = SpoolmailRun.run("--version");

        assertEquals(0, run.code, run.toString());
        assertEquals("spoolmail " + System.getProperty("spoolmail.version", "1.0.0-SNAPSHOT") + "\n", run.out);
    }

    @Test
    void sendHelpShouldOfferTrace() {
        SpoolmailRun run = SpoolmailRun.run("send", "--help");

        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("    --trace "), run.out);
    }

    @Test
    void sendShouldGiveCode16ForABadRecordsValueAnd12ForAnUnknownCodepage() throws Exception {
        Path input = dir.resolve("job.smtp");
        Files.writeString(input, "HELO MVSA\n", StandardCharsets.US_ASCII);
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun records = SpoolmailRun.send(pipeline, "--records", "fb:x", input.toString());
        SpoolmailRun codepage = SpoolmailRun.send(pipeline, "--codepage", "9999", input.toString());

        assertEquals(16, records.code, records.toString());
        assertTrue(records.err.startsWith("spoolmail send: --records: "), records.err);
        assertEquals(12, codepage.code, codepage.toString());
    }
}
