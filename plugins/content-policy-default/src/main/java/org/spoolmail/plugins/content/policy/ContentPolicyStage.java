package org.spoolmail.plugins.content.policy;

import org.pf4j.Extension;
import org.spoolmail.exits.ExitPointRunner;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.mail.MailObject;

/**
 * Drives the {@code content-policy} exit point: calls the configured exit routines in order, with the semantics of
 * JES2 installation exits, so that a site can limit the size in octets, the number and types of attachments and
 * the header fields of what its jobs send. CONTINUE (RC 0) goes on to the next routine; ACCEPT (RC 4) skips the
 * rest; REJECT (RC 12) and DEFER (RC 16) stop the mail object with the routine's reply (a size limit answers
 * {@code 552 5.3.4}, RFC 3463). The content is the author's: a REPLACE (of the sender or of recipients) is not
 * taken here, the item is held as a routine fault. Every decision is appended to the trace and the audit record.
 * The loop is exits-api's {@link ExitPointRunner}.
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

    private ExitPointRunner runner;

    /** Creates the stage; PF4J calls this. */
    public ContentPolicyStage() {
    }

    @Override
    public void init(StageContext context) {
        runner = ExitPointRunner.of(context, "content", ExitPointRunner.ChangeHook.none());
    }

    @Override
    public StageOutcome process(MailObject mail) throws StageException {
        return runner.run(mail);
    }
}
