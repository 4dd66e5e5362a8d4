package org.spoolmail.exits;

import java.util.Optional;

import org.pf4j.ExtensionPoint;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RelayConnections;

/**
 * Every pipeline step after parsing: verify-sender, mime-encode, codepage-translate, deliver. A stage receives a
 * mail object and returns what happens next: {@link StageOutcome#next} with the (new, immutable) mail object, or
 * {@link StageOutcome#stop} with a disposition.
 *
 * <p>Lifecycle and threading as {@link Lifecycle}: {@code process} may be called concurrently on one instance.
 *
 * @since 1.0.0
 */
public interface MailStage extends ExtensionPoint, Lifecycle {

    /**
     * Processes one mail object.
     *
     * @param mail the mail object as the previous stage left it
     * @return the outcome; never null
     * @throws PermanentStageException if the mail object cannot be processed and retrying will not help
     * @throws TransientStageException if a resource is unavailable now
     */
    StageOutcome process(MailObject mail) throws StageException;

    /**
     * The connections this stage holds to relays now, for a running spool server's status line. A stage that keeps
     * no connection (everything but a relaying deliver stage) need not implement it. Called from any thread at any
     * time between {@code init} and {@code close}; must not block.
     *
     * @return the counts now; empty for a stage that keeps no relay connection (the default)
     * @since 1.0.0
     */
    default Optional<RelayConnections> relayConnections() {
        return Optional.empty();
    }
}
