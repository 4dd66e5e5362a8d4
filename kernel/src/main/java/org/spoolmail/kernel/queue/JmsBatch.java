package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Items of one input submitted to a JMS spool together ({@link JmsSpool#batch()}): all are queued in one
 * transaction at {@link #commit()}, or none is. Not thread-safe: one submitter fills and commits it.
 */
public final class JmsBatch {

    private final JmsSubmitter submitter;
    private final List<JmsSubmitter.Pending> items = new ArrayList<>();

    JmsBatch(JmsSubmitter submitter) {
        this.submitter = submitter;
    }

    /**
     * @param id the queue ID, also the item's duplicate-detection ID
     * @param submission what was submitted
     * @param content the octets, read to their end now
     * @throws IOException if the content cannot be read
     * @throws ItemTooLargeException if it has more octets than the spool's maximum item size
     */
    public void add(String id, Submission submission, InputStream content) throws IOException {
        items.add(submitter.pending(id, submission, content, ItemState.INCOMING, Optional.empty()));
    }

    /** @throws IOException if the broker did not take them; then none is queued */
    public void commit() throws IOException {
        submitter.send(items);
        items.clear();
    }
}
