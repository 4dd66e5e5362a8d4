package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Held mail is kept, never dropped (DESIGN.md): {@code send} copies the input of each HELD item to
 * {@code <hold-directory>/<queue-id>.input} with a {@code .reason} file, and an input refused as bad input to
 * {@code <origin-name>-<timestamp>.input}; the stderr line names the copy.
 */
class HoldDirectoryIT {

    private static final String CORRUPT = "stage verify-sender (verify-sender): exit routine scripted-a failed:"
            + " java.lang.IllegalStateException: site directory is corrupt";

    @TempDir
    Path dir;

    @Test
    void sendShouldKeepTheInputAndReasonOfAHeldItemInTheHoldFolder() throws Exception {
        ExitRun exits = new ExitRun(dir).routine("verify-sender", "scripted-a", "throw", "trigger@example.com",
                "nobody@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(8, run.code, run.toString());
        Path input = dir.resolve("input.smtp");
        String id = run.out.lines().filter(l -> l.contains(" HELD ")).findFirst().orElseThrow().split(" ")[0];
        Path held = dir.resolve("held");
        assertEquals(List.of(held.resolve(id + ".input")), SpoolmailRun.files(held, ".input"));
        assertArrayEquals(Files.readAllBytes(input), Files.readAllBytes(held.resolve(id + ".input")));
        assertEquals("origin: " + input + "\n" + resend(input, "--plugins " + dir.resolve("plugins") + " -c " + dir.resolve("pipeline.yaml"))
                + "queue-id: " + id + "\nrecord: 2\noutcome: HELD\nhold-cause: EXIT_FAILURE\nreason: "
                + CORRUPT + "\ncondition-code: 8\n", Files.readString(held.resolve(id + ".reason")));
        assertTrue(run.err.lines().toList().contains("spoolmail send: " + input + ": " + id + " HELD: " + CORRUPT
                + " (held in " + held.resolve(id + ".input") + ")"), run.err);
        assertEquals(List.of(held.resolve(id + ".input"), held.resolve(id + ".reason")), SpoolmailRun.files(held, ""));
    }

    @Test
    void sendShouldSayInTheAuditRecordAndWithCode16WhenAHeldItemCannotBeKept() throws Exception {
        Files.writeString(dir.resolve("held"), "a file where the hold folder should be", StandardCharsets.UTF_8);
        ExitRun exits = new ExitRun(dir).routine("verify-sender", "scripted-a", "throw", "trigger@example.com",
                "nobody@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(16, run.code, run.toString());
        String id = run.out.lines().filter(l -> l.contains(" HELD ")).findFirst().orElseThrow().split(" ")[0];
        assertTrue(run.err.contains(id + " could not be kept in the hold folder: "), run.err);
        String record = Files.readAllLines(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0)).stream()
                .filter(l -> l.contains("\"queue-id\":\"" + id + "\"")).findFirst().orElseThrow();
        assertTrue(record.contains("\"outcome\":\"HELD\",") && record.contains("\"condition-code\":16,"
                + "\"hold-failed\":\""), record);
    }

    @Test
    void sendShouldKeepTheInputAndReasonOfADeferredItemWhenAnExitDefers() throws Exception {
        ExitRun exits = new ExitRun(dir).routine("verify-sender", "scripted-a", "defer", "trigger@example.com",
                "nobody@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(4, run.code, run.toString());
        Path input = dir.resolve("input.smtp");
        String id = run.out.lines().filter(l -> l.contains(" DEFERRED ")).findFirst().orElseThrow().split(" ")[0];
        Path held = dir.resolve("held");
        assertEquals(List.of(held.resolve(id + ".input"), held.resolve(id + ".reason")), SpoolmailRun.files(held, ""));
        assertArrayEquals(Files.readAllBytes(input), Files.readAllBytes(held.resolve(id + ".input")));
        assertEquals("origin: " + input + "\n" + resend(input, "--plugins " + dir.resolve("plugins") + " -c " + dir.resolve("pipeline.yaml"))
                + "queue-id: " + id + "\nrecord: 2\noutcome: DEFERRED\n"
                + "reason: directory unavailable for trigger@example.com\nreply: 451 4.3.0 directory unavailable\n"
                + "condition-code: 4\n", Files.readString(held.resolve(id + ".reason")));
        assertTrue(run.err.lines().toList().contains("spoolmail send: " + input + ": " + id + " DEFERRED: directory"
                + " unavailable for trigger@example.com [451 4.3.0 directory unavailable] (held in "
                + held.resolve(id + ".input") + ")"), run.err);
    }

    @Test
    void sendShouldKeepTheInputOfAnItemDeferredByAFailingStageWhenOnErrorIsDefer() throws Exception {
        ExitRun exits = new ExitRun(dir).raw("verify-sender", String.join("\n", "    routines: [scripted-a]",
                "    on-error: defer", "    config:",
                "      scripted-a: {decision: throw, when-sender: \"trigger@example.com\"}"));

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(4, run.code, run.toString());
        String id = run.out.lines().filter(l -> l.contains(" DEFERRED ")).findFirst().orElseThrow().split(" ")[0];
        Path held = dir.resolve("held");
        assertEquals(List.of(held.resolve(id + ".input"), held.resolve(id + ".reason")), SpoolmailRun.files(held, ""));
        assertEquals("origin: " + dir.resolve("input.smtp") + "\n" + resend(dir.resolve("input.smtp"), "--plugins "
                + dir.resolve("plugins") + " -c " + dir.resolve("pipeline.yaml")) + "queue-id: " + id + "\nrecord: 2\n"
                + "outcome: DEFERRED\nreason: " + CORRUPT + "\ncondition-code: 4\n",
                Files.readString(held.resolve(id + ".reason")));
    }

    @Test
    void sendShouldKeepAnInputRefusedAsBadInputUnderItsNameAndTimeInTheConfiguredHoldFolder() throws Exception {
        Path input = dir.resolve("job.smtp");
        Files.writeString(input, "HELO MVSA\nMAIL FROM:<a@example.com>\nRCTP TO:<b@example.com>\n",
                StandardCharsets.US_ASCII);
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");
        Files.writeString(pipeline, Files.readString(pipeline).replace("version: 1\n",
                "version: 1\nhold-directory: spool/held\n"));

        SpoolmailRun run = SpoolmailRun.send(pipeline, input.toString());

        assertEquals(12, run.code, run.toString());
        Path held = dir.resolve("spool/held");
        List<Path> copies = SpoolmailRun.files(held, ".input");
        assertEquals(1, copies.size());
        String name = copies.get(0).getFileName().toString();
        assertTrue(name.matches("job\\.smtp-\\d{8}T\\d{6}Z\\.input"), name);
        assertArrayEquals(Files.readAllBytes(input), Files.readAllBytes(copies.get(0)));
        Path reason = held.resolve(name.replace(".input", ".reason"));
        assertEquals("origin: " + input + "\n" + resend(input, "--plugins " + SpoolmailRun.PLUGINS + " -c " + pipeline)
                + "record: 3\noutcome: HELD\nhold-cause: BAD_INPUT\nreason: " + input
                + " record 3: unknown SMTP verb 'RCTP'\ncondition-code: 12\n", Files.readString(reason));
        assertEquals("spoolmail send: " + input + ": held in " + copies.get(0) + " with its reason in " + reason,
                run.err.lines().toList().get(1));
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("held"), ""));
    }

