package org.spoolmail.plugins.content.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitFailureException;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.FakeExitRoutine;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

class ContentPolicyStageTest {

    private static final SmtpReply TOO_BIG = SmtpReply.of(552, "5.3.4", "message size exceeds 10MiB");

    private final MailObject mail = MailObjects.builder().from("batch@example.com")
            .header("Subject", "totals").build();

    @Test
    void processShouldGoOnUnchangedWithTraceEntryWhenNoRoutinesConfigured() throws StageException {
        MailObject result = next(stage().process(mail));

        assertEquals(List.of(new TraceEntry("content-policy", Optional.empty(), "CONTINUE",
                "no exit routines configured", Duration.ZERO)), result.trace());
    }

    @Test
    void processShouldRunEveryRoutineAndTimeEachWhenAllContinue() throws StageException {
        AtomicInteger tick = new AtomicInteger();
        Clock stepping = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.parse("2026-11-30T09:00:00Z").plusMillis(7L * tick.getAndIncrement());
            }
        };
        ContentPolicyStage stage = new ContentPolicyStage();
        stage.init(FakeStageContext.of(stage, Map.of(), Path.of(".")).withClock(stepping).withExitRoutines(List.of(
                FakeExitRoutine.always("size-limit", new ExitDecision.Continue("2 KiB of 10 MiB")),
                FakeExitRoutine.always("attachment-policy", ExitDecision.proceed()))));

        MailObject result = next(stage.process(mail));

        assertEquals(List.of(new TraceEntry("content-policy", Optional.of("size-limit"), "CONTINUE",
                "2 KiB of 10 MiB", Duration.ofMillis(7)), new TraceEntry("content-policy",
                Optional.of("attachment-policy"), "CONTINUE", "", Duration.ofMillis(7))), result.trace());
        assertEquals(mail.content(), result.content());
    }

    @Test
    void processShouldSkipLaterRoutinesWhenOneAccepts() throws StageException {
        FakeExitRoutine later = FakeExitRoutine.always("later", ExitDecision.reject(TOO_BIG, "too big"));

        MailObject result = next(stage(FakeExitRoutine.always("trusted", ExitDecision.accept("archive job")), later)
                .process(mail));

        assertEquals("ACCEPT", result.trace().get(0).decision());
        assertEquals(1, result.trace().size());
        assertEquals(List.of(), later.seen());
    }

    @Test
    void processShouldStopRejectedWithTheRoutinesReplyWhenOneRejects() throws StageException {
        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class, stage(FakeExitRoutine.always(
                "size-limit", ExitDecision.reject(TOO_BIG, "11534336 octets, limit 10485760"))).process(mail));

        assertEquals(Disposition.rejected("11534336 octets, limit 10485760", TOO_BIG), stop.disposition());
        assertEquals("REJECT", stop.mail().trace().get(0).decision());
    }

    @Test
    void processShouldStopDeferredWithADefaultReasonWhenOneDefersWithoutReason() throws StageException {
        SmtpReply later = SmtpReply.of(452, "4.3.1", "spool full");

        StageOutcome.Stop stop = assertInstanceOf(StageOutcome.Stop.class, stage(FakeExitRoutine.always("quota",
                ExitDecision.defer(later, ""))).process(mail));

        assertEquals(Disposition.deferred("content refused by exit routine quota", later), stop.disposition());
    }

    @Test
    void processShouldHoldAsRoutineFailureWhenARoutineReplacesTheSenderOrDropsRecipients() {
        for (ExitDecision wrong : List.of(ExitDecision.replace(Mailbox.parse("x@example.com"), "x"),
                ExitDecision.dropRecipients(List.of(ForwardPath.parse("recipient@example.org")), "y"))) {
            ExitFailureException e = assertThrows(ExitFailureException.class,
                    () -> stage(FakeExitRoutine.always("wrong", wrong)).process(mail));

            assertEquals("exit routine wrong returned REPLACE, which the content-policy exit point does not take",
                    e.getMessage());
        }
    }

    @Test
    void processShouldPassTheFailureOnWhenARoutineFails() {
        ExitFailureException e = assertThrows(ExitFailureException.class,
                () -> stage(FakeExitRoutine.failing("slow")).process(mail));

        assertEquals("exit routine slow exceeded its time limit of 5s", e.getMessage());
    }

    private static MailObject next(StageOutcome outcome) {
        return assertInstanceOf(StageOutcome.Next.class, outcome).mail();
    }

    private static ContentPolicyStage stage(ExitRoutine... routines) {
        ContentPolicyStage stage = new ContentPolicyStage();
        stage.init(FakeStageContext.of(stage, Map.of(), Path.of(".")).withExitRoutines(List.of(routines)));
        return stage;
    }
}
