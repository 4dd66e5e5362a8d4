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
import org.spoolmail.exits.ExitFailureException;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * Drives the {@code verify-sender} exit point: calls the configured exit routines in order, with the semantics of
 * JES2 installation exits. CONTINUE (RC 0) goes on to the next routine; ACCEPT (RC 4) skips the rest; REPLACE
 * (RC 8) puts the new reverse-path on the envelope and the new address into the From header field (display name
 * kept), and later routines see the new mail object; REJECT (RC 12) and DEFER (RC 16) stop the mail object with a
 * rejected or deferred disposition carrying the routine's reply. Every decision is appended to the trace. A
 * decision this exit point does not take (dropping recipients) is the routine's fault: the item is held.
 *
 * <p>After the routines, the From header field is aligned with the verified reverse-path ({@link FromAlignment},
 * setting {@code from-alignment}: {@code add-sender}, {@code rewrite}, {@code reject} or {@code off}); with no
 * routines configured nothing was verified and nothing is aligned.
 *
 * <p>A routine that throws or overruns its time limit surfaces here as an {@link ExitFailureException} from the
 * kernel's {@link ExitRoutine} handle; it is passed on unchanged so that the kernel holds the item.
 *
 * <pre>{@code
 * - exit: verify-sender          # this stage; "use: verify-sender" is implied
 *   routines: [directory-sender]  # called in this order
 *   time-limit: 5s                # per routine call, enforced by the kernel
 *   config:
 *     from-alignment: add-sender  # add-sender | rewrite | reject | off
 *     directory-sender: {...}     # each routine's own configuration
 * }</pre>
 */
@Extension
@StageName("verify-sender")
public class VerifySenderStage implements MailStage {

    /** How the From header field is made to agree with the verified sender. */
    static final ConfigKey<String> FROM_ALIGNMENT = ConfigKey.oneOf("from-alignment", "add-sender", "add-sender",
            "rewrite", "reject", "off");

    private List<ExitRoutine> routines = List.of();
    private FromAlignment.Policy alignment = FromAlignment.Policy.ADD_SENDER;
    private Clock clock = Clock.systemUTC();
    private String stageName = "verify-sender";
    private Logger logger = LoggerFactory.getLogger(VerifySenderStage.class);

    /** Creates the stage; PF4J calls this. */
    public VerifySenderStage() {
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(FROM_ALIGNMENT);
    }

    @Override
    public void init(StageContext context) {
        routines = List.copyOf(context.exitRoutines());
        alignment = FromAlignment.Policy.parse(context.config().get(FROM_ALIGNMENT));
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
                return stop(current, routine.name(), reject.reason(), reject.reply(), true);
            } else if (decision instanceof ExitDecision.Defer defer) {
                return stop(current, routine.name(), defer.reason(), defer.reply(), false);
            } else if (decision instanceof ExitDecision.DropRecipients) {
                throw new ExitFailureException(routine.name(), "returned a REPLACE that drops recipients, which"
                        + " the " + stageName + " exit point does not take", null);
            }
        }
        return align(current);
    }

    private StageOutcome align(MailObject mail) {
        Optional<FromAlignment.Result> result = FromAlignment.apply(mail, alignment);
        if (result.isEmpty()) {
            return StageOutcome.next(mail);
        }
        FromAlignment.Result r = result.get();
        MailObject traced = r.mail().withTrace(new TraceEntry(stageName, Optional.empty(), r.decision(),
                "from-alignment " + alignment.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": "
                        + r.reason(), Duration.ZERO));
        if (r.refusal().isPresent()) {
            return stop(traced, "from-alignment", r.reason(), r.refusal().get(), true);
        }
        return StageOutcome.next(traced);
    }

    private StageOutcome stop(MailObject mail, String decider, String reason, SmtpReply reply, boolean permanent) {
        String why = reason.isBlank() ? "sender refused by exit routine " + decider : reason;
        logger.info("{} {} the sender {}: {}", decider, permanent ? "rejected" : "deferred",
                mail.envelope().reversePath(), why);
        Disposition disposition = permanent ? Disposition.rejected(why, reply) : Disposition.deferred(why, reply);
        return StageOutcome.stop(mail, disposition);
    }

    private Duration elapsedSince(Instant start) {
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
