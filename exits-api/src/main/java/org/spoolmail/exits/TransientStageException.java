package org.spoolmail.exits;

import org.spoolmail.exits.mail.SmtpReply;

/**
 * A failure that may pass: the relay is unreachable, a directory is locked, a lookup timed out. The kernel defers
 * the item for retry, or holds it where the pipeline demands immediate delivery.
 *
 * @since 1.0.0
 */
public class TransientStageException extends StageException {

    /**
     * @param message what failed
     * @param cause the underlying exception, or null
     */
    public TransientStageException(String message, Throwable cause) {
        super(message, null, cause);
    }

    /**
     * @param message what failed
     * @param reply the 4xx reply that describes it, or null
     * @param cause the underlying exception, or null
     */
    public TransientStageException(String message, SmtpReply reply, Throwable cause) {
        super(message, reply, cause);
    }
}
