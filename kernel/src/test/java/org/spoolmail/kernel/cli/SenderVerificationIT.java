package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory-sender sample exit, loaded from its plugin jar, deciding on the real OS user ID. */
class SenderVerificationIT {

    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path dir;

    @Test
    void sendShouldRejectWithCode8AndAuditTheRoutineWhenTheUserIsNotInTheDirectory() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), directory("verify", "NOBODY",
                "foo@bar.com"));

        SpoolmailRun run = SpoolmailRun.send(pipeline, SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(8, run.code, run.toString());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
        assertTrue(run.err.contains("REJECTED: "), run.err);
        String record = audit();
        assertTrue(record.contains("\"outcome\":\"REJECTED\""), record);
        assertTrue(record.contains("\"stage\":\"verify-sender\",\"routine\":\"directory-sender\","
                + "\"decision\":\"REJECT\",\"reason\":\"user ID " + USER + " is not in the sender directory\""),
                record);
    }

    @Test
    void sendShouldDeliverWithCode0WhenTheUserMayUseTheSender() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), directory("verify", USER, "*@bar.com"));

        SpoolmailRun run = SpoolmailRun.send(pipeline, SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(0, run.code, run.toString());
        assertEquals(1, SpoolmailRun.files(dir.resolve("outbox"), ".eml").size());
    }

    @Test
    void sendShouldRewriteReversePathAndFromWithCode4WhenReplaceModeMapsTheUser() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), directory("replace", USER,
                "reports@example.com"));

        SpoolmailRun run = SpoolmailRun.send(pipeline, SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(4, run.code, run.toString());
        String id = run.out.substring(0, run.out.indexOf(' '));
        assertEquals(List.of(id + " DELIVERED <reports@example.com> (replaced <foo@bar.com>) -> <wayne@bar.com>"
                + " subject \"DAILY REPORT OF DISK UTILIZATION\" (condition code 4)"), run.out.lines().toList());
        Path outbox = dir.resolve("outbox");
        assertEquals("MAIL FROM:<reports@example.com>", Files.readAllLines(
                SpoolmailRun.files(outbox, ".envelope").get(0), StandardCharsets.UTF_8).get(0));
        MimeMessage m = Messages.parse(SpoolmailRun.files(outbox, ".eml").get(0));
        assertEquals(new InternetAddress("\"Commissioner Gordon\" <reports@example.com>"), m.getFrom()[0]);
        String record = audit();
        assertTrue(record.contains("\"original-reverse-path\":\"<foo@bar.com>\""), record);
        assertTrue(record.contains("\"reverse-path\":\"<reports@example.com>\""), record);
    }

    @Test
    void sendShouldWriteTheDirectoryDisplayNameQuotedWhenReplaceModeReplacesTheDisplayName() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), directory("replace", USER,
                "reports@example.com").replace("        entries:", "        display-name: replace\n        entries:")
                + "\n            display-name: \"Reports, Night Shift\"");

        SpoolmailRun run = SpoolmailRun.send(pipeline, SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(4, run.code, run.toString());
        Path eml = SpoolmailRun.files(dir.resolve("outbox"), ".eml").get(0);
        assertEquals(List.of("From: \"Reports, Night Shift\" <reports@example.com>"),
                Files.readAllLines(eml, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("From:")).toList());
        assertTrue(audit().contains("\"reason\":\"" + USER + " sends as reports@example.com with display name"
                + " 'Reports, Night Shift'\""), audit());
    }

    private static String directory(String mode, String user, String sendAs) {
        return String.join("\n",
                "    routines: [directory-sender]",
                "    config:",
                "      directory-sender:",
                "        mode: " + mode,
                "        entries:",
                "          - user: \"" + user + "\"",
                "            send-as: [\"" + sendAs + "\"]");
    }

    private String audit() throws Exception {
        List<String> lines = Files.readAllLines(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0),
                StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        return lines.get(0);
    }
}
