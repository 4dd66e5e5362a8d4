package org.spoolmail.kernel.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

/**
 * How a queue item travels as a JMS message: the submitted octets are the body of a {@link BytesMessage}; the item
 * (submission, attempts, per-recipient results) is the same key-value text the directory spool keeps in its state
 * file, in a string property, so that a consumer that takes the message takes the whole item with it, and sending
 * an updated successor in the same local transaction replaces it atomically.
 */
final class JmsItems {

    /** The queue ID, for selectors ({@code sm_id = 'ID'}). */
    static final String ID = "sm_id";
    /** The item text ({@link ItemFile}). */
    static final String ITEM = "sm_item";
    /** A deferred item's next attempt, epoch milliseconds, for the due selector. */
    static final String DUE = "sm_due";
    /** Artemis's duplicate-detection property: a submit retried after an unknown commit outcome is queued once. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private JmsItems() {
    }

    static BytesMessage message(Session session, QueueItem item, byte[] content) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(content);
        m.setStringProperty(ID, item.id());
        m.setStringProperty(ITEM, new String(ItemFile.write(item), StandardCharsets.UTF_8));
        if (item.nextAttempt().isPresent() && item.state() == ItemState.DEFERRED) {
            m.setLongProperty(DUE, item.nextAttempt().get().toEpochMilli());
        }
        return m;
    }

    static QueueItem item(Message m, ItemState state) throws JMSException {
        String id = m.getStringProperty(ID);
        String text = m.getStringProperty(ITEM);
        if (id == null || text == null) {
            // Not written by spoolmail (or a broker dead letter stripped of it): shown, never guessed at.
            throw new JMSException("message " + m.getJMSMessageID() + " is not a spoolmail item (no " + ITEM + ")");
        }
        QueueItem item = ItemFile.read(text.getBytes(StandardCharsets.UTF_8), state, id);
        if (state == ItemState.HELD && item.state() != ItemState.HELD && item.reason().isEmpty()) {
            return withReason(item, "dead letter: the broker gave up after " + deliveries(m) + " deliveries");
        }
        return item;
    }

    static byte[] content(Message m) throws JMSException {
        byte[] body = m.getBody(byte[].class); // a copy each call: take it once
        return body == null ? new byte[0] : body;
    }

    /**
     * @param id a queue ID
     * @return the selector of that item; IDs are quoted per the JMS selector grammar ('' for ')
     */
    static String selector(String id) {
        return ID + " = '" + id.replace("'", "''") + "'";
    }

    static String dueSelector(Instant now) {
        return DUE + " <= " + now.toEpochMilli();
    }

    private static int deliveries(Message m) {
        try {
            return m.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException | NumberFormatException e) {
            return 0;
        }
    }

    private static QueueItem withReason(QueueItem i, String reason) {
        return new QueueItem(i.id(), i.state(), i.submission(), i.created(), i.attempts(), i.nextAttempt(),
                Optional.of(reason), i.lastReply(), i.sender(), i.recipients(), i.lastAttempt());
    }
}
