package org.spoolmail.exits;

import java.util.Optional;

import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.ReversePath;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * What an exit routine decides, with the return code a JES2 installation exit would give for it. Routines at one
 * exit point run in the configured order:
 *
 * <ul>
 *   <li>{@link Continue} (RC 0): no objection; the next routine runs.</li>
 *   <li>{@link Accept} (RC 4): accepted; later routines at this exit point are skipped.</li>
 *   <li>{@link Replace} (RC 8): the sender is rewritten; later routines still run and see the new sender.</li>
 *   <li>{@link Reject} (RC 12): refused permanently with a 5xx reply; the mail is not sent.</li>
 *   <li>{@link Defer} (RC 16): refused for now with a 4xx reply; the mail may be retried.</li>
 * </ul>
 *
 * Every decision and its reason is written to the trace and the audit record.
 *
 * @since 1.0.0
 */
public sealed interface ExitDecision {

    /** @return the JES-style return code: 0, 4, 8, 12 or 16 */
    int returnCode();

    /** @return why, for the audit record; may be empty for CONTINUE */
    String reason();

    /** @return the decision's name as it appears in the trace, e.g. {@code REPLACE} */
    default String name() {
        return getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * No objection: the next routine runs.
     *
     * @return the decision
     */
    static ExitDecision proceed() {
        return new Continue("");
    }

    /**
     * Accepted: later routines at this exit point are skipped.
     *
     * @param reason why, for the audit record
     * @return the decision
     */
    static ExitDecision accept(String reason) {
        return new Accept(reason);
    }

    /**
     * Rewrites the reverse-path and the address of the From header field to one mailbox.
     *
     * @param sender the mailbox to send as
     * @param reason why, for the audit record
     * @return the decision
     */
    static ExitDecision replace(Mailbox sender, String reason) {
        return new Replace(Optional.of(ReversePath.of(sender)), Optional.of(sender), reason);
    }

    /**
     * Refuses permanently.
     *
     * @param reply a 5xx reply, e.g. {@code SmtpReply.of(550, "5.7.1", "not authorised to send as x")}
     * @param reason why, for the audit record
     * @return the decision
     */
    static ExitDecision reject(SmtpReply reply, String reason) {
        return new Reject(reply, reason);
    }

    /**
     * Refuses for now.
     *
     * @param reply a 4xx reply
     * @param reason why, for the audit record
     * @return the decision
     */
    static ExitDecision defer(SmtpReply reply, String reason) {
        return new Defer(reply, reason);
    }

    /**
     * RC 0: the next routine runs.
     *
     * @param reason why, may be empty
     */
    record Continue(String reason) implements ExitDecision {
        /** @throws NullPointerException if {@code reason} is null */
        public Continue {
            java.util.Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int returnCode() {
            return 0;
        }
    }

    /**
     * RC 4: later routines are skipped.
     *
     * @param reason why
     */
    record Accept(String reason) implements ExitDecision {
        /** @throws NullPointerException if {@code reason} is null */
        public Accept {
            java.util.Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int returnCode() {
            return 4;
        }
    }

    /**
     * RC 8: the sender is rewritten.
     *
     * @param reversePath the new reverse-path, or empty to keep it
     * @param from the new address for the From header field (the display name is kept), or empty to keep it
     * @param reason why
     */
    record Replace(Optional<ReversePath> reversePath, Optional<Mailbox> from, String reason) implements ExitDecision {
        /**
         * @throws IllegalArgumentException if both are empty
         */
        public Replace {
            java.util.Objects.requireNonNull(reason, "reason");
            if (reversePath.isEmpty() && from.isEmpty()) {
                throw new IllegalArgumentException("REPLACE needs a new reverse-path, a new From, or both");
            }
        }

        @Override
        public int returnCode() {
            return 8;
        }
    }

    /**
     * RC 12: refused permanently.
     *
     * @param reply the 5xx reply
     * @param reason why
     */
    record Reject(SmtpReply reply, String reason) implements ExitDecision {
        /** @throws IllegalArgumentException if the reply is not 5xx */
        public Reject {
            java.util.Objects.requireNonNull(reason, "reason");
            if (!reply.isPermanent()) {
                throw new IllegalArgumentException("REJECT needs a 5xx reply, got " + reply.code());
            }
        }

        @Override
        public int returnCode() {
            return 12;
        }
    }

    /**
     * RC 16: refused for now.
     *
     * @param reply the 4xx reply
     * @param reason why
     */
    record Defer(SmtpReply reply, String reason) implements ExitDecision {
        /** @throws IllegalArgumentException if the reply is not 4xx */
        public Defer {
            java.util.Objects.requireNonNull(reason, "reason");
            if (!reply.isTransient()) {
                throw new IllegalArgumentException("DEFER needs a 4xx reply, got " + reply.code());
            }
        }

        @Override
        public int returnCode() {
            return 16;
        }
    }
}
