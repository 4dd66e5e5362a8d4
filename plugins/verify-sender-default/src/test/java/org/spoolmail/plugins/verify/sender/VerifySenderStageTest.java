package org.spoolmail.plugins.verify.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitFailureException;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.ReversePath;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

class VerifySenderStageTest {

    private static final SmtpReply REJECT_REPLY = SmtpReply.of(550, "5.7.1", "BATCH1 is not authorised");
    private static final SmtpReply DEFER_REPLY = SmtpReply.of(451, "4.3.0", "directory unavailable");
    private static final Mailbox PAYROLL = Mailbox.parse("payroll@example.com");

    private final MailObject mail = MailObjects.builder().from("old@x.org")
            .header("From", "\"Payroll\" <old@x.org>").header("Subject", "totals").build();

    @Test
    void processShouldGoOnUnchangedWithTraceEntryWhenNoRoutinesConfigured() throws StageException {
        StageOutcome outcome = stage().process(mail);

        StageOutcome.Next next = assertInstanceOf(StageOutcome.Next.class, outcome);
        assertEquals(mail.envelope(), next.mail().envelope());
        assertEquals(mail.content(), next.mail().content());
        assertEquals(List.of(new TraceEntry("verify-sender", Optional.empty(), "CONTINUE",
                "no exit routines configured", Duration.ZERO)), next.mail().trace());
    }

    @Test
    void processShouldRunEveryRoutineInOrderWhenAllContinue() throws StageException {
        FakeRoutine first = FakeRoutine.always("first", new ExitDecision.Continue("looks fine"));
        FakeRoutine second = FakeRoutine.always("second", ExitDecision.proceed());

        StageOutcome outcome = stage(first, second).process(mail);

        StageOutcome.Next next = assertInstanceOf(StageOutcome.Next.class, outcome);
        assertEquals(List.of(trace("first", "CONTINUE", "looks fine"), trace("second", "CONTINUE", "")),
                next.mail().trace());
        assertEquals(List.of(mail), first.seen());
        assertEquals(List.of(mail.withTrace(trace("first", "CONTINUE", "looks fine"))), second.seen());
        assertEquals(mail.content(), next.mail().content());
    }

    @Test
    void processShouldSkipLaterRoutinesWhenOneAccepts() throws StageException {
        FakeRoutine first = FakeRoutine.always("allow-ops", ExitDecision.accept("OPS may send as anyone"));
        FakeRoutine second = FakeRoutine.always("never-run", ExitDecision.reject(REJECT_REPLY, "no"));

        StageOutcome outcome = stage(first, second).process(mail);

        StageOutcome.Next next = assertInstanceOf(StageOutcome.Next.class, outcome);
        assertEquals(List.of(trace("allow-ops", "ACCEPT", "OPS may send as anyone")), next.mail().trace());
        assertTrue(second.seen().isEmpty());
    }

