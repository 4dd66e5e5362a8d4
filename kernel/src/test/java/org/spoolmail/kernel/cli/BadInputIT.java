package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(List.of("spoolmail send: " + input + " record 1: unknown SMTP verb 'HLEO' (condition code 12);"
                + " nothing from this input was sent", "spoolmail send: condition code 12"), run.err.lines().toList());
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
