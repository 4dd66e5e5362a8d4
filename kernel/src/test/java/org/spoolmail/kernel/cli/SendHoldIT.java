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
 * Held mail is kept, never dropped (DESIGN.md), in the same spool queue {@code submit} and the spool server use
 * (issue 8, "Also"): {@code send} makes each HELD or DEFERRED mail object an item of its own (its own transaction's
 * octets), with the outcome, hold cause and condition code in its reason, the input's shape and the options that
 * shaped it, and each recipient's state; an input refused as bad input, and standard input under a broken
 * pipeline.yaml, become one HELD item holding the whole input. {@code queue show} says all of it; the stderr line
 * names the item.
 */
class SendHoldIT {

    private static final String CORRUPT = "stage verify-sender (verify-sender): exit routine scripted-a failed:"
            + " java.lang.IllegalStateException: site directory is corrupt";
    private static final String USER = HeldItems.USER;
    private static final String FIRST_TRANSACTION = String.join("\n", "HELO EXAMPLE.COM",
            "MAIL FROM:<trigger@example.com>", "RCPT TO:<alice@example.com>", "RCPT TO:<bob@partner.example>", "DATA",
            "From: \"Trigger Job\" <trigger@example.com>", "To: alice@example.com, bob@partner.example",
            "Subject: first", "", "first body", ".", "");

    @TempDir
    Path dir;

