package org.spoolmail.exits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spoolmail.exits.config.StageConfig;
import org.spoolmail.exits.fake.FakeExitRoutine;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.ReversePath;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

class ExitPointRunnerTest {

    private static final SmtpReply NO = SmtpReply.of(550, "5.7.1", "not allowed");
    private static final SmtpReply LATER = SmtpReply.of(451, "4.7.1", "try later");
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private final MailObject mail = MailObjects.builder().from("batch@example.com").to("ops@example.com")
            .header("Subject", "totals").build();

    @Test
    void runShouldTraceOneContinueWhenNoRoutinesConfigured() throws StageException {
        ExitPointRunner runner = runner(List.of(), ExitPointRunner.ChangeHook.none());

        StageOutcome outcome = runner.run(mail);

        assertFalse(runner.hasRoutines());
        assertEquals(List.of(new TraceEntry("policy", Optional.empty(), "CONTINUE", "no exit routines configured",
                Duration.ZERO)), next(outcome).trace());
    }

    @Test
    void runShouldTimeEachRoutineWithTheContextClockWhenAllContinue() throws StageException {
        ExitPointRunner runner = runner(List.of(FakeExitRoutine.always("a", ExitDecision.proceed()),
                FakeExitRoutine.always("b", ExitDecision.proceed())), ExitPointRunner.ChangeHook.none(),
                steppingClock(T0, T0.plusMillis(7), T0.plusMillis(10), T0.plusMillis(13)));

        MailObject result = next(runner.run(mail));

        assertTrue(runner.hasRoutines());
        assertEquals(List.of(trace("a", "CONTINUE", "", Duration.ofMillis(7)),
                trace("b", "CONTINUE", "", Duration.ofMillis(3))), result.trace());
    }

    @Test
    void runShouldClampElapsedToZeroWhenTheClockGoesBack() throws StageException {
        ExitPointRunner runner = runner(List.of(FakeExitRoutine.always("a", ExitDecision.proceed())),
                ExitPointRunner.ChangeHook.none(), steppingClock(T0, T0.minusSeconds(1)));

        assertEquals(List.of(trace("a", "CONTINUE", "", Duration.ZERO)), next(runner.run(mail)).trace());
    }

    @Test
    void runShouldSkipLaterRoutinesWhenOneAccepts() throws StageException {
        FakeExitRoutine later = FakeExitRoutine.always("later", ExitDecision.reject(NO, "no"));

        MailObject result = next(runner(List.of(FakeExitRoutine.always("ops", ExitDecision.accept("ops job")),
                later), ExitPointRunner.ChangeHook.none()).run(mail));

        assertEquals(List.of(trace("ops", "ACCEPT", "ops job", Duration.ZERO)), result.trace());
        assertEquals(List.of(), later.seen());
    }

    @Test
    void runShouldRejectWithTheRoutinesReasonAndReplyWhenOneRejects() throws StageException {
        StageOutcome.Stop stop = stop(runner(List.of(FakeExitRoutine.always("acl", ExitDecision.reject(NO,
                "not on the list"))), ExitPointRunner.ChangeHook.none()).run(mail));

        assertEquals(Disposition.rejected("not on the list", NO), stop.disposition());
        assertEquals(List.of(trace("acl", "REJECT", "not on the list", Duration.ZERO)), stop.mail().trace());
    }

    @Test
    void runShouldDeferNamingTheRoutineWhenOneDefersWithoutReason() throws StageException {
        StageOutcome.Stop stop = stop(runner(List.of(FakeExitRoutine.always("ldap", ExitDecision.defer(LATER,
                ""))), ExitPointRunner.ChangeHook.none()).run(mail));

        assertEquals(Disposition.deferred("widget refused by exit routine ldap", LATER), stop.disposition());
    }

