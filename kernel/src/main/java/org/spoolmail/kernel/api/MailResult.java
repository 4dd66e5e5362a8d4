package org.spoolmail.kernel.api;

import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * How one mail object ended, as the {@code spoolmail send} line and the audit record say it: its queue ID, outcome,
 * condition code (0 delivered, 4 a warning such as a replaced sender or a refused recipient, 8 refused or held
 * after an exit failure, 12 bad input, 16 environment), reason, the deciding SMTP reply, a result per forward-path,
 * the trace of every stage and exit routine decision, and where the spool queue keeps it when it was held or
 * deferred. Nothing is dropped: mail that could not go is an item of the spool queue pipeline.yaml names (its
 * {@code spool:} block; {@code spool/} beside pipeline.yaml by default), under this result's queue ID, HELD or
 * DEFERRED: the spool server retries deferred mail, {@code spoolmail queue release ID} sends held mail again, and a
 * recipient the relay already accepted is not sent it again.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0.0
 */
public final class MailResult {

    private final MailObject mail;
    private final Disposition disposition;
    private final int conditionCode;
    private final List<String> warnings;
    private final Optional<String> keptIn;

    MailResult(MailObject mail, Disposition disposition, int conditionCode, List<String> warnings,
            Optional<String> keptIn) {
        this.mail = mail;
        this.disposition = disposition;
        this.conditionCode = conditionCode;
        this.warnings = List.copyOf(warnings);
        this.keptIn = keptIn;
    }

    /** @return the queue ID, e.g. {@code 20261130T100102-3f9a1c-0001}; it names outbox files and audit records */
    public String queueId() {
        return mail.id();
    }

    /** @return DELIVERED, REJECTED, DEFERRED, DISCARDED or HELD */
    public Disposition.Kind outcome() {
        return disposition.kind();
    }

    /** @return the condition code, 0 to 16 */
    public int conditionCode() {
        return conditionCode;
    }

    /** @return why it ended so, one line; empty for a plain delivery */
    public String reason() {
        return disposition.reason();
    }

    /** @return the deciding SMTP reply (a relay's, or an exit routine's refusal), if there was one */
    public Optional<SmtpReply> reply() {
        return disposition.reply();
    }

    /** @return a result per forward-path the deliver stage tried, in envelope order; empty when none was tried */
    public List<RecipientResult> recipients() {
        return disposition.recipients();
    }

    /** @return every stage and exit routine decision, oldest first */
    public List<TraceEntry> trace() {
        return mail.trace();
    }

    /**
     * @return where the spool queue keeps it when it was held or deferred, as the audit record's {@code held-in}
     *     says it: e.g. {@code /srv/mail/spool/queue/deferred/20261130T100102-3f9a1c-0001} for the directory spool;
     *     the item's queue ID is {@link #queueId()}. Empty when it was not kept (delivered, refused, discarded), or
     *     could not be kept (then a warning says why and the condition code is 16)
     */
    public Optional<String> keptIn() {
        return keptIn;
    }

    /** @return problems that did not change the outcome, e.g. an audit record that could not be written */
    public List<String> warnings() {
        return warnings;
    }

    /** @return the mail object as it ended: final envelope and header fields, attributes and trace */
    public MailObject mail() {
        return mail;
    }

    /** @return the disposition as the deliver stage (or the stage that stopped it) gave it */
    public Disposition disposition() {
        return disposition;
    }

    /**
     * @return the result as one line, as {@code spoolmail send} prints a message's outcome: {@code <queue-id>
     *     <outcome>[: <reason>] (condition code <n>)}, e.g. {@code 20261130T100102-3f9a1c-0001 DELIVERED (condition
     *     code 0)}
     */
    @Override
    public String toString() {
        return queueId() + " " + outcome() + (reason().isEmpty() ? "" : ": " + reason()) + " (condition code "
                + conditionCode + ")";
    }
}
