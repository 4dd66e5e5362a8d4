package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and bad configuration: a one-line error naming file and record or YAML path, and nothing delivered. */
class BadInputIT {

    @TempDir
    Path dir;

    @Test
    void sendShouldNameFileAndRecordWithCode12WhenAVerbIsUnknown() throws Exception {
        Path input = write("job.smtp", "HLEO MVSA\nMAIL FROM:<a@example.com>\n");

        SpoolmailRun run = SpoolmailRun.send(outboxPipeline(), input.toString());

        assertEquals(12, run.code, run.toString());
        String id = HeldItems.keptId(run);
        assertEquals(List.of("spoolmail send: " + input + " record 1: unknown SMTP verb 'HLEO' (condition code 12);"
                + " nothing from this input was sent", "spoolmail send: " + input + ": held in the spool queue as " + id
                + " (" + dir.resolve("spool/queue/held/" + id) + "): spoolmail queue show " + id,
                "spoolmail send: condition code 12"), run.err.lines().toList());
        assertTrue(HeldItems.show(dir.resolve("pipeline.yaml"), id).contains("reason: HELD, hold-cause BAD_INPUT,"
                + " condition code 12: " + input + " record 1: unknown SMTP verb 'HLEO'"), run.toString());
        assertArrayEquals(Files.readAllBytes(input), Files.readAllBytes(dir.resolve("spool/queue/data/" + id)));
        assertNothingDelivered();
    }

