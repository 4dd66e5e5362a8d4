package org.spoolmail.exits.mail;

import java.util.Optional;

/**
 * What happened to one forward-path at delivery.
 *
 * @param recipient the forward-path
 * @param status accepted, refused for now, or refused for good
 * @param reply the relay's reply that decided it, if there was one: to RCPT TO, or for every recipient it reached
 *     the reply to MAIL FROM, DATA or the data that ended the transaction
 * @since 1.0.0
 */
public record RecipientResult(ForwardPath recipient, Status status, Optional<SmtpReply> reply) {

    /** The outcome for one recipient. */
    public enum Status {
        /** The relay accepted the recipient and the data (or the outbox wrote it). */
        ACCEPTED,
        /** Refused with a 4xx reply: may be retried. */
        DEFERRED,
        /** Refused with a 5xx reply: will not be retried. */
        REFUSED
    }

    /**
     * Checks the components.
     *
     * @param recipient the forward-path
     * @param status accepted, refused for now, or refused for good
     * @param reply the relay's reply to RCPT TO (or the data), if there was one
     * @throws NullPointerException if a component is null
     */
    public RecipientResult {
        java.util.Objects.requireNonNull(recipient, "recipient");
        java.util.Objects.requireNonNull(status, "status");
        java.util.Objects.requireNonNull(reply, "reply");
    }
}
