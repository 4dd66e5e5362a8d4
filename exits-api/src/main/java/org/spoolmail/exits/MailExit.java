package org.spoolmail.exits;

import org.pf4j.ExtensionPoint;
import org.spoolmail.exits.mail.MailObject;

/**
 * An exit routine: site-written policy at an exit point such as {@code verify-sender}, in the manner of a JES2
 * installation exit. The routine sees the mail object, including the submitter's {@link
 * org.spoolmail.exits.mail.Identity} (decide on established facts), and returns an {@link ExitDecision}.
 *
 * <p>Lifecycle and threading as {@link Lifecycle}: {@code decide} may be called concurrently on one instance.
 * Each call runs under the exit point's time limit; a routine that throws, overruns or returns null has the item
 * held, never passed unchecked.
 *
 * @since 1.0.0
 */
public interface MailExit extends ExtensionPoint, Lifecycle {

    /**
     * Decides about one mail object.
     *
     * @param mail the mail object, with any REPLACE of earlier routines already applied
     * @return the decision; never null
     * @throws StageException if the routine cannot decide (e.g. its directory is unreadable); the item is held
     */
    ExitDecision decide(MailObject mail) throws StageException;
}
