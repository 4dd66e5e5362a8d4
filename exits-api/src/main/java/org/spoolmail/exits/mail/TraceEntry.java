package org.spoolmail.exits.mail;

import java.time.Duration;
import java.util.Optional;

/**
 * What one stage or exit routine decided about a mail object, carried to the audit record.
 *
 * @param stage the stage's name in pipeline.yaml, e.g. {@code verify-sender}
 * @param routine the exit routine's name, when an exit routine decided
 * @param decision the decision, e.g. {@code CONTINUE}, {@code REPLACE}, {@code DELIVERED}
 * @param reason why, in words a security administrator can read; may be empty
 * @param elapsed how long the stage or routine took
 * @since 1.0.0
 */
public record TraceEntry(String stage, Optional<String> routine, String decision, String reason, Duration elapsed) {

    /**
     * The decision of an entry that notes a warning: the stage changed or kept something the submitter should know
     * about (an input cut short, a control character inside a text record made a blank), and the mail went on.
     * A mail object delivered with such an entry ends with condition code 4; {@code spoolmail send} shows the
     * reason on standard error, which should name the place in the input (record, or part, line and column).
     *
     * @since 1.0.0
     */
    public static final String WARNING = "WARNING";

    /**
     * Checks the components.
     *
     * @param stage the stage's name in pipeline.yaml, e.g. {@code verify-sender}
     * @param routine the exit routine's name, when an exit routine decided
     * @param decision the decision, e.g. {@code CONTINUE}, {@code REPLACE}, {@code DELIVERED}
     * @param reason why, in words a security administrator can read; may be empty
     * @param elapsed how long the stage or routine took
     * @throws NullPointerException if a component is null
     */
    public TraceEntry {
        java.util.Objects.requireNonNull(stage, "stage");
        java.util.Objects.requireNonNull(routine, "routine");
        java.util.Objects.requireNonNull(decision, "decision");
        java.util.Objects.requireNonNull(reason, "reason");
        java.util.Objects.requireNonNull(elapsed, "elapsed");
    }
}
