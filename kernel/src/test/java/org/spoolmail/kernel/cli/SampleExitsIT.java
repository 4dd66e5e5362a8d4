package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample exits jobname-sender, domain-policy, size-limit and attachment-policy, each loaded by PF4J from its
 * jar in the distribution's plugins folder and run through {@code send}: the decision in the outcome, the
 * condition code, what reached the outbox and the routine's entry in the audit record.
 */
class SampleExitsIT {

    @TempDir
    Path dir;

    @Test
    void jobnameSenderShouldRejectWithCode8WhenTheJobNameIsOnlyClaimed() throws Exception {
        Path pipeline = ExitPipelines.write(dir, jobname("\"true\""), "", "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, "--job-name", "PAYROLL1", seed());

        assertEquals(8, run.code, run.toString());
        assertTrue(run.err.contains("[550 5.7.1 job PAYROLL1 (claimed) is not authorised to send as foo@bar.com]"),
                run.toString());
        assertNothingDelivered();
        assertTrace("verify-sender", "jobname-sender", "REJECT", "foo@bar.com is reserved for jobs PAY*"
                + " (reverse-path); job name PAYROLL1 is only claimed and require-established-job is true");
    }

    @Test
    void jobnameSenderShouldAcceptWithCode0WhenClaimedJobNamesAreTrusted() throws Exception {
        Path pipeline = ExitPipelines.write(dir, jobname("\"false\""), "", "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, "--job-name", "PAYROLL1", seed());

        assertEquals(0, run.code, run.toString());
        assertEquals(1, SpoolmailRun.files(dir.resolve("outbox"), ".eml").size());
        assertTrace("verify-sender", "jobname-sender", "ACCEPT", "job PAYROLL1 may send as foo@bar.com");
    }

    @Test
    void domainPolicyShouldDropTheRefusedRecipientWithCode4AtVerifyRecipients() throws Exception {
        Path pipeline = ExitPipelines.write(dir, "", ExitPipelines.routine("domain-policy",
                "allow-recipient-domains: [example.com, \"*.example.com\"]", "recipients: drop"), "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, twoRecipients());

        assertEquals(4, run.code, run.toString());
        List<String> envelope = Files.readAllLines(SpoolmailRun.files(dir.resolve("outbox"), ".envelope").get(0),
                StandardCharsets.UTF_8);
        assertEquals(List.of("MAIL FROM:<batch@example.com>", "RCPT TO:<hr@reports.example.com>"), envelope);
        assertTrace("verify-recipients", "domain-policy", "REPLACE",
                "recipient domain gmail.com matches no allowed pattern (dropped <friend@gmail.com>)");
    }

    @Test
    void domainPolicyShouldRejectWithCode8WhenTheSenderDomainIsDenied() throws Exception {
        Path pipeline = ExitPipelines.write(dir, ExitPipelines.routine("domain-policy",
                "deny-sender-domains: [bar.com]"), "", "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, seed());

        assertEquals(8, run.code, run.toString());
        assertTrue(run.err.contains("[550 5.7.1 sender domain bar.com is not allowed]"), run.toString());
        assertNothingDelivered();
        assertTrace("verify-sender", "domain-policy", "REJECT", "sender domain bar.com is not allowed: foo@bar.com"
                + " (reverse-path) matches the denied pattern bar.com");
    }

    @Test
    void sizeLimitShouldRejectWith552AndCode8WhenTheMessageIsLargerThanTheLimit() throws Exception {
        Path pipeline = ExitPipelines.write(dir, "", "", ExitPipelines.routine("size-limit", "max-size: 100B"));

        SpoolmailRun run = SpoolmailRun.send(pipeline, seed());

        assertEquals(8, run.code, run.toString());
        assertTrue(run.err.matches("(?s).*\\[552 5\\.3\\.4 message size \\d{3} octets exceeds the limit of 100"
                + " octets].*"), run.toString());
        assertNothingDelivered();
        assertTrue(ExitPipelines.onlyAuditRecord(dir).matches(".*\"stage\":\"content-policy\",\"routine\":"
                + "\"size-limit\",\"decision\":\"REJECT\",\"reason\":\"message size \\d{3} octets exceeds the limit"
                + " of 100 octets\".*"), ExitPipelines.onlyAuditRecord(dir));
    }

    @Test
    void sizeLimitShouldLetTheMailThroughWithCode0WhenItIsWithinTheLimit() throws Exception {
        Path pipeline = ExitPipelines.write(dir, "", "", ExitPipelines.routine("size-limit", "max-size: 10MiB"));

        SpoolmailRun run = SpoolmailRun.send(pipeline, seed());

        assertEquals(0, run.code, run.toString());
        assertEquals(1, SpoolmailRun.files(dir.resolve("outbox"), ".eml").size());
        assertTrue(ExitPipelines.onlyAuditRecord(dir).matches(".*\"routine\":\"size-limit\",\"decision\":\"CONTINUE\","
                + "\"reason\":\"message size \\d{3} octets is within the limit of 10485760 octets\".*"),
                ExitPipelines.onlyAuditRecord(dir));
    }

    @Test
    void attachmentPolicyShouldRejectNamingTheAttachmentWithCode8AtContentPolicy() throws Exception {
        Path pipeline = ExitPipelines.write(dir, "", "", ExitPipelines.routine("attachment-policy",
                "deny-extensions: [csv, exe]"));

        SpoolmailRun run = SpoolmailRun.send(pipeline, inventory());

        assertEquals(8, run.code, run.toString());
        assertTrue(run.err.contains("[550 5.7.1 attachment 1 \"ELEMENTS.CSV\": file name extension .csv is not"
                + " allowed]"), run.toString());
        assertNothingDelivered();
        assertTrace("content-policy", "attachment-policy", "REJECT",
                "attachment 1 \\\"ELEMENTS.CSV\\\": file name extension .csv is not allowed");
    }

    @Test
    void attachmentPolicyShouldHoldTheMailWithCode8WhenPlacedBeforeMimeEncode() throws Exception {
        Path pipeline = ExitPipelines.write(dir, ExitPipelines.routine("attachment-policy", "max-attachments: \"5\""),
                "", "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, inventory());

        assertEquals(8, run.code, run.toString());
        assertTrue(run.out.contains(" HELD "), run.toString());
        assertNothingDelivered();
        String record = ExitPipelines.onlyAuditRecord(dir);
        assertTrue(record.contains("\"outcome\":\"HELD\""), record);
        assertTrue(record.contains("attachment-policy cannot see the attachments: the multipart has not been"
                + " divided into parts; place this exit point after mime-encode"), record);
    }

    private static String jobname(String requireEstablished) {
        return ExitPipelines.routine("jobname-sender", "require-established-job: " + requireEstablished,
                "rules: [{job: \"PAY*\", send-as: foo@bar.com}]");
    }

    private String seed() throws Exception {
        return SpoolmailRun.corpus(dir, "seed-example.smtp").toString();
    }

    private String inventory() throws Exception {
        return SpoolmailRun.corpus(dir, "inventory-no-separator.smtp").toString();
    }

    private String twoRecipients() throws Exception {
        Path input = dir.resolve("two-recipients.smtp");
        Files.writeString(input, String.join("\n", "HELO SYS1", "MAIL FROM:<batch@example.com>",
                "RCPT TO:<hr@reports.example.com>", "RCPT TO:<friend@gmail.com>", "DATA", "From: batch@example.com",
                "Subject: weekly totals", "", "Totals attached.", ".", "QUIT", ""), StandardCharsets.US_ASCII);
        return input.toString();
    }

    private void assertNothingDelivered() throws Exception {
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }

    private void assertTrace(String stage, String routine, String decision, String reason) throws Exception {
        String record = ExitPipelines.onlyAuditRecord(dir);
        assertTrue(record.contains("\"stage\":\"" + stage + "\",\"routine\":\"" + routine + "\",\"decision\":\""
                + decision + "\",\"reason\":\"" + reason + "\""), record);
    }
}
