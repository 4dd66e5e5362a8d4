package org.spoolmail.plugins.verify.recipients;

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
 * Drives the {@code verify-recipients} exit point (recipient policy): calls the configured exit routines in order,
 * with the semantics of JES2 installation exits. Each routine sees every forward-path of the envelope. CONTINUE
 * (RC 0) goes on to the next routine; ACCEPT (RC 4) skips the rest; REPLACE in its recipient form
 * ({@link ExitDecision.DropRecipients}, RC 8) removes those forward-paths, and later routines and stages see only
 * the ones left; when none is left the mail is REJECTED with {@code 550 5.7.1}. REJECT (RC 12) and DEFER (RC 16)
 * stop the mail object with the routine's reply. A sender REPLACE is not taken here: the routine's fault, the item
 * is held. Every decision is appended to the trace, and so to the audit record; a drop names the forward-paths.
 *
 * <p>Each forward-path a routine drops is also recorded as a mail object attribute, so that later readers (the
 * kernel's {@code send}/{@code check} reports, the audit log) never parse the trace text, which is for people:
 * key {@code dropped-by:<forward-path>} (the forward-path as the envelope held it, angle brackets included, e.g.
 * {@code dropped-by:<bob@partner.example>}), value {@code <routine>: <reason>} (the routine's name, a colon and a
 * blank, then its reason, possibly empty, e.g. {@code domain-policy: partner.example is not an allowed domain}).
 * Routine names are kebab-case, so the first {@code ": "} ends the name. Nothing is recorded when the mail is
 * rejected because no recipient is left: its envelope keeps every forward-path.
 *
 * <p>The condition code of a delivered mail with dropped recipients is 4 (some recipients refused). The stage has
 * no settings:
 *
 * <pre>{@code
 * - exit: verify-recipients
 *   routines: [domain-policy]     # called in this order
 *   time-limit: 5s                # per routine call, enforced by the kernel
 *   config:
 *     domain-policy: {...}        # each routine's own configuration
 * }</pre>
 */
@Extension
@StageName("verify-recipients")
public class VerifyRecipientsStage implements MailStage {

    private List<ExitRoutine> routines = List.of();
    private Clock clock = Clock.systemUTC();
    private String stageName = "verify-recipients";
    private Logger logger = LoggerFactory.getLogger(VerifyRecipientsStage.class);

    /** Creates the stage; PF4J calls this. */
    public VerifyRecipientsStage() {
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
            RecipientDrop drop = decision instanceof ExitDecision.DropRecipients d
                    ? RecipientDrop.of(current.envelope(), d) : RecipientDrop.NONE;
            current = current.withTrace(new TraceEntry(stageName, Optional.of(routine.name()), decision.name(),
                    decision.reason() + drop.describe(), elapsedSince(start)));
            logger.debug("exit routine {} decided {}: {}", routine.name(), decision.name(), decision.reason());
            if (decision instanceof ExitDecision.DropRecipients) {
                if (drop.left().isEmpty()) {
                    return stop(current, "no recipient left after exit routine " + routine.name() + " dropped "
                            + RecipientDrop.joined(drop.dropped()), SmtpReply.of(550, "5.7.1", "no permitted recipients"), true);
                }
                current = drop.recorded(current.withEnvelope(current.envelope().withForwardPaths(drop.left())),
                        routine.name(), decision.reason());
            } else if (decision instanceof ExitDecision.Accept) {
                break;
            } else if (decision instanceof ExitDecision.Reject reject) {
                return stop(current, orDefault(reject.reason(), routine), reject.reply(), true);
            } else if (decision instanceof ExitDecision.Defer defer) {
                return stop(current, orDefault(defer.reason(), routine), defer.reply(), false);
            } else if (decision instanceof ExitDecision.Replace) {
                throw new ExitFailureException(routine.name(), "returned a REPLACE of the sender, which the "
                        + stageName + " exit point does not take", null);
            }
        }
        return StageOutcome.next(current);
    }

    private static String orDefault(String reason, ExitRoutine routine) {
        return reason.isBlank() ? "recipients refused by exit routine " + routine.name() : reason;
    }

    private StageOutcome stop(MailObject mail, String why, SmtpReply reply, boolean permanent) {
        logger.info("{} {}: {}", mail.envelope().forwardPaths(), permanent ? "rejected" : "deferred", why);
        Disposition disposition = permanent ? Disposition.rejected(why, reply) : Disposition.deferred(why, reply);
        return StageOutcome.stop(mail, disposition);
    }

    private Duration elapsedSince(Instant start) {
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
