package org.spoolmail.plugins.verify.recipients;

import org.pf4j.Extension;
import org.spoolmail.exits.ExitChange;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitPointRunner;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * Drives the {@code verify-recipients} exit point (recipient policy): calls the configured exit routines in order,
 * with the semantics of JES2 installation exits. Each routine sees every forward-path of the envelope. CONTINUE
 * (RC 0) goes on to the next routine; ACCEPT (RC 4) skips the rest; REPLACE in its recipient form
 * ({@link ExitDecision.DropRecipients}, RC 8) removes those forward-paths, and later routines and stages see only
 * the ones left; when none is left the mail is REJECTED with {@code 550 5.7.1}. REJECT (RC 12) and DEFER (RC 16)
 * stop the mail object with the routine's reply. A sender REPLACE is not taken here: the routine's fault, the item
 * is held. Every decision is appended to the trace, and so to the audit record; a drop names the forward-paths.
 * The loop is exits-api's {@link ExitPointRunner}.
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

    private ExitPointRunner runner;

    /** Creates the stage; PF4J calls this. */
    public VerifyRecipientsStage() {
    }

    @Override
    public void init(StageContext context) {
        runner = ExitPointRunner.of(context, "recipients", VerifyRecipientsStage::change);
    }

    @Override
    public StageOutcome process(MailObject mail) throws StageException {
        return runner.run(mail);
    }

    private static ExitChange change(String routine, ExitDecision decision, MailObject mail) {
        if (!(decision instanceof ExitDecision.DropRecipients d)) {
            return ExitChange.notTaken("a REPLACE of the sender");
        }
        RecipientDrop drop = RecipientDrop.of(mail.envelope(), d);
        if (drop.left().isEmpty()) {
            return ExitChange.stopped(Disposition.rejected("no recipient left after exit routine " + routine
                    + " dropped " + RecipientDrop.joined(drop.dropped()),
                    SmtpReply.of(550, "5.7.1", "no permitted recipients")), drop.describe());
        }
        return ExitChange.changed(drop.recorded(mail.withEnvelope(mail.envelope().withForwardPaths(drop.left())),
                routine, decision.reason()), drop.describe());
    }
}
