package org.spoolmail.exits;

/**
 * An exit routine failed rather than decided: it threw, overran its time limit, or returned null. Thrown by the
 * kernel's {@link ExitRoutine} handle; the kernel holds the item with this message and goes on with the next.
 * Mail is never let through unchecked because a routine failed.
 *
 * @since 1.0.0
 */
public class ExitFailureException extends StageException {

    private final String routine;

    /**
     * @param routine the routine's name in pipeline.yaml
     * @param message what went wrong, e.g. {@code exceeded its time limit of 5s}
     * @param cause the routine's exception, or null
     */
    public ExitFailureException(String routine, String message, Throwable cause) {
        super("exit routine " + routine + " " + message, null, cause);
        this.routine = routine;
    }

    /** @return the failing routine's name */
    public String routine() {
        return routine;
    }
}
