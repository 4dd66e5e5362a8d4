package org.spoolmail.exits;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.ReversePath;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * What an exit routine decides, with the return code a JES2 installation exit would give for it. Routines at one
 * exit point run in the order pipeline.yaml lists them, and the stage that drives the exit point acts on each
 * decision as a JES2 exit dispatcher acts on the return code:
 *
 * <table>
 *   <caption>Decisions and their JES2 return-code equivalents</caption>
 *   <tr><th>decision</th><th>RC</th><th>effect</th></tr>
 *   <tr><td>{@link Continue}</td><td>0</td><td>no objection; the next routine runs</td></tr>
 *   <tr><td>{@link Accept}</td><td>4</td><td>accepted; later routines at this exit point are skipped</td></tr>
 *   <tr><td>{@link Replace}</td><td>8</td><td>the sender is rewritten (verify-sender only); later routines still
 *       run and see the new sender</td></tr>
 *   <tr><td>{@link DropRecipients}</td><td>8</td><td>forward-paths are removed (verify-recipients only); later
 *       routines see the smaller envelope; an envelope left empty is REJECTED</td></tr>
 *   <tr><td>{@link Reject}</td><td>12</td><td>refused permanently with a 5xx reply and an RFC 3463 enhanced status;
 *       the mail is not sent (condition code 8)</td></tr>
 *   <tr><td>{@link Defer}</td><td>16</td><td>refused for now with a 4xx reply; the mail may be retried
 *       (condition code 4)</td></tr>
 * </table>
 *
 * <p>A decision an exit point does not take (a REPLACE at {@code content-policy}, say) is a fault of the routine:
 * the item is held as if the routine had failed. Every decision, with the routine's name and reason, is written to
 * the mail object's trace and so to the audit record.
 *
 * @since 1.0.0
 */
public sealed interface ExitDecision {

    /**
     * Returns the JES-style return code of this decision.
     *
     * @return 0, 4, 8, 12 or 16, as in the table above
     * @since 1.0.0
     */
    int returnCode();

    /**
     * Returns why the routine decided so, for the trace and the audit record.
     *
     * @return the reason, one line of text; may be empty for CONTINUE, never null
     * @since 1.0.0
     */
    String reason();

    /**
     * Returns the decision's name as it appears in the trace and the audit record.
     *
     * @return {@code CONTINUE}, {@code ACCEPT}, {@code REPLACE}, {@code REJECT} or {@code DEFER}; a
     *     {@link DropRecipients} is a kind of REPLACE and is named {@code REPLACE}
     * @since 1.0.0
     */
    default String name() {
        return getClass().getSimpleName().toUpperCase(Locale.ROOT);
    }

    /**
     * No objection: the next routine runs (RC 0).
     *
     * @return the decision, with an empty reason
     * @since 1.0.0
     */
    static ExitDecision proceed() {
        return new Continue("");
    }

    /**
     * Accepted: later routines at this exit point are skipped (RC 4).
     *
     * @param reason why, for the audit record
     * @return the decision
     * @throws NullPointerException if {@code reason} is null
     * @since 1.0.0
     */
    static ExitDecision accept(String reason) {
        return new Accept(reason);
    }

    /**
     * Rewrites the reverse-path and the address of the From header field to one mailbox (RC 8). Taken by the
     * {@code verify-sender} exit point only.
     *
     * @param sender the mailbox to send as
     * @param reason why, for the audit record
     * @return the decision
     * @throws NullPointerException if an argument is null
     * @since 1.0.0
     */
    static ExitDecision replace(Mailbox sender, String reason) {
        return new Replace(Optional.of(ReversePath.of(sender)), Optional.of(sender), reason);
    }

