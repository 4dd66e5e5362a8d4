package org.spoolmail.plugins.verify.sender;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spoolmail.exits.ExitChange;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitPointRunner;
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
 * The loop is exits-api's {@link ExitPointRunner}.
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

    private ExitPointRunner runner;
    private FromAlignment.Policy alignment = FromAlignment.Policy.ADD_SENDER;
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
        runner = ExitPointRunner.of(context, "sender", VerifySenderStage::change);
        alignment = FromAlignment.Policy.parse(context.config().get(FROM_ALIGNMENT));
        stageName = context.name();
        logger = context.logger();
    }

    @Override
    public StageOutcome process(MailObject mail) throws StageException {
        StageOutcome outcome = runner.run(mail);
        if (outcome instanceof StageOutcome.Next next && runner.hasRoutines()) {
            return align(next.mail());
        }
        return outcome;
    }

    private static ExitChange change(String routine, ExitDecision decision, MailObject mail) {
        if (decision instanceof ExitDecision.Replace replace) {
            return ExitChange.changed(SenderReplacement.apply(mail, replace), "");
        }
        return ExitChange.notTaken("a REPLACE that drops recipients");
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
            return refuse(traced, r.reason(), r.refusal().get());
        }
        return StageOutcome.next(traced);
    }

    private StageOutcome refuse(MailObject mail, String reason, SmtpReply reply) {
        String why = reason.isBlank() ? "sender refused by exit routine from-alignment" : reason;
        logger.info("from-alignment rejected the sender {}: {}", mail.envelope().reversePath(), why);
        return StageOutcome.stop(mail, Disposition.rejected(why, reply));
    }
}