    @Test
    void processShouldStopRejectedWithTheRoutinesReplyWhenRoutineRejects() throws StageException {
        FakeRoutine first = FakeRoutine.always("directory-sender",
                ExitDecision.reject(REJECT_REPLY, "BATCH1 is not authorised to send as old@x.org"));
        FakeRoutine second = FakeRoutine.always("never-run", ExitDecision.proceed());

        StageOutcome outcome = stage(first, second).process(mail);

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class, outcome);
        assertEquals(Disposition.rejected("BATCH1 is not authorised to send as old@x.org", REJECT_REPLY),
                stop.disposition());
        assertEquals(List.of(trace("directory-sender", "REJECT", "BATCH1 is not authorised to send as old@x.org")),
                stop.mail().trace());
        assertTrue(second.seen().isEmpty());
    }

    @Test
    void processShouldStopDeferredWithTheRoutinesReplyWhenRoutineDefers() throws StageException {
        FakeRoutine first = FakeRoutine.always("first", ExitDecision.proceed());
        FakeRoutine second = FakeRoutine.always("ldap", ExitDecision.defer(DEFER_REPLY, "LDAP timed out"));

        StageOutcome outcome = stage(first, second).process(mail);

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class, outcome);
        assertEquals(Disposition.deferred("LDAP timed out", DEFER_REPLY), stop.disposition());
        assertEquals(List.of(trace("first", "CONTINUE", ""), trace("ldap", "DEFER", "LDAP timed out")),
                stop.mail().trace());
    }

    @Test
    void processShouldRewriteReversePathAndFromKeepingDisplayNameWhenRoutineReplaces() throws StageException {
        FakeRoutine replacer = FakeRoutine.always("directory-sender",
                ExitDecision.replace(PAYROLL, "BATCH1 sends as payroll@example.com"));

        StageOutcome outcome = stage(replacer).process(mail);

        MailObject result = assertInstanceOf(StageOutcome.Next.class, outcome).mail();
        assertEquals("<payroll@example.com>", result.envelope().reversePath().toString());
        assertEquals(List.of(new HeaderField("From", "\"Payroll\" <payroll@example.com>"),
                new HeaderField("Subject", "totals")), result.content().headers().fields());
        assertEquals(List.of(trace("directory-sender", "REPLACE", "BATCH1 sends as payroll@example.com")),
                result.trace());
    }

    @Test
    void processShouldShowTheReplacedSenderToLaterRoutinesWhenRoutineReplaces() throws StageException {
        FakeRoutine replacer = FakeRoutine.always("replacer", ExitDecision.replace(PAYROLL, "sends as payroll"));
        FakeRoutine checker = FakeRoutine.deciding("checker", seen -> seen.envelope().reversePath()
                .equals(ReversePath.of(PAYROLL)) ? ExitDecision.proceed()
                : ExitDecision.reject(REJECT_REPLY, "saw " + seen.envelope().reversePath()));

        StageOutcome outcome = stage(replacer, checker).process(mail);

        MailObject result = assertInstanceOf(StageOutcome.Next.class, outcome).mail();
        assertEquals(List.of(trace("replacer", "REPLACE", "sends as payroll"), trace("checker", "CONTINUE", "")),
                result.trace());
        assertEquals(Optional.of("\"Payroll\" <payroll@example.com>"),
                checker.seen().get(0).content().headers().first("From"));
    }

    @Test
    void processShouldAddFromFieldWhenReplacingMailWithoutOne() throws StageException {
        MailObject noFrom = MailObjects.builder().from("old@x.org").header("Subject", "totals").build();
        FakeRoutine replacer = FakeRoutine.always("replacer", ExitDecision.replace(PAYROLL, "sends as payroll"));

        MailObject result = assertInstanceOf(StageOutcome.Next.class, stage(replacer).process(noFrom)).mail();

        assertEquals(List.of(new HeaderField("Subject", "totals"), new HeaderField("From", "payroll@example.com")),
                result.content().headers().fields());
    }

    @Test
    void processShouldChangeOnlyTheReversePathWhenReplaceGivesNoFrom() throws StageException {
        ExitDecision onlyPath = new ExitDecision.Replace(Optional.of(ReversePath.of(PAYROLL)), Optional.empty(),
                "bounces go to payroll");

        MailObject result = assertInstanceOf(StageOutcome.Next.class,
                stage("off", FakeRoutine.always("path", onlyPath)).process(mail)).mail();

        assertEquals(ReversePath.of(PAYROLL), result.envelope().reversePath());
        assertEquals(mail.content(), result.content());
    }

    @Test
    void processShouldChangeOnlyTheFromFieldWhenReplaceGivesNoReversePath() throws StageException {
        ExitDecision onlyFrom = new ExitDecision.Replace(Optional.empty(), Optional.of(PAYROLL), "author is payroll");

        MailObject result = assertInstanceOf(StageOutcome.Next.class,
                stage(FakeRoutine.always("from", onlyFrom)).process(mail)).mail();

        assertEquals(mail.envelope(), result.envelope());
        assertEquals(Optional.of("\"Payroll\" <payroll@example.com>"), result.content().headers().first("From"));
    }

    @Test
    void processShouldWriteTheRoutinesDisplayNameQuotedWhenReplaceNamesOne() throws StageException {
        FakeRoutine replacer = FakeRoutine.always("dir", ExitDecision.replaceWithDisplayName(PAYROLL,
                "Payroll, West \"Ops\"", "directory name"));

        MailObject result = assertInstanceOf(StageOutcome.Next.class, stage(replacer).process(mail)).mail();

        assertEquals(Optional.of("\"Payroll, West \\\"Ops\\\"\" <payroll@example.com>"),
                result.content().headers().first("From"));
        assertEquals(ReversePath.of(PAYROLL), result.envelope().reversePath());
    }

    @Test
    void processShouldWriteAnAtomDisplayNameUnquotedWhenReplaceNamesOne() throws StageException {
        FakeRoutine replacer = FakeRoutine.always("dir", ExitDecision.replaceWithDisplayName(PAYROLL,
                "Payroll Office", "directory name"));

        MailObject result = assertInstanceOf(StageOutcome.Next.class, stage(replacer).process(mail)).mail();

        assertEquals(Optional.of("Payroll Office <payroll@example.com>"), result.content().headers().first("From"));
    }

    @Test
    void processShouldWriteTheBareAddressWhenReplaceDropsTheDisplayName() throws StageException {
        FakeRoutine replacer = FakeRoutine.always("dir", ExitDecision.replaceWithDisplayName(PAYROLL, "",
                "no display name"));

        MailObject result = assertInstanceOf(StageOutcome.Next.class, stage(replacer).process(mail)).mail();

        assertEquals(Optional.of("payroll@example.com"), result.content().headers().first("From"));
    }

    @Test
    void processShouldPassTheFailureOnWhenRoutineFails() {
        FakeRoutine later = FakeRoutine.always("later", ExitDecision.proceed());

        ExitFailureException e = assertThrows(ExitFailureException.class,
                () -> stage(FakeRoutine.failing("slow"), later).process(mail));

        assertEquals("slow", e.routine());
        assertEquals("exit routine slow exceeded its time limit of 5s", e.getMessage());
        assertTrue(later.seen().isEmpty());
    }

    @Test
    void processShouldKeepTheSameIdentityAndIdWhenRoutinesDecide() throws StageException {
        MailObject result = assertInstanceOf(StageOutcome.Next.class,
                stage(FakeRoutine.always("r", ExitDecision.replace(PAYROLL, "x"))).process(mail)).mail();

        assertSame(mail.identity(), result.identity());
        assertEquals(mail.id(), result.id());
    }

    @Test
    void configSchemaShouldOfferFromAlignmentDefaultingToAddSenderWhenAsked() {
        assertEquals(List.of("from-alignment"), new VerifySenderStage().configSchema().stream()
                .map(k -> k.name()).toList());
        assertEquals(Optional.of("add-sender"), VerifySenderStage.FROM_ALIGNMENT.defaultValue());
    }

    @Test
    void processShouldHoldAsRoutineFailureWhenARoutineDropsRecipients() {
        FakeRoutine dropper = FakeRoutine.always("dropper", ExitDecision.dropRecipients(
                List.of(ForwardPath.parse("recipient@example.org")), "not here"));

        ExitFailureException e = assertThrows(ExitFailureException.class, () -> stage(dropper).process(mail));

        assertEquals("exit routine dropper returned a REPLACE that drops recipients, which the verify-sender exit"
                + " point does not take", e.getMessage());
    }

    private static TraceEntry trace(String routine, String decision, String reason) {
        return new TraceEntry("verify-sender", Optional.of(routine), decision, reason, Duration.ZERO);
    }

    private static VerifySenderStage stage(ExitRoutine... routines) {
        return stage("add-sender", routines);
    }

    static VerifySenderStage stage(String fromAlignment, ExitRoutine... routines) {
        VerifySenderStage stage = new VerifySenderStage();
        stage.init(FakeStageContext.of(stage, Map.of("from-alignment", fromAlignment), Path.of("."))
                .withExitRoutines(List.of(routines)));
        return stage;
    }
}
