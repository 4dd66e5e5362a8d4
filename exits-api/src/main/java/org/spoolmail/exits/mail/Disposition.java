package org.spoolmail.exits.mail;

import java.util.List;
import java.util.Optional;

/**
 * Where a mail object ended: delivered, discarded, rejected, deferred for retry, or held for an operator. Every
 * disposition is written to the audit record; none loses the mail silently.
 *
 * <p>The kernel turns dispositions into the condition code of DESIGN.md: DELIVERED 0 (4 when a recipient was
 * refused or the sender was replaced), DISCARDED 0, DEFERRED 4, REJECTED 8, HELD by its {@link HoldCause}.
 *
 * @param kind the kind of end
 * @param reason a one-line explanation for people; empty for a plain delivery
 * @param reply the SMTP reply that decided it (a relay's, or an exit's refusal), if any
 * @param recipients one result per forward-path when a relay (or the outbox) answered for them: always for
 *     DELIVERED, and for DEFERRED and REJECTED when the relay gave the reply (ACCEPTED, DEFERRED to retry, REFUSED
 *     for good, each with the reply that decided it); empty when no relay was asked (an exit routine's decision, a
 *     hold)
 * @param holdCause why the item is held; present exactly when {@code kind} is HELD
 * @since 1.0.0
 */
public record Disposition(Kind kind, String reason, Optional<SmtpReply> reply, List<RecipientResult> recipients,
        Optional<HoldCause> holdCause) {

    /** The kinds of end. */
    public enum Kind {
        /** Handed to the relay or written to the outbox, for at least one recipient. */
        DELIVERED,
        /** Dropped on purpose by a stage, e.g. a test-mode site exit; recorded. */
        DISCARDED,
        /** Refused permanently: by an exit routine or by the relay for every recipient. */
        REJECTED,
        /** Refused for now; to be retried. */
        DEFERRED,
        /** Stopped for an operator: the reason says what to fix. */
        HELD
    }

    /** Why an item is held; decides the condition code. */
    public enum HoldCause {
        /** The input is malformed (condition code 12). */
        BAD_INPUT(12),
        /** An exit routine failed: threw, overran its time limit, returned null (condition code 8). */
        EXIT_FAILURE(8),
        /** A stage failed for a reason outside the input (condition code 16). */
        ENVIRONMENT(16);

        private final int conditionCode;

        HoldCause(int conditionCode) {
            this.conditionCode = conditionCode;
        }

        /** @return the condition code a job step sees */
        public int conditionCode() {
            return conditionCode;
        }
    }

    /**
     * Checks the components.
     *
     * @param kind the kind of end
     * @param reason a one-line explanation for people; empty for a plain delivery
     * @param reply the SMTP reply that decided it (a relay's, or an exit's refusal), if any
     * @param recipients one result per forward-path when a relay answered for them; empty when none was asked
     * @param holdCause why the item is held; present exactly when {@code kind} is HELD
     * @throws IllegalArgumentException if a hold cause is given to a kind other than HELD, or missing for HELD
     */
    public Disposition {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(reason, "reason");
        java.util.Objects.requireNonNull(reply, "reply");
        recipients = List.copyOf(recipients);
        if (holdCause.isPresent() != (kind == Kind.HELD)) {
            throw new IllegalArgumentException("a hold cause goes with HELD and only with HELD");
        }
    }

    /**
     * A delivery.
     *
     * @param recipients the result for each forward-path
     * @param reply the relay's final reply, if any
     * @return the disposition
     */
    public static Disposition delivered(List<RecipientResult> recipients, Optional<SmtpReply> reply) {
        return new Disposition(Kind.DELIVERED, "", reply, recipients, Optional.empty());
    }

    /**
     * A permanent refusal.
     *
     * @param reason why
     * @param reply the 5xx reply
     * @return the disposition
     */
    public static Disposition rejected(String reason, SmtpReply reply) {
        return new Disposition(Kind.REJECTED, reason, Optional.of(reply), List.of(), Optional.empty());
    }

    /**
     * A transient refusal.
     *
     * @param reason why
     * @param reply the 4xx reply
     * @return the disposition
     */
    public static Disposition deferred(String reason, SmtpReply reply) {
        return new Disposition(Kind.DEFERRED, reason, Optional.of(reply), List.of(), Optional.empty());
    }

    /**
     * A permanent refusal by a relay, with the result of each forward-path (REFUSED with the reply that decided it;
     * one the relay deferred stays DEFERRED).
     *
     * @param reason why
     * @param reply the 5xx reply that ended the transaction
     * @param recipients the result for each forward-path
     * @return the disposition
     * @since 1.0.0
     */
    public static Disposition rejected(String reason, SmtpReply reply, List<RecipientResult> recipients) {
        return new Disposition(Kind.REJECTED, reason, Optional.of(reply), recipients, Optional.empty());
    }

    /**
     * A transient refusal by a relay, with the result of each forward-path: DEFERRED (to be retried) with the 4xx
     * reply, or REFUSED where the relay refused that recipient for good.
     *
     * @param reason why
     * @param reply the 4xx reply that ended the transaction
     * @param recipients the result for each forward-path
     * @return the disposition
     * @since 1.0.0
     */
    public static Disposition deferred(String reason, SmtpReply reply, List<RecipientResult> recipients) {
        return new Disposition(Kind.DEFERRED, reason, Optional.of(reply), recipients, Optional.empty());
    }

    /**
     * A deliberate discard.
     *
     * @param reason why
     * @return the disposition
     */
    public static Disposition discarded(String reason) {
        return new Disposition(Kind.DISCARDED, reason, Optional.empty(), List.of(), Optional.empty());
    }

    /**
     * A hold for an operator.
     *
     * @param cause the kind of failure
     * @param reason what failed and why, naming the stage or routine
     * @return the disposition
     */
    public static Disposition held(HoldCause cause, String reason) {
        return new Disposition(Kind.HELD, reason, Optional.empty(), List.of(), Optional.of(cause));
    }
}
