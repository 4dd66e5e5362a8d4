package org.spoolmail.exits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * The loop of a stage that drives an exit point, with the semantics of JES2 installation exits: the configured
 * routines ({@link StageContext#exitRoutines()}) are called in order; CONTINUE (RC 0) goes on to the next; ACCEPT
 * (RC 4) skips the rest; a change (REPLACE, RC 8) is what the exit point's {@link ChangeHook} makes of it; REJECT
 * (RC 12) and DEFER (RC 16) stop the mail object with a rejected or deferred {@link Disposition} carrying the
 * routine's reply and reason, or {@code <subject> refused by exit routine <routine>} when the reason is blank.
 *
 * <p>Every decision is appended to the trace as {@code TraceEntry(stage, routine, decision name, reason + suffix,
 * elapsed)}, the elapsed time read from the context's clock (never negative); with no routines configured the
 * trace gets one CONTINUE entry {@code no exit routines configured}. A routine that fails (an
 * {@link ExitFailureException} from the kernel's {@link ExitRoutine} handle) is passed on unchanged so that the
 * kernel holds the item. Use it from {@link MailStage#init} and {@link MailStage#process}:
 *
 * <pre>{@code
 * runner = ExitPointRunner.of(context, "content", ExitPointRunner.ChangeHook.none());
 * ...
 * return runner.run(mail);
 * }</pre>
 *
 * Thread-safe when the hook is; it holds no state between calls.
 *
 * @since 1.0.0
 */
public final class ExitPointRunner {

    private final List<ExitRoutine> routines;
    private final String stageName;
    private final Clock clock;
    private final Logger logger;
    private final String subject;
    private final ChangeHook hook;

    private ExitPointRunner(StageContext context, String subject, ChangeHook hook) {
        this.routines = List.copyOf(context.exitRoutines());
        this.stageName = Objects.requireNonNull(context.name(), "context.name()");
        this.clock = Objects.requireNonNull(context.clock(), "context.clock()");
        this.logger = Objects.requireNonNull(context.logger(), "context.logger()");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    /**
     * Makes the runner of an exit point.
     *
     * @param context the exit point's stage context: its name, routines, clock and logger are read once
     * @param subject what the exit point judges, for the default refusal reason and the log, e.g. {@code sender}
     * @param hook what the exit point makes of a change decision; {@link ChangeHook#none()} to take none
     * @return the runner
     * @throws NullPointerException if an argument, or the context's name, clock, logger or routines, is null
     */
    public static ExitPointRunner of(StageContext context, String subject, ChangeHook hook) {
        return new ExitPointRunner(context, subject, hook);
    }

    /** @return whether any exit routine is configured */
    public boolean hasRoutines() {
        return !routines.isEmpty();
    }

    /**
     * Runs the routines on a mail object.
     *
     * @param mail the mail object
     * @return next with the traced (and possibly changed) mail object, or stop with its disposition
     * @throws ExitFailureException if a routine failed, or returned a change the hook does not take
     * @throws StageException if the hook failed
     */
    public StageOutcome run(MailObject mail) throws StageException {
        if (routines.isEmpty()) {
            return StageOutcome.next(mail.withTrace(new TraceEntry(stageName, Optional.empty(), "CONTINUE",
                    "no exit routines configured", Duration.ZERO)));
        }
        MailObject current = mail;
        for (ExitRoutine routine : routines) {
            Instant start = clock.instant();
            ExitDecision decision = routine.decide(current);
            Duration elapsed = elapsedSince(start);
            ExitChange change = isChange(decision) ? hook.apply(routine.name(), decision, current) : null;
            if (change instanceof ExitChange.NotTaken notTaken) {
                throw new ExitFailureException(routine.name(), "returned " + notTaken.what() + ", which the "
                        + stageName + " exit point does not take", null);
            }
            MailObject base = change instanceof ExitChange.Changed changed ? changed.mail() : current;
            current = base.withTrace(new TraceEntry(stageName, Optional.of(routine.name()), decision.name(),
                    decision.reason() + suffix(change), elapsed));
            logger.debug("exit routine {} decided {}: {}", routine.name(), decision.name(), decision.reason());
            if (change instanceof ExitChange.Stopped stopped) {
                return stop(current, routine.name(), stopped.disposition());
            } else if (decision instanceof ExitDecision.Accept) {
                break;
            } else if (decision instanceof ExitDecision.Reject reject) {
                return stop(current, routine.name(), refusal(reject.reason(), routine, reject.reply(), true));
            } else if (decision instanceof ExitDecision.Defer defer) {
                return stop(current, routine.name(), refusal(defer.reason(), routine, defer.reply(), false));
            }
        }
        return StageOutcome.next(current);
    }

    private static boolean isChange(ExitDecision decision) {
        return decision instanceof ExitDecision.Replace || decision instanceof ExitDecision.DropRecipients;
    }

    private static String suffix(ExitChange change) {
        if (change instanceof ExitChange.Changed changed) {
            return changed.traceSuffix();
        }
        return change instanceof ExitChange.Stopped stopped ? stopped.traceSuffix() : "";
    }

    private Disposition refusal(String reason, ExitRoutine routine, SmtpReply reply, boolean permanent) {
        String why = reason.isBlank() ? subject + " refused by exit routine " + routine.name() : reason;
        return permanent ? Disposition.rejected(why, reply) : Disposition.deferred(why, reply);
    }

    private StageOutcome stop(MailObject mail, String routine, Disposition disposition) {
        logger.info("exit routine {} {} the {}: {}", routine, disposition.kind().name().toLowerCase(Locale.ROOT),
                subject, disposition.reason());
        return StageOutcome.stop(mail, disposition);
    }

    private Duration elapsedSince(Instant start) {
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    /**
     * What an exit point makes of a change decision (REPLACE, return code 8) of one of its routines.
     *
     * @since 1.0.0
     */
    @FunctionalInterface
    public interface ChangeHook {

        /**
         * Answers a change decision.
         *
         * @param routine the routine's name
         * @param decision the decision: an {@link ExitDecision.Replace} or an {@link ExitDecision.DropRecipients}
         * @param mail the mail object as the routine saw it, without the routine's trace entry
         * @return the change, stop or refusal; never null
         * @throws StageException if the change cannot be applied
         */
        ExitChange apply(String routine, ExitDecision decision, MailObject mail) throws StageException;

        /**
         * The hook of an exit point that takes no change: every REPLACE is refused as {@code REPLACE}.
         *
         * @return the hook
         */
        static ChangeHook none() {
            return (routine, decision, mail) -> ExitChange.notTaken(decision.name());
        }
    }
}