    @Test
    void sendShouldRecordTheInputWorkingFolderAndShapingOptionsWhenItKeepsARelativeInput() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");
        Path input = Path.of("target", "hold-it-" + System.nanoTime() + ".smtp");
        Files.writeString(input, "HELO MVSA\nRCTP TO:<b@example.com>\n", StandardCharsets.US_ASCII);
        try {
            SpoolmailRun run = SpoolmailRun.send(pipeline, "--codepage", "819", "--records", "lf", "--format",
                    "smtp-datastream", "--job-name", "PAY 01", "--job-id", "JOB00042", "--program", "IKJEFT01",
                    input.toString());

            assertEquals(12, run.code, run.toString());
            List<Path> copies = SpoolmailRun.files(dir.resolve("held"), ".reason");
            assertEquals(1, copies.size(), run.toString());
            List<String> lines = Files.readAllLines(copies.get(0));
            assertEquals(List.of("origin: " + input, "input: " + input.toAbsolutePath(),
                    "working-folder: " + Path.of("").toAbsolutePath(), "options: --codepage 819 --records lf"
                            + " --format smtp-datastream --job-name 'PAY 01' --job-id JOB00042 --program IKJEFT01"
                            + " --plugins " + SpoolmailRun.PLUGINS + " -c " + pipeline), lines.subList(0, 4));
        } finally {
            Files.deleteIfExists(input);
        }
    }

    @Test
    void sendShouldNamePluginsInTheResendOptionsAndEndTheReasonFileWithANewlineWhenPluginsIsGiven()
            throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");
        Path input = dir.resolve("job.smtp");
        Files.writeString(input, "HELO MVSA\nRCTP TO:<b@example.com>\n", StandardCharsets.US_ASCII);
        Path plugins = SpoolmailRun.pluginsCopy(dir);

        SpoolmailRun run = SpoolmailRun.run("send", "-c", pipeline.toString(), "--plugins", plugins.toString(),
                "--codepage", "819", input.toString());

        assertEquals(12, run.code, run.toString());
        List<Path> reasons = SpoolmailRun.files(dir.resolve("held"), ".reason");
        assertEquals(1, reasons.size(), run.toString());
        String text = Files.readString(reasons.get(0));
        assertTrue(text.lines().toList().contains("options: --codepage 819 --plugins " + plugins + " -c " + pipeline),
                text);
        assertTrue(text.endsWith("condition-code: 12\n"), text);
    }

    @Test
    void sendShouldKeepStandardInputInTheHoldFolderWhenPipelineYamlIsBroken() throws Exception {
        Path pipeline = dir.resolve("pipeline.yaml");
        Files.writeString(pipeline, "version: 1\npipeline: [\n", StandardCharsets.UTF_8);
        byte[] mail = "HELO MVSA\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.com>\nDATA\nSubject: pay\n\nrun 42\n.\n"
                .getBytes(StandardCharsets.US_ASCII);
        java.io.InputStream stdin = System.in;
        SpoolmailRun run;
        try {
            System.setIn(new java.io.ByteArrayInputStream(mail));
            run = SpoolmailRun.send(pipeline, "--records", "lf", "-");
        } finally {
            System.setIn(stdin);
        }

        assertEquals(16, run.code, run.toString());
        Path held = dir.resolve("held");
        List<Path> copies = SpoolmailRun.files(held, ".input");
        assertEquals(1, copies.size(), run.toString());
        String name = copies.get(0).getFileName().toString();
        assertTrue(name.matches("stdin-\\d{8}T\\d{6}Z\\.input"), name);
        assertArrayEquals(mail, Files.readAllBytes(copies.get(0)));
        Path reason = held.resolve(name.replace(".input", ".reason"));
        String text = Files.readString(reason);
        assertTrue(text.startsWith("origin: stdin\ninput: -\nworking-folder: " + Path.of("").toAbsolutePath()
                + "\noptions: --records lf --plugins " + SpoolmailRun.PLUGINS + " -c " + pipeline
                + "\noutcome: HELD\nhold-cause: ENVIRONMENT\nreason: configuration error: "), text);
        assertTrue(text.endsWith("\ncondition-code: 16\n"), text);
        assertTrue(run.err.lines().toList().contains("spoolmail send: stdin: held in " + copies.get(0)
                + " with its reason in " + reason), run.err);
    }

    @Test
    void sendShouldKeepHeldFilesOwnerOnlyWhenTheFileSystemHasPosixPermissions() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");
        Files.writeString(pipeline, Files.readString(pipeline).replace("version: 1\n",
                "version: 1\nhold-directory: spool/held\n"));
        Path input = dir.resolve("job.smtp");
        Files.writeString(input, "HELO MVSA\nRCTP TO:<b@example.com>\n", StandardCharsets.US_ASCII);

        SpoolmailRun run = SpoolmailRun.send(pipeline, input.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals("rwx------", permissions(dir.resolve("spool")));
        assertEquals("rwx------", permissions(dir.resolve("spool/held")));
        List<Path> files = SpoolmailRun.files(dir.resolve("spool/held"), "");
        assertEquals(2, files.size());
        for (Path file : files) {
            assertEquals("rw-------", permissions(file), file.toString());
        }
    }

    private static String permissions(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String resend(Path input, String options) {
        return "input: " + input.toAbsolutePath() + "\nworking-folder: " + Path.of("").toAbsolutePath()
                + "\noptions: " + options + "\n";
    }
}
