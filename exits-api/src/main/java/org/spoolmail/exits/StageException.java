package org.spoolmail.exits;

import java.util.Optional;

import org.spoolmail.exits.mail.SmtpReply;

/**
 * A stage, parser or exit routine failed. Use {@link PermanentStageException} when retrying cannot help (malformed
 * input) and {@link TransientStageException} when it may (a resource is down). Expected business outcomes are not
 * exceptions: they are returned as {@link StageOutcome} or {@link ExitDecision}.
 *
 * @since 1.0.0
 */
public abstract class StageException extends Exception {

    private final transient SmtpReply reply;

    /**
     * @param message what failed and why, naming the input file and record where there is one
     * @param reply the SMTP reply that describes it, or null if none
     * @param cause the underlying exception, or null
     */
    protected StageException(String message, SmtpReply reply, Throwable cause) {
        super(message, cause);
        this.reply = reply;
    }

    /**
     * Returns the SMTP reply that describes the failure.
     *
     * @return the reply, or empty if none was given
     */
    public Optional<SmtpReply> reply() {
        return Optional.ofNullable(reply);
    }
}
