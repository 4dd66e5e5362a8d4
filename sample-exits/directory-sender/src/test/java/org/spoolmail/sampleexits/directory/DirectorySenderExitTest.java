package org.spoolmail.sampleexits.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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

class DirectorySenderExitTest {

    private static final List<Object> ENTRIES = List.of(
            Map.of("user", "BATCH1", "job", "PAY*", "send-as", List.of("payroll@example.com", "*@reports.example.com")),
            Map.of("user", "OPS", "send-as", List.of("ops@example.com")),
            Map.of("user", "REPORTS", "send-as", "*@reports.example.com"));

    private static final List<Object> NAMED = List.of(Map.of("user", "BATCH1", "send-as",
            List.of("*@reports.example.com", "payroll@example.com"), "display-name", "Payroll, West"));

    @Test
    void decideShouldContinueWhenReversePathAndFromAreAllowed() {
        MailObject mail = payrollJob().from("payroll@example.com")
                .header("From", "\"Payroll\" <payroll@example.com>").build();

        assertEquals(new ExitDecision.Continue("BATCH1 may send as payroll@example.com"), verify().decide(mail));
    }

    @Test
    void decideShouldContinueWhenAddressMatchesAWildcardPatternIgnoringCase() {
        MailObject mail = payrollJob().from("Daily.Totals@REPORTS.example.com").build();

        assertEquals(new ExitDecision.Continue("BATCH1 may send as Daily.Totals@REPORTS.example.com"),
                verify().decide(mail));
    }

    @Test
    void decideShouldContinueWhenJobNameIsOnlyClaimed() {
        MailObject mail = MailObjects.builder().identity(withJob("BATCH1", IdentityFact.claimed("PAYROLL1")))
                .from("payroll@example.com").build();

        assertEquals(new ExitDecision.Continue("BATCH1 may send as payroll@example.com"), verify().decide(mail));
    }

    @Test
    void decideShouldContinueWhenUserIdDiffersOnlyInCase() {
        MailObject mail = MailObjects.builder().identity(Identity.of("ops", "SYS1", "test"))
                .from("ops@example.com").build();

        assertEquals(new ExitDecision.Continue("ops may send as ops@example.com"), verify().decide(mail));
    }

