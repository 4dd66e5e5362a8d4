package org.spoolmail.kernel.pipeline;

import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;

/**
 * How one mail object ended.
 *
 * @param mail the mail object as it ended, with its trace
 * @param disposition where it ended
 * @param conditionCode its condition code, raised to 16 when an observer could not record it
 * @param warnings problems that did not change the outcome, e.g. an audit record that could not be written
 * @param heldAt where the spool queue keeps it (held or deferred), when it was kept there
 */
public record ItemResult(MailObject mail, Disposition disposition, int conditionCode, List<String> warnings,
        Optional<SpoolHold.Kept> heldAt) {

    /** Copies the list. */
    public ItemResult {
        warnings = List.copyOf(warnings);
    }

    /**
     * An item not kept in the spool queue.
     *
     * @param mail the mail object as it ended
     * @param disposition where it ended
     * @param conditionCode its condition code
     * @param warnings problems that did not change the outcome
     */
    public ItemResult(MailObject mail, Disposition disposition, int conditionCode, List<String> warnings) {
        this(mail, disposition, conditionCode, warnings, Optional.empty());
    }
}
