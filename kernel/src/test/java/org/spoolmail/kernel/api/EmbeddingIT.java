package org.spoolmail.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * The embedding API with the distribution's plugins: raw input in an EBCDIC CCSID and fixed records, a pipeline
 * with problems refused as a whole, and mail an exit routine defers kept in the spool queue as a datastream that
 * goes out unchanged when submitted again.
 */
class EmbeddingIT {

    @TempDir
    Path dir;

    @Test
    void submitShouldDeliverEveryMessageOfAnEbcdicDatastreamWhenGivenItsCcsidAndRecords() throws Exception {
        byte[] payroll = Files.readAllBytes(EmbeddedPipelines.ROOT.resolve("samples/payroll-fb80-ibm1047.bin"));
        try (Spoolmail spoolmail = outboxKernel(List.of()).build()) {
            SubmitResult r = spoolmail.submit(RawInput.of("PAYROLL.MAIL", payroll).withCcsid(Ccsid.of(1047))
                    .withRecords(RecordFormat.fixed(80)));

            assertEquals(0, r.conditionCode(), r.mails().toString());
            assertEquals(1, r.mails().size());
            assertEquals(Disposition.Kind.DELIVERED, r.mails().get(0).outcome());
            String eml = Files.readString(dir.resolve("outbox/" + r.mails().get(0).queueId() + ".eml"),
                    StandardCharsets.UTF_8);
            assertTrue(eml.contains("\r\nSubject: "), eml);
        }
    }

    @Test
    void submitShouldRefuseTheInputWithCode12NamingItsOriginWhenItIsNoMail() throws Exception {
        try (Spoolmail spoolmail = outboxKernel(List.of()).build()) {
            SubmitResult r = spoolmail.submit(RawInput.of("JOB1.OUT", "hello\nworld\n".getBytes(StandardCharsets.UTF_8)));

            assertEquals(12, r.conditionCode());
            assertEquals(List.of(), r.mails());
            assertTrue(r.error().orElseThrow().startsWith("JOB1.OUT"), r.error().orElseThrow());
        }
    }

