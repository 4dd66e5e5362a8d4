package org.spoolmail.sampleexits.jobname;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.SmtpReply;

class JobNameSenderExitTest {

    private static final List<Object> RULES = List.of(
            Map.of("job", "PAY*", "send-as", "payroll@example.com"),
            Map.of("job", "INV??", "send-as", "inventory@example.com", "mode", "replace"));

    @Test
    void decideShouldAcceptWhenAnEstablishedMatchingJobSendsAsTheMailbox() {
        MailObject mail = job(IdentityFact.established("PAYROLL1")).from("payroll@example.com")
                .header("From", "\"Payroll\" <Payroll@EXAMPLE.com>").build();

        assertEquals(ExitDecision.accept("job PAYROLL1 may send as payroll@example.com"), exit(true).decide(mail));
    }

    @Test
    void decideShouldContinueWhenTheMatchingJobPutsAnotherAddressInFrom() {
        MailObject mail = job(IdentityFact.established("PAYROLL1")).from("payroll@example.com")
                .header("From", "ceo@example.com").build();

        assertEquals(new ExitDecision.Continue("no job-name rule covers <payroll@example.com> from job PAYROLL1"),
                exit(true).decide(mail));
    }

    @Test
    void decideShouldRejectWhenAnotherJobSendsAsTheMailboxInAnotherCase() {
        MailObject mail = job(IdentityFact.established("INVENT01")).from("PAYROLL@example.com").build();

        assertEquals(ExitDecision.reject(
                SmtpReply.of(550, "5.7.1", "job INVENT01 is not authorised to send as PAYROLL@example.com"),
                "PAYROLL@example.com is reserved for jobs PAY* (reverse-path)"), exit(true).decide(mail));
    }

    @Test
    void decideShouldRejectWhenAnotherJobSendsAsTheMailbox() {
        MailObject mail = job(IdentityFact.established("INVENT01")).from("payroll@example.com").build();

        assertEquals(ExitDecision.reject(
                SmtpReply.of(550, "5.7.1", "job INVENT01 is not authorised to send as payroll@example.com"),
                "payroll@example.com is reserved for jobs PAY* (reverse-path)"), exit(true).decide(mail));
    }

    @Test
    void decideShouldRejectWhenAnotherJobQuotesTheLocalPartOfTheMailbox() {
        MailObject mail = job(IdentityFact.established("INVENT01")).from("\"payroll\"@example.com").build();

        assertEquals(ExitDecision.reject(
                SmtpReply.of(550, "5.7.1", "job INVENT01 is not authorised to send as \"payroll\"@example.com"),
                "\"payroll\"@example.com is reserved for jobs PAY* (reverse-path)"), exit(true).decide(mail));
    }

    @Test
    void decideShouldRejectWhenAnotherJobPutsAQuotedPairSpellingOfTheMailboxInFrom() {
        MailObject mail = job(IdentityFact.established("INVENT01")).from("inv01@example.com")
                .header("From", "<\"pay\\roll\"@EXAMPLE.com>").build();

        assertEquals(ExitDecision.reject(
                SmtpReply.of(550, "5.7.1", "job INVENT01 is not authorised to send as \"pay\\roll\"@EXAMPLE.com"),
                "\"pay\\roll\"@EXAMPLE.com is reserved for jobs PAY* (From header field)"), exit(true).decide(mail));
    }

    @Test
    void decideShouldRejectWhenTheJobNameIsOnlyClaimedAndMustBeEstablished() {
        MailObject mail = job(IdentityFact.claimed("PAYROLL1")).from("payroll@example.com").build();

        assertEquals(ExitDecision.reject(
                SmtpReply.of(550, "5.7.1", "job PAYROLL1 (claimed) is not authorised to send as payroll@example.com"),
                "payroll@example.com is reserved for jobs PAY* (reverse-path); job name PAYROLL1 is only claimed"
                        + " and require-established-job is true"), exit(true).decide(mail));
    }

    @Test
    void decideShouldAcceptWhenTheJobNameIsClaimedAndClaimsAreAllowed() {
        MailObject mail = job(IdentityFact.claimed("PAYROLL1")).from("payroll@example.com").build();

        assertEquals(ExitDecision.accept("job PAYROLL1 may send as payroll@example.com"), exit(false).decide(mail));
    }

    @Test
    void decideShouldRejectWhenWorkWithoutAJobNameUsesTheMailboxInFrom() {
        MailObject mail = MailObjects.builder().from("batch1@example.com")
                .header("From", "Payroll <payroll@example.com>").build();

        assertEquals(ExitDecision.reject(
                SmtpReply.of(550, "5.7.1", "work without a job name is not authorised to send as payroll@example.com"),
                "payroll@example.com is reserved for jobs PAY* (From header field)"), exit(true).decide(mail));
    }