    @Test
    void runShouldShowLaterRoutinesTheChangedMailAndTraceTheSuffixWhenTheHookChangesIt() throws StageException {
        ReversePath other = ReversePath.of(Mailbox.parse("other@example.com"));
        FakeExitRoutine later = FakeExitRoutine.always("later", ExitDecision.proceed());
        ExitPointRunner.ChangeHook hook = (routine, decision, seen) -> ExitChange.changed(
                seen.withEnvelope(seen.envelope().withReversePath(other)), " (" + routine + " changed it)");

        MailObject result = next(runner(List.of(FakeExitRoutine.always("swap", ExitDecision.replace(
                Mailbox.parse("other@example.com"), "swapped")), later), hook).run(mail));

        assertEquals(other, later.seen().get(0).envelope().reversePath());
        assertEquals(other, result.envelope().reversePath());
        assertEquals(List.of(trace("swap", "REPLACE", "swapped (swap changed it)", Duration.ZERO),
                trace("later", "CONTINUE", "", Duration.ZERO)), result.trace());
    }

    @Test
    void runShouldStopTheUnchangedMailWithTheHooksDispositionWhenTheHookStops() throws StageException {
        Disposition none = Disposition.rejected("nobody left", NO);
        ExitPointRunner.ChangeHook hook = (routine, decision, seen) -> ExitChange.stopped(none, " (all)");

        StageOutcome.Stop stop = stop(runner(List.of(FakeExitRoutine.always("drop", ExitDecision.dropRecipients(
                List.of(ForwardPath.parse("ops@example.com")), "gone"))), hook).run(mail));

        assertEquals(none, stop.disposition());
        assertEquals(mail.envelope(), stop.mail().envelope());
        assertEquals(List.of(trace("drop", "REPLACE", "gone (all)", Duration.ZERO)), stop.mail().trace());
    }

    @Test
    void runShouldThrowNamingTheDecisionWhenTheExitPointDoesNotTakeIt() {
        ExitPointRunner runner = runner(List.of(FakeExitRoutine.always("wrong", ExitDecision.replace(
                Mailbox.parse("x@example.com"), "mine"))), ExitPointRunner.ChangeHook.none());

        ExitFailureException e = assertThrows(ExitFailureException.class, () -> runner.run(mail));

        assertEquals("exit routine wrong returned REPLACE, which the policy exit point does not take",
                e.getMessage());
        assertEquals("wrong", e.routine());
    }

    @Test
    void runShouldPassTheRoutinesFailureOnUnchangedWhenARoutineFails() {
        ExitPointRunner runner = runner(List.of(FakeExitRoutine.failing("slow")), ExitPointRunner.ChangeHook.none());

        ExitFailureException e = assertThrows(ExitFailureException.class, () -> runner.run(mail));

        assertEquals("exit routine slow exceeded its time limit of 5s", e.getMessage());
    }

    private static TraceEntry trace(String routine, String decision, String reason, Duration elapsed) {
        return new TraceEntry("policy", Optional.of(routine), decision, reason, elapsed);
    }

    private static MailObject next(StageOutcome outcome) {
        return assertInstanceOf(StageOutcome.Next.class, outcome).mail();
    }

    private static StageOutcome.Stop stop(StageOutcome outcome) {
        return assertInstanceOf(StageOutcome.Stop.class, outcome);
    }

    private static ExitPointRunner runner(List<ExitRoutine> routines, ExitPointRunner.ChangeHook hook) {
        return runner(routines, hook, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static ExitPointRunner runner(List<ExitRoutine> routines, ExitPointRunner.ChangeHook hook, Clock clock) {
        return ExitPointRunner.of(new Context(routines, clock), "widget", hook);
    }

    private static Clock steppingClock(Instant... instants) {
        Deque<Instant> left = new ArrayDeque<>(List.of(instants));
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return left.pop();
            }
        };
    }

    private record Context(List<ExitRoutine> exitRoutines, Clock clock) implements StageContext {
        @Override
        public String name() {
            return "policy";
        }

        @Override
        public StageConfig config() {
            return StageConfig.EMPTY;
        }

        @Override
        public Logger logger() {
            return LoggerFactory.getLogger("spoolmail.stage.policy");
        }

        @Override
        public Path resolve(String configured) {
            return Path.of(configured);
        }
    }
}