    @Test
    void sendShouldKeepAHeldItemInTheSpoolQueueWithItsOwnTransactionAndReason() throws Exception {
        ExitRun exits = new ExitRun(dir).routine("verify-sender", "scripted-a", "throw", "trigger@example.com",
                "nobody@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(8, run.code, run.toString());
        Path input = dir.resolve("input.smtp");
        String id = HeldItems.id(run, "HELD");
        Path pipeline = dir.resolve("pipeline.yaml");
        assertEquals(List.of("id: " + id, "state: held", "submitter: " + USER + " (established)", "origin: " + input,
                "input: smtp-datastream, ccsid 819, records lf, mail object 1", "options: --plugins "
                        + dir.resolve("plugins") + " -c " + pipeline, "attempts: 0",
                "reason: HELD, hold-cause EXIT_FAILURE, condition code 8: " + CORRUPT,
                "sender: <trigger@example.com>", "recipient: <alice@example.com> PENDING",
                "recipient: <bob@partner.example> PENDING", "data: " + dir.resolve("spool/queue/data/" + id)),
                HeldItems.show(pipeline, id));
        assertEquals(FIRST_TRANSACTION, Files.readString(dir.resolve("spool/queue/data/" + id),
                StandardCharsets.US_ASCII));
        assertTrue(run.err.lines().toList().contains("spoolmail send: " + input + ": " + id + " HELD: " + CORRUPT
                + " (kept in " + dir.resolve("spool/queue/held/" + id) + ")"), run.err);
        assertEquals(List.of(dir.resolve("spool/queue/held/" + id)),
                SpoolmailRun.files(dir.resolve("spool/queue/held"), ""));
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("held"), ""));
    }

    @Test
    void sendShouldSayInTheAuditRecordAndWithCode16WhenAHeldItemCannotBeKept() throws Exception {
        Files.writeString(dir.resolve("spool"), "a file where the spool folder should be", StandardCharsets.UTF_8);
        ExitRun exits = new ExitRun(dir).routine("verify-sender", "scripted-a", "throw", "trigger@example.com",
                "nobody@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(16, run.code, run.toString());
        String id = HeldItems.id(run, "HELD");
        assertTrue(run.err.contains(id + " could not be kept in the spool queue: "), run.err);
        String record = Files.readAllLines(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0)).stream()
                .filter(l -> l.contains("\"queue-id\":\"" + id + "\"")).findFirst().orElseThrow();
        assertTrue(record.contains("\"outcome\":\"HELD\",") && record.contains("\"condition-code\":16,"
                + "\"hold-failed\":\""), record);
    }

    @Test
    void sendShouldKeepADeferredItemWithTheExitsReplyWhenAnExitDefers() throws Exception {
        ExitRun exits = new ExitRun(dir).routine("verify-sender", "scripted-a", "defer", "trigger@example.com",
                "nobody@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(4, run.code, run.toString());
        Path input = dir.resolve("input.smtp");
        String id = HeldItems.id(run, "DEFERRED");
        List<String> shown = HeldItems.show(dir.resolve("pipeline.yaml"), id);
        assertEquals(List.of("id: " + id, "state: deferred"), shown.subList(0, 2));
        assertTrue(shown.get(7).startsWith("next-attempt: "), shown.toString());
        assertEquals(List.of("reason: DEFERRED, condition code 4: directory unavailable for trigger@example.com",
                "last-reply: 451 4.3.0 directory unavailable", "sender: <trigger@example.com>",
                "recipient: <alice@example.com> PENDING", "recipient: <bob@partner.example> PENDING"),
                shown.subList(8, 13));
        assertEquals(FIRST_TRANSACTION, Files.readString(dir.resolve("spool/queue/data/" + id),
                StandardCharsets.US_ASCII));
        assertTrue(run.err.lines().toList().contains("spoolmail send: " + input + ": " + id + " DEFERRED: directory"
                + " unavailable for trigger@example.com [451 4.3.0 directory unavailable] (kept in "
                + dir.resolve("spool/queue/deferred/" + id) + ")"), run.err);
    }

    @Test
    void sendShouldKeepAnItemDeferredByAFailingStageWhenOnErrorIsDefer() throws Exception {
        ExitRun exits = new ExitRun(dir).raw("verify-sender", String.join("\n", "    routines: [scripted-a]",
                "    on-error: defer", "    config:",
                "      scripted-a: {decision: throw, when-sender: \"trigger@example.com\"}"));

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(4, run.code, run.toString());
        String id = HeldItems.id(run, "DEFERRED");
        List<String> shown = HeldItems.show(dir.resolve("pipeline.yaml"), id);
        assertEquals("state: deferred", shown.get(1));
        assertTrue(shown.contains("reason: DEFERRED, condition code 4: " + CORRUPT), shown.toString());
    }

    @Test
    void sendShouldKeepAnInputRefusedAsBadInputWholeInTheConfiguredSpool() throws Exception {
        Path input = dir.resolve("job.smtp");
        Files.writeString(input, "HELO MVSA\nMAIL FROM:<a@example.com>\nRCTP TO:<b@example.com>\n",
                StandardCharsets.US_ASCII);
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.outbox(), "", "{directory: queue-area}");

        SpoolmailRun run = SpoolmailRun.send(pipeline, input.toString());

        assertEquals(12, run.code, run.toString());
        String id = HeldItems.keptId(run);
        Path state = dir.resolve("queue-area/queue/held/" + id);
        assertEquals("spoolmail send: " + input + ": held in the spool queue as " + id + " (" + state
                + "): spoolmail queue show " + id, run.err.lines().toList().get(1));
        assertEquals(List.of("id: " + id, "state: held", "submitter: " + USER + " (established)", "origin: " + input,
                "input: (detected), ccsid 819, records lf, mail object 1", "options: --plugins "
                        + SpoolmailRun.PLUGINS.toAbsolutePath().normalize() + " -c " + pipeline, "attempts: 0",
                "reason: HELD, hold-cause BAD_INPUT, condition code 12: " + input
                        + " record 3: unknown SMTP verb 'RCTP'", "data: " + dir.resolve("queue-area/queue/data/" + id)),
                HeldItems.show(pipeline, id));
        assertArrayEquals(Files.readAllBytes(input), Files.readAllBytes(dir.resolve("queue-area/queue/data/" + id)));
        assertTrue(Files.exists(state));
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("spool"), ""));
    }

    @Test
    void sendShouldRecordTheInputShapeClaimsAndShapingOptionsWhenItKeepsARelativeInput() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");
        Path input = Path.of("target", "hold-it-" + System.nanoTime() + ".smtp");
        Files.writeString(input, "HELO MVSA\nRCTP TO:<b@example.com>\n", StandardCharsets.US_ASCII);
        try {
            SpoolmailRun run = SpoolmailRun.send(pipeline, "--codepage", "819", "--records", "lf", "--format",
                    "smtp-datastream", "--job-name", "PAY 01", "--job-id", "JOB00042", "--program", "IKJEFT01",
                    input.toString());

            assertEquals(12, run.code, run.toString());
            String id = HeldItems.keptId(run);
            assertEquals(List.of("id: " + id, "state: held", "submitter: " + USER + " (established)",
                    "job-name: PAY 01 (claimed)", "job-id: JOB00042 (claimed)", "program: IKJEFT01 (claimed)",
                    "origin: " + input.toAbsolutePath(), "input: smtp-datastream, ccsid 819, records lf, mail object 1",
                    "options: --codepage 819 --records lf --format smtp-datastream --job-name PAY 01 --job-id"
                            + " JOB00042 --program IKJEFT01 --plugins " + SpoolmailRun.PLUGINS.toAbsolutePath()
                            .normalize() + " -c " + pipeline), HeldItems.show(pipeline, id).subList(0, 9));
        } finally {
            Files.deleteIfExists(input);
        }
    }

    @Test
    void sendShouldNamePluginsInTheItemsOptionsAndEndItsStateFileWithANewlineWhenPluginsIsGiven()
            throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");
        Path input = dir.resolve("job.smtp");
        Files.writeString(input, "HELO MVSA\nRCTP TO:<b@example.com>\n", StandardCharsets.US_ASCII);
        Path plugins = SpoolmailRun.pluginsCopy(dir);

        SpoolmailRun run = SpoolmailRun.run("send", "-c", pipeline.toString(), "--plugins", plugins.toString(),
                "--codepage", "819", input.toString());

        assertEquals(12, run.code, run.toString());
        String id = HeldItems.keptId(run);
        assertTrue(HeldItems.show(pipeline, id).contains("options: --codepage 819 --plugins " + plugins + " -c "
                + pipeline), run.toString());
        String state = Files.readString(dir.resolve("spool/queue/held/" + id), StandardCharsets.UTF_8);
        assertTrue(state.contains("\noption: --plugins\noption: " + plugins + "\n"), state);
        assertTrue(state.endsWith("\n"), state);
    }

    @Test
    void sendShouldKeepStandardInputInTheDefaultSpoolWhenPipelineYamlIsBroken() throws Exception {
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
        String id = HeldItems.keptId(run);
        assertTrue(run.err.lines().toList().contains("spoolmail send: stdin: held in the spool queue as " + id + " ("
                + dir.resolve("spool/queue/held/" + id) + "): spoolmail queue show " + id), run.err);
        assertArrayEquals(mail, Files.readAllBytes(dir.resolve("spool/queue/data/" + id)));
        // The operator fixes pipeline.yaml first: queue reads it too.
        PipelineFiles.write(dir, PipelineFiles.outbox(), "");
        List<String> shown = HeldItems.show(pipeline, id);
        assertEquals(List.of("id: " + id, "state: held", "submitter: " + USER + " (established)", "origin: stdin",
                "input: (detected), ccsid 1208, records lf, mail object 1", "options: --records lf --plugins "
                        + SpoolmailRun.PLUGINS.toAbsolutePath().normalize() + " -c " + pipeline, "attempts: 0"),
                shown.subList(0, 7));
        assertTrue(shown.get(7).startsWith("reason: HELD, hold-cause ENVIRONMENT, condition code 16: configuration"
                + " error: "), shown.get(7));
    }

    @Test
    void sendShouldKeepTheSpoolQueueOwnerOnlyWhenTheFileSystemHasPosixPermissions() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");
        Path input = dir.resolve("job.smtp");
        Files.writeString(input, "HELO MVSA\nRCTP TO:<b@example.com>\n", StandardCharsets.US_ASCII);

        SpoolmailRun run = SpoolmailRun.send(pipeline, input.toString());

        assertEquals(12, run.code, run.toString());
        String id = HeldItems.keptId(run);
        assertEquals("rwx------", permissions(dir.resolve("spool/queue")));
        assertEquals("rw-------", permissions(dir.resolve("spool/queue/data/" + id)));
        assertEquals("rw-------", permissions(dir.resolve("spool/queue/held/" + id)));
    }

    @Test
    void releaseShouldSendAHeldItemOfSendWhenTheOperatorFixedTheExit() throws Exception {
        ExitRun exits = new ExitRun(dir).routine("verify-sender", "scripted-a", "throw", "trigger@example.com",
                "nobody@example.com");
        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);
        String id = HeldItems.id(run, "HELD");
        Path pipeline = dir.resolve("pipeline.yaml");
        // The operator takes the failing routine out of verify-sender (the site directory is repaired).
        Files.writeString(pipeline, Files.readString(pipeline).replace("when-sender: \"trigger@example.com\"",
                "when-sender: \"nobody@example.com\""), StandardCharsets.UTF_8);

        SpoolmailRun released = SpoolmailRun.run("queue", "release", id, "-c", pipeline.toString());
        SpoolmailRun spool = SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                dir.resolve("plugins").toString());

        assertEquals(0, released.code, released.toString());
        assertEquals(0, spool.code, spool.toString());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("spool/queue/held"), ""));
        List<Path> sent = SpoolmailRun.files(dir.resolve("outbox"), ".eml");
        assertEquals(2, sent.size(), "the second transaction at send, the first after release: " + sent);
        assertTrue(Files.readString(dir.resolve("outbox/" + id + ".eml"), StandardCharsets.UTF_8)
                .contains("Subject: first"), spool.toString());
    }

    @Test
    void releaseShouldSendAHeldDecksAttachmentAsItWasAtSendWhenTheFileChangedSince() throws Exception {
        Path pipeline = deckPipeline(PipelineFiles.smtp(closedPort()));
        Path report = Files.writeString(dir.resolve("report.txt"), "TOTALS 4711\n", StandardCharsets.US_ASCII);
        Path deck = Files.writeString(dir.resolve("job.deck"), String.join("\n", "FROM batch@example.com",
                "TO ops@example.com", "SUBJECT nightly", "TEXT", "see attached", "ENDTEXT",
                "ATTACH report.txt TEXT", ""), StandardCharsets.US_ASCII);

        SpoolmailRun sent = SpoolmailRun.send(pipeline, deck.toString());
        assertEquals(16, sent.code, sent.toString());
        String id = HeldItems.id(sent, "HELD");
        List<String> shown = HeldItems.show(pipeline, id);
        assertTrue(shown.contains("file: report.txt (" + report + ", 12 octets, sha256"
                + " cc73e4c95f26af6f9f4ad41cbea4f8e528952dd68936780886f28c021375bd36, carried in the item)"),
                shown.toString());
        // The file changes after send kept the mail; then the operator points the pipeline at a working relay.
        Files.writeString(report, "CHANGED AFTER SEND\n", StandardCharsets.US_ASCII);
        deckPipeline(PipelineFiles.outbox());
        SpoolmailRun released = SpoolmailRun.run("queue", "release", id, "-c", pipeline.toString());
        SpoolmailRun spool = SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString());

        assertEquals(0, released.code, released.toString());
        assertEquals(0, spool.code, spool.toString());
        assertTrue(spool.out.contains(id + " DELIVERED <batch@example.com> -> <ops@example.com>"), spool.toString());
        String eml = Files.readString(dir.resolve("outbox/" + id + ".eml"), StandardCharsets.UTF_8);
        assertTrue(eml.contains("TOTALS 4711"), eml);
        assertTrue(!eml.contains("CHANGED AFTER SEND"), eml);
    }

    /** The reference pipeline reading control-statement decks, delivering as given. */
    private Path deckPipeline(String deliver) throws Exception {
        Path file = PipelineFiles.write(dir, deliver, "");
        String yaml = Files.readString(file, StandardCharsets.UTF_8).replace(
                "    use: smtp-datastream\n    config: {default-domain: example.com}\n",
                "    use: [control-statements, smtp-datastream]\n");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String permissions(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