    @Test
    void sendShouldNameTheRecordWithCode12WhenRcptComesBeforeMail() throws Exception {
        Path input = write("job.smtp", "HELO MVSA\nRCPT TO:<b@example.com>\nMAIL FROM:<a@example.com>\n");

        SpoolmailRun run = SpoolmailRun.send(outboxPipeline(), input.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals("spoolmail send: " + input + " record 2: RCPT TO before MAIL FROM (condition code 12);"
                + " nothing from this input was sent", run.err.lines().findFirst().orElseThrow());
        assertNothingDelivered();
    }

    @Test
    void sendShouldSayNoSuchFileWithCode12WhenTheInputIsMissing() throws Exception {
        Path missing = dir.resolve("absent.smtp");

        SpoolmailRun run = SpoolmailRun.send(outboxPipeline(), missing.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals("spoolmail send: cannot read " + missing + ": no such file (condition code 12)",
                run.err.lines().findFirst().orElseThrow());
        assertNothingDelivered();
    }

    @Test
    void sendShouldSayIsAFolderWithCode12WhenTheInputIsAFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("jobs"));

        SpoolmailRun run = SpoolmailRun.send(outboxPipeline(), folder.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals("spoolmail send: cannot read " + folder + ": is a folder (condition code 12)",
                run.err.lines().findFirst().orElseThrow());
        assertNothingDelivered();
    }

    @Test
    void sendShouldRefuseAnUnknownCcsidWithCode12() throws Exception {
        Path input = write("job.smtp", "HELO MVSA\n");

        SpoolmailRun run = SpoolmailRun.send(outboxPipeline(), "--codepage", "9999", input.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals("spoolmail send: --codepage: unknown CCSID 9999: this Java runtime has no charset for it"
                + " (condition code 12)", run.err.lines().findFirst().orElseThrow());
        assertNothingDelivered();
    }

    @Test
    void sendShouldNameTheYamlPathWithCode16WhenTheStagePluginIsUnknown() throws Exception {
        Path pipeline = PipelineFiles.write(dir, "    use: deliver-pigeon", "");
        Path input = write("job.smtp", "HELO MVSA\n");

        SpoolmailRun run = SpoolmailRun.send(pipeline, input.toString());

        assertEquals(16, run.code, run.toString());
        assertEquals("spoolmail send: " + pipeline + ": pipeline[4].use: no stage plugin named 'deliver-pigeon' for"
                + " 'deliver' (available: codepage-translate, content-policy, deliver-outbox, deliver-smtp,"
                + " mime-encode, verify-recipients, verify-sender)", run.err.lines().findFirst().orElseThrow());
        assertNothingDelivered();
    }

    @Test
    void sendShouldNameTheYamlPathWithCode16WhenAConfigKeyIsUnknown() throws Exception {
        Path pipeline = PipelineFiles.write(dir, "    use: deliver-outbox\n    config: {directory: outbox, "
                + "folder: x}", "");
        Path input = write("job.smtp", "HELO MVSA\n");

        SpoolmailRun run = SpoolmailRun.send(pipeline, input.toString());

        assertEquals(16, run.code, run.toString());
        String first = run.err.lines().findFirst().orElseThrow();
        assertEquals("spoolmail send: " + pipeline + ": pipeline[4].config.folder: unknown key (known: ",
                first.substring(0, first.indexOf("(known: ") + 8));
        assertNothingDelivered();
    }

    @Test
    void sendShouldReportEveryProblemOfThePipelineFileAtOnceNamingItAsGiven() throws Exception {
        Path pipeline = write("pipeline.yaml", "version: 1\npipeline:\n  - stage: parse\n    use: smtp-datastream\n"
                + "  - exit: verify-sender\n    time-limit: 5\n  - stage: mime-encode\n    use: mime-encode\n"
                + "  - stage: codepage-translate\n    use: codepage-translate\n  - stage: deliver\n"
                + "    use: deliver-outbox\n    config: {directory: outbox, folder: x}\n  - stage: log\n"
                + "    use: audit-log\n    config: {directory: audit}\n");
        Path relative = Path.of("").toAbsolutePath().relativize(pipeline);
        Path input = write("job.smtp", "HELO MVSA\n");

        SpoolmailRun run = SpoolmailRun.send(relative, input.toString());

        assertEquals(16, run.code, run.toString());
        assertEquals(List.of("spoolmail send: " + relative + ": pipeline[1].time-limit: '5' is not a duration with a"
                + " unit (500ms, 30s, 5m, 2h) (expected a duration such as 30s)",
                "spoolmail send: " + relative + ": pipeline[4].config.folder: unknown key (known: directory, eight-bit-mime, smtputf8)",
                "spoolmail send: configuration error, nothing was sent (condition code 16)"),
                run.err.lines().toList());
        assertNothingDelivered();
    }

    @Test
    void sendShouldSayThereIsNoPipelineFileAndHowToNameOneWhenItIsMissing() throws Exception {
        Path input = write("job.smtp", "HELO MVSA\n");

        SpoolmailRun run = SpoolmailRun.send(Path.of("no-such-pipeline.yaml"), input.toString());

        assertEquals(16, run.code, run.toString());
        assertEquals(List.of("spoolmail send: no pipeline file no-such-pipeline.yaml in " + Path.of("").toAbsolutePath()
                + ": name one with -c FILE or $SPOOLMAIL_CONFIG",
                "spoolmail send: configuration error, nothing was sent (condition code 16)"),
                run.err.lines().toList());
    }

    @Test
    void sendShouldRefuseAPipelineWithoutDeliverStageWithCode16ButCheckShouldRunIt() throws Exception {
        Path pipeline = write("pipeline.yaml", "version: 1\npipeline:\n  - stage: parse\n    use: smtp-datastream\n"
                + "  - stage: mime-encode\n    use: mime-encode\n"
                + "  - stage: codepage-translate\n    use: codepage-translate\n"
                + "  - stage: log\n    use: audit-log\n    config: {directory: audit}\n");
        Path input = write("job.smtp", "HELO MVSA\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.com>\nDATA\n"
                + "Subject: hi\n\nhello\n.\nQUIT\n");

        SpoolmailRun send = SpoolmailRun.send(pipeline, input.toString());
        SpoolmailRun check = SpoolmailRun.run("check", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString(), input.toString());

        assertEquals(16, send.code, send.toString());
        assertEquals(List.of("spoolmail send: " + pipeline + ": pipeline: has no 'stage: deliver' entry, so mail would"
                + " go nowhere: add one (deliver-outbox writes .eml files, deliver-smtp relays); only spoolmail check"
                + " runs without", "spoolmail send: configuration error, nothing was sent (condition code 16)"),
                send.err.lines().toList());
        assertEquals(0, check.code, check.toString());
        assertEquals(input + ": message 1 (record 2): ready to send (condition code 0)",
                check.out.lines().findFirst().orElseThrow());
    }

    @Test
    void sendAndCheckShouldRefuseAPipelineWithoutCodepageTranslateWithCode16InsteadOfHoldingEveryMessage()
            throws Exception {
        Path pipeline = outboxPipeline();
        Files.writeString(pipeline, Files.readString(pipeline, StandardCharsets.UTF_8)
                .replace("  - stage: codepage-translate\n    use: codepage-translate\n", ""), StandardCharsets.UTF_8);
        Path input = write("job.smtp", "HELO MVSA\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.com>\nDATA\n"
                + "Subject: hi\n\nhello\n.\nQUIT\n");
        String problem = pipeline + ": pipeline: has no 'stage: codepage-translate' entry, so every message would be"
                + " held, its text still in the input's CCSID: add one after mime-encode (use: codepage-translate)";

        SpoolmailRun send = SpoolmailRun.send(pipeline, input.toString());
        SpoolmailRun check = SpoolmailRun.run("check", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString(), input.toString());

        assertEquals(16, send.code, send.toString());
        assertEquals(List.of("spoolmail send: " + problem,
                "spoolmail send: configuration error, nothing was sent (condition code 16)"), send.err.lines().toList());
        assertEquals(16, check.code, check.toString());
        assertEquals("spoolmail check: " + problem, check.err.lines().findFirst().orElseThrow());
        assertNothingDelivered();
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("spool/queue/held"), ""));
    }

    @Test
    void sendShouldRefuseAPipelineWithoutLogStageWithCode16InsteadOfSendingUnaudited() throws Exception {
        Path pipeline = outboxPipeline();
        Files.writeString(pipeline, Files.readString(pipeline, StandardCharsets.UTF_8)
                .replace("  - stage: log\n    use: audit-log\n    config: {directory: audit}\n", ""),
                StandardCharsets.UTF_8);
        Path input = write("job.smtp", "HELO MVSA\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.com>\nDATA\n"
                + "Subject: hi\n\nhello\n.\nQUIT\n");

        SpoolmailRun send = SpoolmailRun.send(pipeline, input.toString());

        assertEquals(16, send.code, send.toString());
        assertEquals(List.of("spoolmail send: " + pipeline + ": pipeline: has no 'stage: log' entry, so no audit record"
                + " would say who sent what to whom: add one at the end (use: audit-log); spoolmail check and an"
                + " embedding application may run without",
                "spoolmail send: configuration error, nothing was sent (condition code 16)"),
                send.err.lines().toList());
        assertNothingDelivered();
    }

    private Path outboxPipeline() throws Exception {
        return PipelineFiles.write(dir, PipelineFiles.outbox(), "");
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    private void assertNothingDelivered() throws Exception {
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }
}
