package org.spoolmail.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.ReversePath;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.kernel.api.Mail;
import org.spoolmail.kernel.api.MailResult;
import org.spoolmail.kernel.api.RawInput;
import org.spoolmail.kernel.api.SpoolmailException;

/** The harness runs a site's routine, given as an object, through the reference pipeline's real stages. */
class PipelineHarnessTest {

    @TempDir
    Path work;

    /** A site routine: batch senders go out as the functional mailbox its configuration names. */
    @StageName("functional-sender")
    static final class FunctionalSenderExit implements MailExit {
        static final ConfigKey<String> MAILBOX = ConfigKey.string("mailbox", null);
        private volatile Mailbox mailbox;

        @Override
        public List<ConfigKey<?>> configSchema() {
            return List.of(MAILBOX);
        }

        @Override
        public void init(StageContext context) {
            mailbox = Mailbox.parse(context.config().get(MAILBOX));
        }

        @Override
        public ExitDecision decide(MailObject mail) {
            return ExitDecision.replace(mailbox, "batch mail goes out as " + mailbox);
        }
    }

    @StageName("broken")
    static final class BrokenExit implements MailExit {
        @Override
        public ExitDecision decide(MailObject mail) {
            throw new IllegalStateException("directory unavailable");
        }
    }

    @Test
    void submitShouldDeliverAsTheReplacedSenderWhenTheConfiguredRoutineReplacesIt() throws Exception {
        try (PipelineHarness harness = PipelineHarness.builder().workDirectory(work)
                .exitRoutine(PipelineHarness.VERIFY_SENDER, new FunctionalSenderExit(),
                        Map.of("mailbox", "reports@example.com"))
                .build()) {
            MailResult r = harness.submit(Mail.builder().from("batch1@example.com").to("wayne@example.com")
                    .subject("Run done").text("ok").build());

            assertEquals(4, r.conditionCode(), r.toString());
            assertEquals(1, harness.delivered().size());
            DeliveredMail d = harness.delivered().get(0);
            assertEquals(ReversePath.of(Mailbox.parse("reports@example.com")), d.envelope().reversePath());
            assertEquals(List.of(ForwardPath.parse("wayne@example.com")), d.accepted());
            assertEquals(Optional.of("reports@example.com"), d.header("From"));
            assertEquals(Optional.empty(), d.header("Sender"));
            assertEquals(Optional.of("Run done"), d.header("Subject"));
            assertTrue(r.trace().stream().anyMatch(t -> t.routine().equals(Optional.of("functional-sender"))
                    && t.decision().equals("REPLACE")), r.trace().toString());
        }
    }

    @Test
    void buildShouldNameTheKeyWhenTheRoutinesConfigurationHasOneItDoesNotDeclare() {
        SpoolmailException e = assertThrows(SpoolmailException.class, () -> PipelineHarness.builder()
                .workDirectory(work).exitRoutine(PipelineHarness.VERIFY_SENDER, new FunctionalSenderExit(),
                        Map.of("mailbox", "reports@example.com", "mail-box", "x@example.com")).build());

        assertTrue(e.problems().stream().anyMatch(p -> p.contains("pipeline[1].config.functional-sender.mail-box")),
                e.problems().toString());
    }

    @Test
    void submitShouldReportEachRecipientWhenTheRelayRefusesOne() throws Exception {
        try (PipelineHarness harness = PipelineHarness.builder().workDirectory(work).build()) {
            harness.delivery().refuse(ForwardPath.parse("gone@example.com"), SmtpReply.of(550, "5.1.1", "no such user"));

            MailResult r = harness.submit(Mail.builder().from("a@example.com").to("b@example.com", "gone@example.com")
                    .text("x").build());

            assertEquals(4, r.conditionCode(), r.toString());
            assertEquals(List.of(new RecipientResult(ForwardPath.parse("b@example.com"),
                    RecipientResult.Status.ACCEPTED, Optional.empty()), new RecipientResult(
                    ForwardPath.parse("gone@example.com"), RecipientResult.Status.REFUSED,
                    Optional.of(SmtpReply.of(550, "5.1.1", "no such user")))), r.recipients());
        }
    }

    @Test
    void submitShouldHoldTheMailWithCode8WhenTheRoutineThrows() throws Exception {
        try (PipelineHarness harness = PipelineHarness.builder().workDirectory(work)
                .exitRoutine(PipelineHarness.VERIFY_SENDER, new BrokenExit()).build()) {
            MailResult r = harness.submit(Mail.builder().from("a@example.com").to("b@example.com").build());

            assertEquals(8, r.conditionCode(), r.toString());
            assertEquals(Disposition.Kind.HELD, r.outcome());
            assertTrue(r.reason().contains("directory unavailable"), r.reason());
            assertEquals(Optional.of(work.resolve("spool/queue/held/" + r.queueId()).toString()), r.keptIn());
            assertTrue(Files.exists(work.resolve("spool/queue/data/" + r.queueId())));
            assertEquals(List.of(), harness.delivered());
            String audit = Files.readString(onlyFile(work.resolve("audit")), StandardCharsets.UTF_8);
            assertTrue(audit.contains("\"outcome\":\"HELD\""), audit);
        }
    }

    private static Path onlyFile(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void submitShouldParseADatastreamWhenGivenRawInput() throws Exception {
        byte[] stream = "HELO X\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.com>\nDATA\nSubject: hi\n\nbody\n.\nQUIT\n"
                .getBytes(StandardCharsets.UTF_8);
        try (PipelineHarness harness = PipelineHarness.builder().build()) {
            assertEquals(0, harness.submit(RawInput.of("JOB1", stream)).conditionCode());
            assertEquals(Optional.of("hi"), harness.delivered().get(0).header("Subject"));
            assertTrue(harness.delivered().get(0).text().endsWith("\r\n\r\nbody\r\n"),
                    harness.delivered().get(0).text());
            Path made = harness.workDirectory();
            harness.close();
            assertTrue(!Files.exists(made), "the harness deletes the work folder it made");
        }
    }
}
