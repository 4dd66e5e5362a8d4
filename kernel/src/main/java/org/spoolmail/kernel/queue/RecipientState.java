package org.spoolmail.kernel.queue;

import java.util.Optional;

/**
 * Where one forward-path of an item stands. ACCEPTED and REFUSED are final: a retry never sends to them again.
 *
 * @param forwardPath the forward-path as written in RCPT TO, e.g. {@code <a@example.com>}
 * @param status where it stands
 * @param reply the reply that decided it (the relay's or an exit's), one line, when there is one
 */
public record RecipientState(String forwardPath, Status status, Optional<String> reply) {

    /** Where a recipient stands. */
    public enum Status {
        /** Not yet sent to, or deferred (4xx): still to do. */
        PENDING,
        /** The relay accepted it: done. */
        ACCEPTED,
        /** Refused for good (5xx, or by an exit routine): done, reported in the DSN. */
        REFUSED,
        /** The relay deferred it (4xx): still to do on the next attempt. */
        DEFERRED;

        /** @return true for ACCEPTED and REFUSED, which no retry touches */
        public boolean isFinal() {
            return this == ACCEPTED || this == REFUSED;
        }
    }

    /** Checks the components. */
    public RecipientState {
        java.util.Objects.requireNonNull(forwardPath, "forwardPath");
        java.util.Objects.requireNonNull(status, "status");
        java.util.Objects.requireNonNull(reply, "reply");
    }
}
