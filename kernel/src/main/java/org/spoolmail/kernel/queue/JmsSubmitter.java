package org.spoolmail.kernel.queue;

import java.io.IOException;

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

    JmsSubmitter(Transactions transactions) {
        this.transactions = transactions;
    }

    void send(QueueItem item, byte[] content) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                transactions.run(lane -> {
                    Message m = JmsItems.message(lane.session, item, content);
                    m.setStringProperty(JmsItems.DUPLICATE_ID, item.id());
                    lane.send(item.state(), m);
                    return null;
                });
                return;
            } catch (IOException e) {
                if (attempt > 1 && duplicate(e)) {
                    return; // the earlier attempt's commit went through after all
                }
                last = e;
            }
        }
        throw last;
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

    /** One committed transaction on a pooled session ({@link JmsSpool#withLane}). */
    interface Transactions {
        <T> T run(JmsSpool.JmsWork<T> work) throws IOException;
    }
}