    @Test
    void decideShouldContinueWhenTheMatchingJobPutsTheMailboxOnlyInFrom() {
        MailObject mail = job(IdentityFact.established("PAYROLL1")).from("batch1@example.com")
                .header("From", "payroll@example.com").build();

        assertEquals(new ExitDecision.Continue("no job-name rule covers <batch1@example.com> from job PAYROLL1"),
                exit(true).decide(mail));
    }

    @Test
    void decideShouldReplaceWhenAMatchingJobOfAReplaceRuleSendsAsAnotherAddress() {
        MailObject mail = job(IdentityFact.established("INV01")).from("BATCH1@NODE1").build();

        assertEquals(ExitDecision.replace(Mailbox.parse("inventory@example.com"),
                "job INV01 sends as inventory@example.com"), exit(true).decide(mail));
    }

    @Test
    void decideShouldReplaceWhenAMatchingJobOfAReplaceRuleUsesTheNullReversePath() {
        MailObject mail = job(IdentityFact.established("INV01")).nullSender().build();

        assertEquals(ExitDecision.replace(Mailbox.parse("inventory@example.com"),
                "job INV01 sends as inventory@example.com"), exit(true).decide(mail));
    }

    @Test
    void decideShouldContinueWhenNoRuleCoversTheSender() {
        MailObject mail = job(IdentityFact.established("PAYROLL1")).from("ops@example.com").build();

        assertEquals(new ExitDecision.Continue("no job-name rule covers <ops@example.com> from job PAYROLL1"),
                exit(true).decide(mail));
    }

    @Test
    void decideShouldContinueWhenThereIsNoJobNameAndTheSenderIsNotReserved() {
        MailObject mail = MailObjects.builder().from("ops@example.com").build();

        assertEquals(new ExitDecision.Continue("no job-name rule covers <ops@example.com> from work without a job name"),
                exit(true).decide(mail));
    }

    @Test
    void configShouldNameTheRuleWhenSendAsIsAPattern() {
        Map<String, Object> raw = Map.of("rules", List.of(Map.of("job", "PAY*", "send-as", "*@example.com")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(new JobNameSenderExit(), raw, Path.of(".")));

        assertEquals("config.rules: rules[0].send-as: '*@example.com' must be one mailbox, not a pattern (expected a"
                + " list of mappings with job, send-as and optional mode (verify | replace))", e.getMessage());
    }

    @Test
    void configShouldNameTheRuleWhenTheJobPatternHoldsABlank() {
        Map<String, Object> raw = Map.of("rules", List.of(Map.of("job", "PAY 1", "send-as", "payroll@example.com")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(new JobNameSenderExit(), raw, Path.of(".")));

        assertEquals("config.rules: rules[0].job: address pattern 'PAY 1' holds a blank (U+0020), which no address,"
                + " domain or name may hold (expected a list of mappings with job, send-as and optional mode"
                + " (verify | replace))", e.getMessage());
    }

    @Test
    void decideShouldRejectWhenAnotherJobHidesTheMailboxInAGroupInFrom() {
        MailObject mail = job(IdentityFact.established("INVENT01")).from("batch1@example.com")
                .header("From", "Team: payroll@example.com;").build();

        assertEquals(ExitDecision.reject(
                SmtpReply.of(550, "5.7.1", "job INVENT01 is not authorised to send as payroll@example.com"),
                "payroll@example.com is reserved for jobs PAY* (From header field)"), exit(true).decide(mail));
    }

    @Test
    void configShouldNameTheRuleWhenTheModeIsUnknown() {
        Map<String, Object> raw = Map.of("rules", List.of(
                Map.of("job", "PAY*", "send-as", "payroll@example.com", "mode", "rewrite")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(new JobNameSenderExit(), raw, Path.of(".")));

        assertEquals("config.rules: rules[0].mode: 'rewrite' is not one of verify, replace (expected a list of"
                + " mappings with job, send-as and optional mode (verify | replace))", e.getMessage());
    }

    private static MailObjects.Builder job(IdentityFact jobName) {
        return MailObjects.builder().identity(new Identity(IdentityFact.established("BATCH1"), Optional.of(jobName),
                Optional.empty(), Optional.empty(), IdentityFact.established("SYS1"), "test"));
    }

    private static JobNameSenderExit exit(boolean requireEstablished) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("rules", RULES);
        raw.put("require-established-job", String.valueOf(requireEstablished));
        JobNameSenderExit exit = new JobNameSenderExit();
        exit.init(FakeStageContext.of(exit, raw, Path.of(".")));
        return exit;
    }
}
