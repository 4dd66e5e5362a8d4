package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
            assertTrue(run.out.contains("\n  send      run each input"), run.out);
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
    void auditHelpShouldListEveryOutcomeARecordCanHave() {
        SpoolmailRun run = SpoolmailRun.run("audit", "--help");

        assertEquals(0, run.code, run.toString());
        String outcome = run.out.lines().dropWhile(l -> !l.contains("--outcome")).limit(2)
                .reduce("", (a, b) -> a + " " + b.strip());
        assertTrue(outcome.contains("DELIVERED, DEFERRED, REJECTED, HELD, DISCARDED, DELETED; several"), outcome);
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

    @Test
    void sendShouldRefuseAClaimedJobNameWithALineBreakBeforeSendingAnything() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, "--job-name", "PAY\r\nX",
                SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(16, run.code, run.toString());
        assertEquals("spoolmail send: --job-name holds control character U+000D (condition code 16)",
                run.err.lines().findFirst().orElseThrow());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }

    @Test
    void sendShouldRefuseWithCode16AJobNameTheEnvironmentSetsWithALineBreakInsteadOfDroppingIt() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun run = SpoolmailRun.runIn(Map.of("SPOOLMAIL_JOBNAME", "PAY\rROLL", "UNISON_JOB", "WS#S.TWSJOB"),
                "send", "-c", pipeline.toString(), "--plugins", SpoolmailRun.PLUGINS.toString(),
                SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(16, run.code, run.toString());
        assertEquals("spoolmail send: the environment's SPOOLMAIL_JOBNAME holds control character U+000D: a job's"
                + " claims cannot carry one (fix the variable or the scheduler's job definition, or claim with the"
                + " flag); nothing was sent (condition code 16)\n", run.err);
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }

    @Test
    void submitShouldRefuseWithCode16AJobIdTheSchedulerSetsWithAControlCharacterUnlessAFlagClaimsOne()
            throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");
        Map<String, String> environment = Map.of("UNISON_JOBNUM", "42\u001b[2J");
        String input = SpoolmailRun.corpus(dir, "seed-example.smtp").toString();

        SpoolmailRun refused = SpoolmailRun.runIn(environment, "submit", "-c", pipeline.toString(), input);
        SpoolmailRun flagged = SpoolmailRun.runIn(environment, "submit", "-c", pipeline.toString(), "--job-id",
                "J42", input);

        assertEquals(16, refused.code, refused.toString());
        assertEquals("spoolmail submit: the environment's UNISON_JOBNUM holds control character U+001B: a job's"
                + " claims cannot carry one (fix the variable or the scheduler's job definition, or claim with the"
                + " flag); nothing was queued (condition code 16)\n", refused.err);
        // The flag's claim wins over the variable, which is then never read: the run goes on to the spool (none here).
        assertEquals(16, flagged.code, flagged.toString());
        assertTrue(flagged.err.startsWith("spoolmail submit: no spool drop folder "), flagged.err);
    }

    @Test
    void codepagesAndPluginsShouldSayWhatIsWrongWithCode16WhenGivenAnArgument() {
        SpoolmailRun codepages = SpoolmailRun.run("codepages", "1047");
        SpoolmailRun plugins = SpoolmailRun.run("plugins", "--plugins", SpoolmailRun.PLUGINS.toString(), "extra");

        assertEquals(16, codepages.code, codepages.toString());
        assertEquals(List.of("spoolmail codepages: no arguments expected, got [1047] (condition code 16)",
                "usage: spoolmail codepages [options]"), codepages.err.lines().limit(2).toList());
        assertEquals(16, plugins.code, plugins.toString());
        assertEquals("spoolmail plugins: no arguments expected, got [extra] (condition code 16)",
                plugins.err.lines().findFirst().orElseThrow());
        assertEquals("", codepages.out + plugins.out);
    }

    @Test
    void submitAndSendShouldDescribeTheirSharedOptionsInTheSameWords() {
        List<String> send = SpoolmailRun.run("send", "--help").out.lines().filter(l -> l.contains("--format")
                || l.contains("--job-name") || l.contains("--plugins") || l.contains("--config")).toList();
        List<String> submit = SpoolmailRun.run("submit", "--help").out.lines().filter(l -> l.contains("--format")
                || l.contains("--job-name") || l.contains("--plugins") || l.contains("--config")).toList();

        assertEquals(4, send.size(), send.toString());
        assertEquals(send, submit);
    }

    @Test
    void sendShouldRefuseALineSeparatorInAClaimedJobIdInsteadOfFailing() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, "--job-id", "J\u2029X",
                SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(16, run.code, run.toString());
        assertEquals("spoolmail send: --job-id holds control character U+2029 (condition code 16)",
                run.err.lines().findFirst().orElseThrow());
    }

    @Test
    void sendShouldRefuseStandardInputNamedTwiceBeforeSendingAnything() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, "-", "-");

        assertEquals(16, run.code, run.toString());
        assertEquals("spoolmail send: standard input (-) can be named only once (condition code 16)",
                run.err.lines().findFirst().orElseThrow());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }
}
