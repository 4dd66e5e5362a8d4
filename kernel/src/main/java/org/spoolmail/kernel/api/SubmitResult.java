package org.spoolmail.kernel.api;

import java.util.List;
import java.util.Optional;

/**
 * How a {@link RawInput} ended: a {@link MailResult} per mail object it held, or the error that refused it as a
 * whole before any mail object existed (bad input, condition code 12, names the origin, record and reason; nothing
 * of it was sent, and the input is kept in the spool queue, HELD with the error, under a queue ID of its own).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.0.0
 */
public final class SubmitResult {

    private final List<MailResult> mails;
    private final Optional<String> error;
    private final int errorCode;
    private final Optional<String> heldQueueId;
    private final Optional<String> keptIn;

    SubmitResult(List<MailResult> mails, Optional<String> error, int errorCode, Optional<String> heldQueueId,
            Optional<String> keptIn) {
        this.mails = List.copyOf(mails);
        this.error = error;
        this.errorCode = errorCode;
        this.heldQueueId = heldQueueId;
        this.keptIn = keptIn;
    }

    /** @return one result per mail object, in input order; empty when the input was refused as a whole */
    public List<MailResult> mails() {
        return mails;
    }

    /** @return why the input was refused as a whole, naming its origin and record, if it was */
    public Optional<String> error() {
        return error;
    }

    /** @return the highest condition code of the input and its mail objects, as {@code spoolmail send} exits */
    public int conditionCode() {
        return Math.max(errorCode, mails.stream().mapToInt(MailResult::conditionCode).max().orElse(0));
    }

    /** @return the queue ID of the HELD item that keeps an input refused as a whole, when it was kept */
    public Optional<String> heldQueueId() {
        return heldQueueId;
    }

    /** @return where the spool queue keeps an input refused as a whole, e.g. {@code spool/queue/held/ID} */
    public Optional<String> keptIn() {
        return keptIn;
    }
}
