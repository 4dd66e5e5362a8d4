package org.spoolmail.exits;

import java.util.Objects;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;

/**
 * What an exit point does with a change decision of one of its routines (a REPLACE of the sender,
 * {@link ExitDecision.Replace}, or of recipients, {@link ExitDecision.DropRecipients}), as an
 * {@link ExitPointRunner.ChangeHook} answers it: go on with the changed mail object, stop the mail object, or
 * refuse the decision as one the exit point does not take. In JES2 terms this is what the exit point makes of
 * return code 8; CONTINUE, ACCEPT, REJECT and DEFER are the runner's own.
 *
 * <p>Every text is non-null; a trace suffix may be empty.
 *
 * @since 1.0.0
 */
public sealed interface ExitChange {

    /**
     * Goes on with a changed mail object; later routines and stages see it.
     *
     * @param mail the mail object with the change applied, without the routine's trace entry (the runner adds it)
     * @param traceSuffix text the routine's trace entry gets after the routine's reason, e.g.
     *     {@code " (dropped <a@x.org>)"}; empty for none
     * @return the change
     * @throws NullPointerException if an argument is null
     */
    static ExitChange changed(MailObject mail, String traceSuffix) {
        return new Changed(mail, traceSuffix);
    }

    /**
     * Stops the mail object as the routine saw it, e.g. because the change would leave no recipient.
     *
     * @param disposition how the mail object ends, e.g. {@link Disposition#rejected}
     * @param traceSuffix text the routine's trace entry gets after the routine's reason; empty for none
     * @return the change
     * @throws NullPointerException if an argument is null
     */
    static ExitChange stopped(Disposition disposition, String traceSuffix) {
        return new Stopped(disposition, traceSuffix);
    }

    /**
     * Refuses the decision: the routine's fault, the runner throws an {@link ExitFailureException} with the
     * message {@code returned <what>, which the <stage> exit point does not take} and the kernel holds the item.
     *
     * @param what the decision as the message names it, e.g. {@code REPLACE} or {@code a REPLACE of the sender}
     * @return the change
     * @throws NullPointerException if {@code what} is null
     */
    static ExitChange notTaken(String what) {
        return new NotTaken(what);
    }

    /**
     * Goes on with a changed mail object.
     *
     * @param mail the changed mail object
     * @param traceSuffix text after the routine's reason in its trace entry; may be empty
     * @since 1.0.0
     */
    record Changed(MailObject mail, String traceSuffix) implements ExitChange {
        /**
         * Checks the components.
         *
         * @param mail the changed mail object
         * @param traceSuffix text after the routine's reason; may be empty
         * @throws NullPointerException if an argument is null
         */
        public Changed {
            Objects.requireNonNull(mail, "mail");
            Objects.requireNonNull(traceSuffix, "traceSuffix");
        }
    }

    /**
     * Stops the mail object.
     *
     * @param disposition how the mail object ends
     * @param traceSuffix text after the routine's reason in its trace entry; may be empty
     * @since 1.0.0
     */
    record Stopped(Disposition disposition, String traceSuffix) implements ExitChange {
        /**
         * Checks the components.
         *
         * @param disposition how the mail object ends
         * @param traceSuffix text after the routine's reason; may be empty
         * @throws NullPointerException if an argument is null
         */
        public Stopped {
            Objects.requireNonNull(disposition, "disposition");
            Objects.requireNonNull(traceSuffix, "traceSuffix");
        }
    }

    /**
     * Refuses the decision.
     *
     * @param what the decision as the failure message names it
     * @since 1.0.0
     */
    record NotTaken(String what) implements ExitChange {
        /**
         * Checks the component.
         *
         * @param what the decision as the failure message names it
         * @throws NullPointerException if {@code what} is null
         */
        public NotTaken {
            Objects.requireNonNull(what, "what");
        }
    }
}
