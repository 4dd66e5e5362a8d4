package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Sends a new item in its own transaction, with the queue ID as Artemis's duplicate-detection ID. When a commit's
 * outcome is unknown (the broker failed over or restarted while it ran) the send is tried again with the same ID:
 * had the first commit gone through, the broker refuses the second as a duplicate, so the item is queued exactly
 * once either way. Other providers ignore the property; their retried submit may then queue an item twice, which the
 * relay sees as one more copy, never as a loss.
 */
final class JmsSubmitter {

    private static final int ATTEMPTS = 3;

    private final Transactions transactions;
    private final Clock clock;
    private final long maxItemOctets;

    JmsSubmitter(Transactions transactions, Clock clock, long maxItemOctets) {
        this.transactions = transactions;
        this.clock = clock;
        this.maxItemOctets = maxItemOctets;
    }

    /**
     * Reads an item's octets, up to the spool's bound and no further.
     *
     * @throws ItemTooLargeException if it has more octets than the bound
     */
    Pending pending(String id, Submission submission, InputStream content, ItemState state, Optional<String> reason)
            throws IOException {
        return pending(new QueueItem(id, state, submission, Instant.EPOCH, 0, Optional.empty(), reason,
                Optional.empty(), Optional.empty(), List.of(), Optional.empty()), content);
    }

    /**
     * Reads an item's octets as {@link #pending(String, Submission, InputStream, ItemState, Optional)} does, for an
     * item that enters with what is known of it (send's held mail: sender, recipient states, last reply).
     *
     * @throws ItemTooLargeException if it has more octets than the bound
     */
    Pending pending(QueueItem entering, InputStream content) throws IOException {
        Instant now = clock.instant();
        String id = entering.id();
        ItemState state = entering.state();
        QueueItem item = new QueueItem(id, state, entering.submission(), now, entering.attempts(),
                state == ItemState.DEFERRED ? Optional.of(now) : Optional.empty(), entering.reason(),
                entering.lastReply(), entering.sender(), entering.recipients(), entering.lastAttempt());
        byte[] octets = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxItemOctets + 1));
        if (octets.length > maxItemOctets) {
            // Refused before the rest is read: the bound exists so that no item can exhaust the heap.
            throw new ItemTooLargeException("item " + id + " is larger than the JMS spool's max-item-size of "
                    + maxItemOctets + " octets (each item travels as one message held in memory); send it with"
                    + " 'spoolmail send', or raise spool.max-item-size together with the heap of submitters and"
                    + " spool instances");
        }
        return new Pending(item, octets);
    }

    /** Sends the items in one transaction: all are queued, or none. */
    void send(List<Pending> items) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                transactions.run(lane -> {
                    for (Pending p : items) {
                        Message m = JmsItems.message(lane.session, p.item(), p.content());
                        m.setStringProperty(JmsItems.DUPLICATE_ID, p.item().id());
                        lane.send(p.item().state(), m);
                    }
                    return null;
                });
                return;
            } catch (IOException e) {
                if (duplicate(e)) {
                    return; // an earlier commit of these IDs went through after all: they are queued
                }
                last = e;
            }
        }
        throw last;
    }

    /** An item to send with its octets. */
    record Pending(QueueItem item, byte[] content) {
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("Duplicate") || String.valueOf(t.getMessage())
                    .contains("Duplicate message detected")) {
                return true;
            }
        }
        return false;
    }

    /** One committed transaction on a pooled session ({@link JmsLanes#run}). */
    interface Transactions {
        <T> T run(JmsLanes.JmsWork<T> work) throws IOException;
    }
}
