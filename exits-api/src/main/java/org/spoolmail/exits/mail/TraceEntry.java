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