    @Test
    void decideShouldRejectWhenReversePathIsNotAllowed() {
        MailObject mail = payrollJob().from("ceo@example.com").build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "BATCH1 is not authorised to send as ceo@example.com"),
                "BATCH1 is not authorised to send as ceo@example.com (reverse-path)"), verify().decide(mail));
    }

    @Test
    void decideShouldRejectWhenFromAddressIsNotAllowed() {
        MailObject mail = payrollJob().from("payroll@example.com")
                .header("From", "\"Payroll <payroll@example.com>\" <ceo@example.com>").build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "BATCH1 is not authorised to send as ceo@example.com"),
                "BATCH1 is not authorised to send as ceo@example.com (From header field)"), verify().decide(mail));
    }

    @Test
    void decideShouldRejectWhenASecondFromAuthorIsNotAllowed() {
        MailObject mail = payrollJob().from("payroll@example.com")
                .header("From", "payroll@example.com, Boss <ceo@example.com>").build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "BATCH1 is not authorised to send as ceo@example.com"),
                "BATCH1 is not authorised to send as ceo@example.com (From header field)"), verify().decide(mail));
    }

    @Test
    void decideShouldRejectAsMalformedWhenFromHoldsNoAddress() {
        MailObject mail = payrollJob().from("payroll@example.com").header("From", "plan advisor").build();

        assertEquals(malformed("From header field is malformed: 'plan advisor' holds no address"),
                verify().decide(mail));
    }

    @Test
    void decideShouldRejectAsMalformedWhenOneMailboxHoldsTwoAngleAddrs() {
        MailObject mail = payrollJob().from("payroll@example.com")
                .header("From", "<payroll@example.com> <ceo@example.com>").build();

        assertEquals(malformed("From header field is malformed: '<payroll@example.com> <ceo@example.com>' holds 2"
                + " angle-addrs in one mailbox"), verify().decide(mail));
        assertEquals(malformed("From header field is malformed: '<payroll@example.com> <ceo@example.com>' holds 2"
                + " angle-addrs in one mailbox"), replace().decide(mail));
    }

    @Test
    void decideShouldRejectAsMalformedWhenFromHasTextAfterItsAngleAddr() {
        MailObject mail = payrollJob().from("payroll@example.com")
                .header("From", "Payroll <payroll@example.com> ceo@example.com").build();

        assertEquals(malformed("From header field is malformed: 'Payroll <payroll@example.com> ceo@example.com' has"
                + " text after its angle-addr or no closing '>'"), verify().decide(mail));
    }

    @Test
    void decideShouldRejectWhenTheSenderFieldAddressIsNotAllowed() {
        MailObject mail = payrollJob().from("payroll@example.com").header("From", "payroll@example.com")
                .header("Sender", "Boss <ceo@example.com>").build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "BATCH1 is not authorised to send as ceo@example.com"),
                "BATCH1 is not authorised to send as ceo@example.com (Sender header field)"), verify().decide(mail));
    }

    @Test
    void decideShouldRejectInReplaceModeWhenReplyToIsNotAllowed() {
        MailObject mail = payrollJob().from("BATCH1@NODE1").header("From", "BATCH1@NODE1")
                .header("Reply-To", "evil@example.net").build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "BATCH1 is not authorised to send as evil@example.net"),
                "BATCH1 is not authorised to send as evil@example.net (Reply-To header field, which a replacement"
                        + " does not rewrite)"), replace().decide(mail));
    }

    @Test
    void decideShouldRejectAsMalformedWhenReplyToHasAnEmptyMailbox() {
        MailObject mail = payrollJob().from("payroll@example.com").header("Reply-To", "payroll@example.com,,").build();

        assertEquals(malformed("Reply-To header field is malformed: it holds an empty mailbox (two commas in a row,"
                + " or one at an end)"), verify().decide(mail));
    }

    private static ExitDecision malformed(String text) {
        return ExitDecision.reject(SmtpReply.of(550, "5.7.1", text), text);
    }

    @Test
    void decideShouldRejectWhenReversePathIsNull() {
        MailObject mail = payrollJob().nullSender().build();

        assertEquals(ExitDecision.reject(
                SmtpReply.of(550, "5.7.1", "BATCH1 is not authorised to send with the null reverse-path"),
                "BATCH1 may not send with the null reverse-path <>: batch jobs do not send bounces"),
                verify().decide(mail));
    }

    @Test
    void decideShouldRejectWhenUserIdIsNotEstablished() {
        Identity claimed = new Identity(IdentityFact.claimed("BATCH1"), Optional.of(IdentityFact.established("PAY1")),
                Optional.empty(), Optional.empty(), IdentityFact.established("SYS1"), "test");
        MailObject mail = MailObjects.builder().identity(claimed).from("payroll@example.com").build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "user ID not established"),
                "user ID not established"), verify().decide(mail));
    }

    @Test
    void decideShouldRejectWhenUserIsNotInTheDirectory() {
        MailObject mail = MailObjects.builder().identity(Identity.of("BATCH9", "SYS1", "test"))
                .from("payroll@example.com").build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "user ID BATCH9 is not in the sender directory"),
                "user ID BATCH9 is not in the sender directory"), verify().decide(mail));
    }

    @Test
    void decideShouldRejectWhenJobNameDoesNotMatchThePattern() {
        MailObject mail = MailObjects.builder().identity(withJob("BATCH1", IdentityFact.established("INVENT01")))
                .from("payroll@example.com").build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "BATCH1 is not authorised to send from job INVENT01"),
                "user ID BATCH1 has no sender directory entry for job INVENT01"), verify().decide(mail));
    }

    @Test
    void decideShouldRejectWhenEntryNeedsAJobNameAndThereIsNone() {
        MailObject mail = MailObjects.builder().identity(Identity.of("BATCH1", "SYS1", "test"))
                .from("payroll@example.com").build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "BATCH1 is not authorised to send without a job name"),
                "user ID BATCH1 has sender directory entries for named jobs only"), verify().decide(mail));
    }

    @Test
    void decideShouldReplaceWithFirstPlainAddressWhenSenderIsNotAllowedInReplaceMode() {
        MailObject mail = payrollJob().from("BATCH1@NODE1").header("From", "Payroll <BATCH1@NODE1>").build();

        assertEquals(ExitDecision.replace(Mailbox.parse("payroll@example.com"), "BATCH1 sends as payroll@example.com"),
                replace().decide(mail));
    }

    @Test
    void decideShouldReplaceWhenFromIsNotAllowedAlthoughReversePathIsInReplaceMode() {
        MailObject mail = payrollJob().from("payroll@example.com").header("From", "ceo@example.com").build();

        assertEquals(ExitDecision.replace(Mailbox.parse("payroll@example.com"), "BATCH1 sends as payroll@example.com"),
                replace().decide(mail));
    }

    @Test
    void decideShouldReplaceTheNullReversePathInReplaceMode() {
        MailObject mail = payrollJob().nullSender().build();

        assertEquals(ExitDecision.replace(Mailbox.parse("payroll@example.com"), "BATCH1 sends as payroll@example.com"),
                replace().decide(mail));
    }

    @Test
    void decideShouldReplaceTheDisplayNameWithTheRowsOwnWhenDisplayNameIsReplace() {
        MailObject mail = payrollJob().from("BATCH1@NODE1").header("From", "\"CEO\" <BATCH1@NODE1>").build();

        assertEquals(ExitDecision.replaceWithDisplayName(Mailbox.parse("payroll@example.com"), "Payroll, West",
                "BATCH1 sends as payroll@example.com with display name 'Payroll, West'"),
                exit(Map.of("mode", "replace", "display-name", "replace", "entries", NAMED)).decide(mail));
    }

    @Test
    void decideShouldDropTheDisplayNameWhenDisplayNameIsDrop() {
        MailObject mail = payrollJob().from("BATCH1@NODE1").header("From", "\"CEO\" <BATCH1@NODE1>").build();

        assertEquals(ExitDecision.replaceWithDisplayName(Mailbox.parse("payroll@example.com"), "",
                "BATCH1 sends as payroll@example.com without a display name"),
                exit(Map.of("mode", "replace", "display-name", "drop", "entries", NAMED)).decide(mail));
    }

    @Test
    void decideShouldKeepTheDisplayNameWhenDisplayNameIsKeepAlthoughTheRowHasOne() {
        MailObject mail = payrollJob().from("BATCH1@NODE1").build();

        assertEquals(ExitDecision.replace(Mailbox.parse("payroll@example.com"), "BATCH1 sends as payroll@example.com"),
                exit(Map.of("mode", "replace", "entries", NAMED)).decide(mail));
    }

    @Test
    void decideShouldContinueWhenSenderAlreadyMatchesInReplaceMode() {
        MailObject mail = payrollJob().from("weekly@reports.example.com").build();

        assertEquals(new ExitDecision.Continue("BATCH1 may send as weekly@reports.example.com"), replace().decide(mail));
    }

    @Test
    void decideShouldRejectWhenUserIsNotInTheDirectoryInReplaceMode() {
        MailObject mail = MailObjects.builder().identity(Identity.of("BATCH9", "SYS1", "test")).build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "user ID BATCH9 is not in the sender directory"),
                "user ID BATCH9 is not in the sender directory"), replace().decide(mail));
    }

    @Test
    void decideShouldRejectWhenNoSendAsAddressIsPlainInReplaceMode() {
        MailObject mail = MailObjects.builder().identity(Identity.of("REPORTS", "SYS1", "test"))
                .from("reports@NODE1").build();

        assertEquals(ExitDecision.reject(SmtpReply.of(550, "5.7.1", "REPORTS is not authorised to send as <reports@NODE1>"),
                "user ID REPORTS has no send-as address without wildcards in the sender directory"),
                replace().decide(mail));
    }

    private static MailObjects.Builder payrollJob() {
        return MailObjects.builder().identity(withJob("BATCH1", IdentityFact.established("PAYROLL1")));
    }

    private static Identity withJob(String user, IdentityFact job) {
        return new Identity(IdentityFact.established(user), Optional.of(job), Optional.of(IdentityFact.established(
                "JOB01234")), Optional.empty(), IdentityFact.established("SYS1"), "test");
    }

    private static DirectorySenderExit verify() {
        return exit(Map.of("entries", ENTRIES));
    }

    private static DirectorySenderExit replace() {
        return exit(Map.of("mode", "replace", "entries", ENTRIES));
    }

    private static DirectorySenderExit exit(Map<String, Object> config) {
        DirectorySenderExit exit = new DirectorySenderExit();
        exit.init(FakeStageContext.of(exit, config, Path.of(".")));
        return exit;
    }
}