    /**
     * Rewrites the reverse-path and the From header field to one mailbox with a display name the routine chooses
     * (RC 8), e.g. a sender directory's own name for the address instead of the one the job wrote. Taken by the
     * {@code verify-sender} exit point only.
     *
     * @param sender the mailbox to send as
     * @param fromDisplayName the From display name as a reader sees it (unquoted, e.g. {@code Payroll "West"});
     *     the empty string writes the bare address with no display name. The exit point quotes it as RFC 5322
     *     section 3.2.5 needs
     * @param reason why, for the audit record
     * @return the decision
     * @throws IllegalArgumentException if {@code fromDisplayName} holds a control character or line separator,
     *     or only blanks
     * @throws NullPointerException if an argument is null
     * @since 1.0.0
     */
    static ExitDecision replaceWithDisplayName(Mailbox sender, String fromDisplayName, String reason) {
        return new Replace(Optional.of(ReversePath.of(sender)), Optional.of(sender), reason,
                Optional.of(fromDisplayName));
    }

    /**
     * Removes forward-paths from the envelope (RC 8). Taken by the {@code verify-recipients} exit point only.
     *
     * @param recipients the forward-paths to remove, compared as {@link Mailbox#sameAs(Mailbox)} does; at least one
     * @param reason why, for the audit record
     * @return the decision
     * @throws IllegalArgumentException if {@code recipients} is empty
     * @throws NullPointerException if an argument or element is null
     * @since 1.0.0
     */
    static ExitDecision dropRecipients(List<ForwardPath> recipients, String reason) {
        return new DropRecipients(recipients, reason);
    }

    /**
     * Refuses permanently (RC 12).
     *
     * @param reply a 5xx reply with an RFC 3463 enhanced status, e.g.
     *     {@code SmtpReply.of(550, "5.7.1", "not authorised to send as x")}
     * @param reason why, for the audit record
     * @return the decision
     * @throws IllegalArgumentException if the reply is not 5xx
     * @since 1.0.0
     */
    static ExitDecision reject(SmtpReply reply, String reason) {
        return new Reject(reply, reason);
    }

    /**
     * Refuses for now (RC 16).
     *
     * @param reply a 4xx reply with an RFC 3463 enhanced status, e.g. {@code SmtpReply.of(451, "4.3.0", "retry")}
     * @param reason why, for the audit record
     * @return the decision
     * @throws IllegalArgumentException if the reply is not 4xx
     * @since 1.0.0
     */
    static ExitDecision defer(SmtpReply reply, String reason) {
        return new Defer(reply, reason);
    }

    /**
     * RC 0: no objection, the next routine runs.
     *
     * @param reason why, may be empty
     * @since 1.0.0
     */
    record Continue(String reason) implements ExitDecision {
        /**
         * Checks the reason.
         *
         * @param reason why, may be empty
         * @throws NullPointerException if {@code reason} is null
         */
        public Continue {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int returnCode() {
            return 0;
        }
    }

    /**
     * RC 4: accepted, later routines at this exit point are skipped.
     *
     * @param reason why
     * @since 1.0.0
     */
    record Accept(String reason) implements ExitDecision {
        /**
         * Checks the reason.
         *
         * @param reason why
         * @throws NullPointerException if {@code reason} is null
         */
        public Accept {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int returnCode() {
            return 4;
        }
    }