    @Test
    void buildShouldListEveryProblemWhenThePipelineNamesUnknownExtensions() throws Exception {
        String yaml = EmbeddedPipelines.pipeline("    use: deliver-nowhere", List.of("no-such-routine"), false);

        SpoolmailException e = assertThrows(SpoolmailException.class, () -> Spoolmail.builder()
                .pipeline(yaml, dir).pluginsDirectory(EmbeddedPipelines.plugins(dir)).build());

        String source = dir.toAbsolutePath().resolve(SpoolmailBuilder.IN_MEMORY_NAME).toString();
        assertEquals(16, e.conditionCode());
        assertTrue(e.problems().contains(source + ": pipeline[1].routines[0]: no exit routine named"
                + " 'no-such-routine' for 'verify-sender' (available: attachment-policy, directory-sender,"
                + " domain-policy, jobname-sender, size-limit)"), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(source + ": pipeline[4].use: no stage plugin"
                + " named 'deliver-nowhere' for 'deliver'")), e.problems().toString());
    }

    @Test
    void buildShouldRefuseWithCode16AJobNameTheEnvironmentSetsWithALineBreakUnlessTheCallerClaimsOne()
            throws Exception {
        java.util.Map<String, String> environment = java.util.Map.of("SPOOLMAIL_JOBNAME", "PAY\nROLL");

        SpoolmailException e = assertThrows(SpoolmailException.class, () -> outboxKernel(List.of())
                .environment(environment).build());

        assertEquals(16, e.conditionCode());
        assertEquals(List.of("the environment's SPOOLMAIL_JOBNAME holds control character U+000A: a job's claims"
                + " cannot carry one (fix the variable or the scheduler's job definition, or claim with jobName(),"
                + " jobId() or program())"), e.problems());
        try (Spoolmail claimed = outboxKernel(List.of()).environment(environment).jobName("PAYROLL").build()) {
            assertTrue(claimed != null);
        }
    }

    @Test
    void submitShouldKeepDeferredMailAsADatastreamThatGoesOutUnchangedWhenSubmittedAgain() throws Exception {
        MailExit freeze = mail -> ExitDecision.defer(SmtpReply.of(451, "4.3.2", "frozen"), "change freeze");
        Mail mail = Mail.builder().from("reports@example.com").to("wayne@example.com").bcc("archive@example.org")
                .subject("Grüße aus dem Rechenzentrum").text("Zeile 1\n.Zeile mit Punkt").attach("data.bin",
                        "application/octet-stream", new byte[] {0, 0x0d, 0x15, 0x25, (byte) 0xff}).build();
        MailResult deferred;
        try (Spoolmail frozen = outboxKernel(List.of("freeze")).extension(MailExit.class, "freeze", () -> freeze)
                .build()) {
            deferred = frozen.submit(mail);
        }
        assertEquals(4, deferred.conditionCode(), deferred.toString());
        assertEquals(Disposition.Kind.DEFERRED, deferred.outcome());
        assertEquals(java.util.Optional.of(dir.resolve("spool/queue/deferred/" + deferred.queueId()).toString()),
                deferred.keptIn());
        org.spoolmail.kernel.queue.QueueItem item = org.spoolmail.kernel.queue.DirectorySpool.open(dir.resolve("spool"),
                java.time.Clock.systemUTC()).show(deferred.queueId()).orElseThrow();
        assertEquals(org.spoolmail.kernel.queue.ItemState.DEFERRED, item.state());
        assertEquals(new org.spoolmail.kernel.queue.Submission(System.getProperty("user.name"), true,
                java.util.Map.of(), "java-api", java.util.Optional.empty(), Ccsid.UTF_8, RecordFormat.CRLF, 0,
                List.of("--records", "crlf"), List.of()), item.submission());
        assertEquals(java.util.Optional.of("DEFERRED, condition code 4: change freeze"), item.reason());
        assertEquals(java.util.Optional.of("451 4.3.2 frozen"), item.lastReply());
        assertEquals(List.of("<wayne@example.com> PENDING", "<archive@example.org> PENDING"), item.recipients()
                .stream().map(r -> r.forwardPath() + " " + r.status()).toList());
        Path held = dir.resolve("spool/queue/data/" + deferred.queueId());

        try (Spoolmail spoolmail = outboxKernel(List.of()).build()) {
            SubmitResult again = spoolmail.submit(RawInput.ofFile(held).withCcsid(Ccsid.UTF_8)
                    .withRecords(RecordFormat.CRLF));

            assertEquals(0, again.conditionCode(), again.mails().toString());
            String id = again.mails().get(0).queueId();
            assertEquals(List.of("MAIL FROM:<reports@example.com>", "RCPT TO:<wayne@example.com>",
                    "RCPT TO:<archive@example.org>"), Files.readAllLines(dir.resolve("outbox/" + id + ".envelope")));
            String eml = Files.readString(dir.resolve("outbox/" + id + ".eml"), StandardCharsets.UTF_8);
            assertTrue(eml.contains("Subject: =?UTF-8?"), eml);
            assertTrue(eml.contains("\r\nZeile 1\r\n.Zeile mit Punkt\r\n"), "dot-unstuffed again: " + eml);
            assertTrue(eml.contains("AA0VJf8="), "the attachment's octets in base64: " + eml);
            assertTrue(!eml.contains("Bcc"), eml);
        }
    }

    private SpoolmailBuilder outboxKernel(List<String> routines) throws Exception {
        Path plugins = Files.isDirectory(dir.resolve("plugins")) ? dir.resolve("plugins")
                : EmbeddedPipelines.plugins(dir);
        return Spoolmail.builder().pipeline(EmbeddedPipelines.pipeline(EmbeddedPipelines.outbox(), routines, true),
                dir).pluginsDirectory(plugins);
    }
}
