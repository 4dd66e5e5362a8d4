package org.spoolmail.exits;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;

/**
 * What a {@link MailStage} returns: go on to the next stage with a (possibly new) mail object, or stop here with
 * a {@link Disposition}. After a stop the kernel skips the remaining processing stages and runs the observers.
 *
 * @since 1.0.0
 */
public sealed interface StageOutcome {

    /**
     * Returns the mail object as the stage left it.
     *
     * @return the mail object
     */
    MailObject mail();

    /**
     * Go on to the next stage.
     *
     * @param mail the mail object later stages see
     * @return the outcome
     * @throws NullPointerException if {@code mail} is null
     */
    static StageOutcome next(MailObject mail) {
        return new Next(mail);
    }

    /**
     * Stop processing here.
     *
     * @param mail the mail object as it ends
     * @param disposition where it ended
     * @return the outcome
     * @throws NullPointerException if an argument is null
     */
    static StageOutcome stop(MailObject mail, Disposition disposition) {
        return new Stop(mail, disposition);
    }

    /**
     * The mail object goes on.
     *
     * @param mail the mail object
     */
    record Next(MailObject mail) implements StageOutcome {
        /**
         * Checks the components.
         *
         * @param mail the mail object
         * @throws NullPointerException if {@code mail} is null
         */
        public Next {
            java.util.Objects.requireNonNull(mail, "mail");
        }
    }

    /**
     * The mail object stops with a disposition.
     *
     * @param mail the mail object
     * @param disposition where it ended
     */
    record Stop(MailObject mail, Disposition disposition) implements StageOutcome {
        /**
         * Checks the components.
         *
         * @param mail the mail object
         * @param disposition where it ended
         * @throws NullPointerException if a component is null
         */
        public Stop {
            java.util.Objects.requireNonNull(mail, "mail");
            java.util.Objects.requireNonNull(disposition, "disposition");
        }
    }
}
