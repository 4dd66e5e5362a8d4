package org.spoolmail.plugins.content.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitFailureException;
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
 * Drives the {@code content-policy} exit point: calls the configured exit routines in order, with the semantics of
 * JES2 installation exits, so that a site can limit the size in octets, the number and types of attachments and
 * the header fields of what its jobs send. CONTINUE (RC 0) goes on to the next routine; ACCEPT (RC 4) skips the
 * rest; REJECT (RC 12) and DEFER (RC 16) stop the mail object with the routine's reply (a size limit answers
 * {@code 552 5.3.4}, RFC 3463). The content is the author's: a REPLACE (of the sender or of recipients) is not
 * taken here, the item is held as a routine fault. Every decision is appended to the trace and the audit record.
 *
 * <p>Where it stands decides what the routines measure: after {@code codepage-translate} the mail object is in
 * its final form and {@link org.spoolmail.exits.mail.MessageWriter} gives the exact octets that will be sent;
 * before {@code mime-encode}, attachments are still the job's records. The stage has no settings:
 *
 * <pre>{@code
 * - exit: content-policy           # after codepage-translate, before deliver
 *   routines: [size-limit, attachment-policy]
 *   time-limit: 5s
 *   config:
 *     size-limit: {max-size: 10MiB}
 * }</pre>
 */
@Extension
@StageName("content-policy")
public class ContentPolicyStage implements MailStage {

    private List<ExitRoutine> routines = List.of();
    private Clock clock = Clock.systemUTC();
    private String stageName = "content-policy";
    private Logger logger = LoggerFactory.getLogger(ContentPolicyStage.class);

    /** Creates the stage; PF4J calls this. */
    public ContentPolicyStage() {
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
            if (decision instanceof ExitDecision.Accept) {
                break;
            } else if (decision instanceof ExitDecision.Reject reject) {
                return stop(current, routine, reject.reason(), reject.reply(), true);
            } else if (decision instanceof ExitDecision.Defer defer) {
                return stop(current, routine, defer.reason(), defer.reply(), false);
            } else if (!(decision instanceof ExitDecision.Continue)) {
                throw new ExitFailureException(routine.name(), "returned " + decision.name() + ", which the "
                        + stageName + " exit point does not take", null);
            }
        }
        return StageOutcome.next(current);
    }

    private StageOutcome stop(MailObject mail, ExitRoutine routine, String reason, SmtpReply reply,
            boolean permanent) {
        String why = reason.isBlank() ? "content refused by exit routine " + routine.name() : reason;
        logger.info("exit routine {} {} the content: {}", routine.name(), permanent ? "rejected" : "deferred", why);
        Disposition disposition = permanent ? Disposition.rejected(why, reply) : Disposition.deferred(why, reply);
        return StageOutcome.stop(mail, disposition);
    }

    private Duration elapsedSince(Instant start) {
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
