package org.spoolmail.kernel.pipeline;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * The condition codes a job step can test (DESIGN.md): 0 all delivered or queued, 4 done with a warning (sender
 * replaced, some recipients refused, deferred, a stage's {@link TraceEntry#WARNING}), 8 refused, 12 bad input,
 * 16 environment or configuration error.
 */
public final class ConditionCodes {

    /** Everything went as asked. */
    public static final int OK = 0;
    /** Done, with a warning. */
    public static final int WARNING = 4;
    /** Refused by an exit or the relay. */
    public static final int REFUSED = 8;
    /** Bad input. */
    public static final int BAD_INPUT = 12;
    /** Environment or configuration error. */
    public static final int ENVIRONMENT = 16;

    private ConditionCodes() {
    }

    /**
     * @param mail the mail object as it ended, with its trace
     * @param disposition where it ended
     * @return the condition code for this item
     */
    public static int of(MailObject mail, Disposition disposition) {
        return switch (disposition.kind()) {
            case DELIVERED -> warned(mail, disposition) ? WARNING : OK;
            case DISCARDED -> OK;
            case DEFERRED -> WARNING;
            case REJECTED -> REFUSED;
            case HELD -> disposition.holdCause().orElseThrow().conditionCode();
        };
    }

    private static boolean warned(MailObject mail, Disposition disposition) {
        boolean refused = disposition.recipients().stream().anyMatch(r -> r.status() != RecipientResult.Status.ACCEPTED);
        boolean replaced = mail.trace().stream().anyMatch(t -> t.decision().equals("REPLACE"));
        boolean warning = mail.trace().stream().anyMatch(t -> t.decision().equals(TraceEntry.WARNING));
        return refused || replaced || warning;
    }
}