    /**
     * RC 8: the sender is rewritten. The new reverse-path replaces {@code MAIL FROM}; the new From address replaces
     * the address of the From header field, keeping its display name (RFC 5322 section 3.4) unless
     * {@code fromDisplayName} says otherwise.
     *
     * @param reversePath the new reverse-path, or empty to keep it
     * @param from the new address for the From header field, or empty to keep it
     * @param reason why
     * @param fromDisplayName empty to keep the From field's display name (and comments); the empty string to write
     *     the bare address; other text to write it as the display name (unquoted, as a reader sees it; the exit
     *     point quotes it as RFC 5322 section 3.2.5 needs). Only with a new {@code from}
     * @since 1.0.0
     */
    record Replace(Optional<ReversePath> reversePath, Optional<Mailbox> from, String reason,
            Optional<String> fromDisplayName) implements ExitDecision {
        /**
         * Checks the components.
         *
         * @param reversePath the new reverse-path, or empty
         * @param from the new From address, or empty
         * @param reason why
         * @param fromDisplayName the From display name to write, the empty string for none, or empty to keep it
         * @throws IllegalArgumentException if both {@code reversePath} and {@code from} are empty; if
         *     {@code fromDisplayName} is present without {@code from}, or holds a control character or line
         *     separator, or only blanks
         * @throws NullPointerException if a component is null
         * @since 1.0.0
         */
        public Replace {
            Objects.requireNonNull(reversePath, "reversePath");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(fromDisplayName, "fromDisplayName");
            if (reversePath.isEmpty() && from.isEmpty()) {
                throw new IllegalArgumentException("REPLACE needs a new reverse-path, a new From, or both");
            }
            if (fromDisplayName.isPresent() && from.isEmpty()) {
                throw new IllegalArgumentException("REPLACE of the From display name needs a new From address");
            }
            fromDisplayName.ifPresent(Replace::checkDisplayName);
        }

        /**
         * Makes a REPLACE that keeps the From field's display name.
         *
         * @param reversePath the new reverse-path, or empty
         * @param from the new From address, or empty
         * @param reason why
         * @throws IllegalArgumentException if both {@code reversePath} and {@code from} are empty
         * @throws NullPointerException if an argument is null
         * @since 1.0.0
         */
        public Replace(Optional<ReversePath> reversePath, Optional<Mailbox> from, String reason) {
            this(reversePath, from, reason, Optional.empty());
        }

        private static void checkDisplayName(String name) {
            if (!name.isEmpty() && name.isBlank()) {
                throw new IllegalArgumentException("a From display name must not be only blanks");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029') {
                    throw new IllegalArgumentException(String.format("a From display name must not hold the control"
                            + " character or line separator U+%04X (RFC 5322 section 3.2.5)", (int) c));
                }
            }
        }

        @Override
        public int returnCode() {
            return 8;
        }
    }

    /**
     * RC 8, the recipient form of REPLACE: these forward-paths are removed from the envelope; the others stay in
     * their order. A forward-path that is not in the envelope is ignored. When none is left the item is rejected
     * with {@code 550 5.7.1}. The header fields (To, Cc) are not changed: they are the author's text.
     *
     * @param recipients the forward-paths to remove, at least one
     * @param reason why
     * @since 1.0.0
     */
    record DropRecipients(List<ForwardPath> recipients, String reason) implements ExitDecision {
        /**
         * Checks and copies the components.
         *
         * @param recipients the forward-paths to remove
         * @param reason why
         * @throws IllegalArgumentException if {@code recipients} is empty
         * @throws NullPointerException if a component or element is null
         */
        public DropRecipients {
            recipients = List.copyOf(recipients);
            Objects.requireNonNull(reason, "reason");
            if (recipients.isEmpty()) {
                throw new IllegalArgumentException("dropping recipients needs at least one forward-path");
            }
        }

        @Override
        public int returnCode() {
            return 8;
        }

        /**
         * Returns the trace name: dropping recipients is the REPLACE decision of the recipient exit point.
         *
         * @return {@code REPLACE}
         */
        @Override
        public String name() {
            return "REPLACE";
        }
    }

    /**
     * RC 12: refused permanently.
     *
     * @param reply the 5xx reply, with an RFC 3463 enhanced status such as {@code 5.7.1}
     * @param reason why
     * @since 1.0.0
     */
    record Reject(SmtpReply reply, String reason) implements ExitDecision {
        /**
         * Checks the components.
         *
         * @param reply the 5xx reply
         * @param reason why
         * @throws IllegalArgumentException if the reply is not 5xx
         * @throws NullPointerException if a component is null
         */
        public Reject {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(reason, "reason");
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
     * @param reply the 4xx reply, with an RFC 3463 enhanced status such as {@code 4.3.0}
     * @param reason why
     * @since 1.0.0
     */
    record Defer(SmtpReply reply, String reason) implements ExitDecision {
        /**
         * Checks the components.
         *
         * @param reply the 4xx reply
         * @param reason why
         * @throws IllegalArgumentException if the reply is not 4xx
         * @throws NullPointerException if a component is null
         */
        public Defer {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(reason, "reason");
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
