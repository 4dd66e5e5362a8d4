package org.spoolmail.kernel.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One item of the queue as it stands: what was submitted, where it is, how often it was tried, and each
 * recipient's result so far.
 *
 * @param id the queue ID, e.g. {@code 20261130T090000-3f9a1c-0001}
 * @param state its state
 * @param submission what was submitted, with the submitter
 * @param created when it entered the queue (its age and maximum age count from here)
 * @param attempts how many delivery attempts it had
 * @param nextAttempt when a deferred item is due; empty otherwise
 * @param reason why it is deferred or held, one line; empty when there is no reason
 * @param lastReply the last deciding SMTP reply, one line, e.g. {@code 451 4.3.0 try later}
 * @param sender the reverse-path as the last attempt parsed it, e.g. {@code <a@example.com>} or {@code <>}
 * @param recipients each forward-path and where it stands; empty before the first attempt
 * @param lastAttempt when the last attempt started; empty before the first
 */
public record QueueItem(String id, ItemState state, Submission submission, Instant created, int attempts,
        Optional<Instant> nextAttempt, Optional<String> reason, Optional<String> lastReply, Optional<String> sender,
        List<RecipientState> recipients, Optional<Instant> lastAttempt) {

    /** Copies the list. */
    public QueueItem {
        recipients = List.copyOf(recipients);
    }

    /** @return the forward-paths still to do (PENDING or DEFERRED) */
    public List<String> openRecipients() {
        return recipients.stream().filter(r -> !r.status().isFinal()).map(RecipientState::forwardPath).toList();
    }

    /** @return the forward-paths the relay accepted or that were refused for good: never sent to again */
    public List<String> finalRecipients() {
        return recipients.stream().filter(r -> r.status().isFinal()).map(RecipientState::forwardPath).toList();
    }

    /**
     * @param newState the state to show
     * @return this item in another state
     */
    public QueueItem in(ItemState newState) {
        return new QueueItem(id, newState, submission, created, attempts, nextAttempt, reason, lastReply, sender,
                recipients, lastAttempt);
    }
}
