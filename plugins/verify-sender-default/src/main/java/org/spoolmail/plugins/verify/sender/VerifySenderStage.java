package org.spoolmail.plugins.verify.sender;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * Drives the {@code verify-sender} exit point: calls the configured exit routines in order, with the semantics of
 * JES2 installation exits. CONTINUE (RC 0) goes on to the next routine; ACCEPT (RC 4) skips the rest; REPLACE
 * (RC 8) puts the new reverse-path on the envelope and the new address into the From header field (display name
 * kept), and later routines see the new mail object; REJECT (RC 12) and DEFER (RC 16) stop the mail object with a
 * rejected or deferred disposition carrying the routine's reply. Every decision is appended to the trace.
 *
 * <p>A routine that throws or overruns its time limit surfaces here as an
 * {@link org.spoolmail.exits.ExitFailureException} from the kernel's {@link ExitRoutine} handle; it is passed on
 * unchanged so that the kernel holds the item. The stage takes no configuration:
 *
 * <pre>{@code
 * - exit: verify-sender          # this stage; "use: verify-sender" is implied
 *   routines: [directory-sender]  # called in this order
 *   time-limit: 5s                # per routine call, enforced by the kernel
 * }</pre>
 */
@Extension
@StageName("verify-sender")
public class VerifySenderStage implements MailStage {

    private List<ExitRoutine> routines = List.of();
    private Clock clock = Clock.systemUTC();
    private String stageName = "verify-sender";
    private Logger logger = LoggerFactory.getLogger(VerifySenderStage.class);

    /** Creates the stage; PF4J calls this. */
    public VerifySenderStage() {
    }

    @Override
    public void init(StageContext context) {
        routines = List.copyOf(context.exitRoutines());
        clock = context.clock();
        stageName = context.name();
        logger = context.logger();
    }

    @Override
    public StageOutcome process(MailObject mail) throws StageException {
        if (routines.isEmpty()) {
            return StageOutcome.next(mail.withTrace(new TraceEntry(stageName, Optional.empty(), "CONTINUE",
                    "no exit routines configured", Duration.ZERO)));
        }
        MailObject current = mail;
        for (ExitRoutine routine : routines) {
            Instant start = clock.instant();
            ExitDecision decision = routine.decide(current);
            current = current.withTrace(new TraceEntry(stageName, Optional.of(routine.name()), decision.name(),
                    decision.reason(), elapsedSince(start)));
            logger.debug("exit routine {} decided {}: {}", routine.name(), decision.name(), decision.reason());
            if (decision instanceof ExitDecision.Replace replace) {
                current = SenderReplacement.apply(current, replace);
            } else if (decision instanceof ExitDecision.Accept) {
                break;
            } else if (decision instanceof ExitDecision.Reject reject) {
                return stop(current, routine, reject.reason(), reject.reply(), true);
            } else if (decision instanceof ExitDecision.Defer defer) {
                return stop(current, routine, defer.reason(), defer.reply(), false);
            }
        }
        return StageOutcome.next(current);
    }

    private StageOutcome stop(MailObject mail, ExitRoutine routine, String reason, SmtpReply reply,
            boolean permanent) {
        String why = reason.isBlank() ? "sender refused by exit routine " + routine.name() : reason;
        logger.info("exit routine {} {} the sender {}: {}", routine.name(), permanent ? "rejected" : "deferred",
                mail.envelope().reversePath(), why);
        Disposition disposition = permanent ? Disposition.rejected(why, reply) : Disposition.deferred(why, reply);
        return StageOutcome.stop(mail, disposition);
    }

    private Duration elapsedSince(Instant start) {
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
