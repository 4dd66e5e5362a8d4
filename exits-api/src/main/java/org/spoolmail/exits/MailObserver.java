package org.spoolmail.exits;

import org.pf4j.ExtensionPoint;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RefusedInput;

/**
 * The log stage: sees every mail object once it has ended, whatever the outcome (delivered, rejected, deferred,
 * held), and records it, e.g. as an audit record. An observer cannot change the outcome.
 *
 * <p>Lifecycle and threading as {@link Lifecycle}: {@code observe} may be called concurrently on one instance.
 *
 * @since 1.0.0
 */
public interface MailObserver extends ExtensionPoint, Lifecycle {

    /**
     * Records one outcome.
     *
     * @param mail the mail object as it ended, with its full trace
     * @param disposition where it ended
     * @throws StageException if the record cannot be written; the kernel reports it and raises the condition code
     *     to at least 16, since an audit record is missing
     */
    void observe(MailObject mail, Disposition disposition) throws StageException;

    /**
     * Records a queued input that never became a mail object (a bad spool file the parser refused) and what was
     * done with it. The default records nothing, so observers written before it keep working; an audit observer
     * should record it, since otherwise the item leaves no trace.
     *
     * @param refused the input, the reason and what was done
     * @throws StageException if the record cannot be written; the kernel reports it
     * @since 1.0.0
     */
    default void observeRefused(RefusedInput refused) throws StageException {
    }
}
