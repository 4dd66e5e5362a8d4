package org.spoolmail.kernel.pipeline;

import java.util.List;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;

/**
 * How one mail object ended.
 *
 * @param mail the mail object as it ended, with its trace
 * @param disposition where it ended
 * @param conditionCode its condition code, raised to 16 when an observer could not record it
 * @param warnings problems that did not change the outcome, e.g. an audit record that could not be written
 */
public record ItemResult(MailObject mail, Disposition disposition, int conditionCode, List<String> warnings) {

    /** Copies the list. */
    public ItemResult {
        warnings = List.copyOf(warnings);
    }
}
