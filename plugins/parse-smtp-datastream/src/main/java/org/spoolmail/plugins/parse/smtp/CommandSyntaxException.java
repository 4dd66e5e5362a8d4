package org.spoolmail.plugins.parse.smtp;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.InputLocation;

/**
 * A malformed or misplaced SMTP command: what a server answers with a 5xx reply while the session goes on. The
 * session skips up to {@code max-syntax-errors} of them; every other failure refuses the input at once.
 */
final class CommandSyntaxException extends PermanentStageException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param location the record of the command
     * @param reason what is wrong with it, without the location
     */
    CommandSyntaxException(InputLocation location, String reason) {
        super(location, reason);
        this.reason = reason;
    }

    /** @return what is wrong, without the location */
    String reason() {
        return reason;
    }
}
