package org.spoolmail.examples.embedded;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * The application's own exit routine at verify-sender, handed to spoolmail as an object (no jar, no PF4J): this
 * application may send as its functional mailbox only. That sender is accepted (JES RC 4: later routines are
 * skipped); any other is refused with 550 5.7.1, so a coding slip that puts a person's address in From never
 * leaves the building. Stateless, so one instance serves every thread.
 */
@StageName("report-sender")
public final class ReportSenderExit implements MailExit {

    private final Mailbox allowed;

    /** @param allowed the one sender this application may use */
    public ReportSenderExit(Mailbox allowed) {
        this.allowed = allowed;
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        boolean own = mail.envelope().reversePath().mailbox().map(allowed::sameAs).orElse(false);
        return own ? ExitDecision.accept("the report mailbox " + allowed)
                : ExitDecision.reject(SmtpReply.of(550, "5.7.1", "this application sends as " + allowed + " only"),
                        "sender " + mail.envelope().reversePath() + " is not " + allowed);
    }
}
