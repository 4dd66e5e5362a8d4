package org.spoolmail.plugins.parse.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * The syntax errors of one input. Up to the limit each is skipped and traced ({@code parse SKIPPED}, with its
 * record and reason) on the next mail object completed, or on the last one if none follows; one more refuses the
 * input as a whole.
 */
final class SkippedCommands {

    private final int limit;
    private final List<TraceEntry> pending = new ArrayList<>();
    private int count;

    /** @param limit how many syntax errors are skipped, 0 for none */
    SkippedCommands(int limit) {
        this.limit = limit;
    }

    /**
     * Counts one syntax error.
     *
     * @param error the refused command
     * @throws PermanentStageException if it is one more than the limit: the input is refused
     */
    void add(CommandSyntaxException error) throws PermanentStageException {
        count++;
        if (count > limit) {
            if (limit == 0) {
                throw error;
            }
            throw new PermanentStageException(error.getMessage() + " (syntax error " + count
                    + ", more than max-syntax-errors " + limit + ": the input is refused as a whole)",
                    error.location().orElse(null), null, error);
        }
        pending.add(new TraceEntry("parse", Optional.empty(), "SKIPPED", error.getMessage(), Duration.ZERO));
    }

    /** @return the mail object with the errors skipped so far traced on it */
    MailObject traceOn(MailObject mail) {
        MailObject traced = mail;
        for (TraceEntry e : pending) {
            traced = traced.withTrace(e);
        }
        pending.clear();
        return traced;
    }

    /** @return the mail objects, the last one carrying the errors skipped after it */
    List<MailObject> traceRestOn(List<MailObject> mail) {
        List<MailObject> all = new ArrayList<>(mail);
        all.set(all.size() - 1, traceOn(all.get(all.size() - 1)));
        return List.copyOf(all);
    }
}
