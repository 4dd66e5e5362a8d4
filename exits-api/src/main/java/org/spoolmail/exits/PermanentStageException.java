package org.spoolmail.exits;

import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * A failure that retrying cannot mend: malformed input, an unknown CCSID, a message that breaks a hard limit. The
 * kernel holds the item (condition code 12 when the input is at fault).
 *
 * @since 1.0.0
 */
public class PermanentStageException extends StageException {

    private final transient InputLocation location;

    /**
     * @param message what is wrong, in words for the job author
     */
    public PermanentStageException(String message) {
        this(message, null, null, null);
    }

    /**
     * A failure at a known place in the input. The message is prefixed with the location.
     *
     * @param location the file and record
     * @param message what is wrong there
     */
    public PermanentStageException(InputLocation location, String message) {
        this(location + ": " + message, location, null, null);
    }

    /**
     * @param message what is wrong
     * @param location the file and record, or null
     * @param reply the SMTP reply that describes it, or null
     * @param cause the underlying exception, or null
     */
    public PermanentStageException(String message, InputLocation location, SmtpReply reply, Throwable cause) {
        super(message, reply, cause);
        this.location = location;
    }

    /**
     * Returns where in the input the failure is.
     *
     * @return the location, or empty if it concerns no particular place
     */
    public java.util.Optional<InputLocation> location() {
        return java.util.Optional.ofNullable(location);
    }
}
