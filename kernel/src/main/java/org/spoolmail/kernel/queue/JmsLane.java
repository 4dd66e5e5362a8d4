package org.spoolmail.kernel.queue;

import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * One transacted session with its producer and its consumer of incoming items. A claimed item keeps its lane until
 * it is recorded, deferred, held or removed, since the message it came in is consumed only when that session
 * commits: if the process dies first, the broker gives the item to another instance. A session is used by one
 * thread at a time (the dispatcher that claims, then the worker that finishes), as Jakarta Messaging requires.
 */
final class JmsLane implements AutoCloseable {

    final Session session;
    final Map<ItemState, Queue> queues;
    private final MessageProducer producer;
    private final MessageConsumer incoming;

    JmsLane(Connection connection, JmsDestinations names) throws JMSException {
        this.session = connection.createSession(true, Session.SESSION_TRANSACTED);
        this.queues = names.of(session);
        this.producer = session.createProducer(null);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        this.incoming = session.createConsumer(queues.get(ItemState.INCOMING));
    }

    Message nextIncoming() throws JMSException {
        return incoming.receiveNoWait();
    }

    /** @return the first message of {@code state}'s queue the selector matches, taken in this transaction */
    Message take(ItemState state, String selector) throws JMSException {
        try (MessageConsumer c = session.createConsumer(queues.get(state), selector)) {
            return c.receiveNoWait();
        }
    }

    void send(ItemState state, Message m) throws JMSException {
        producer.send(queues.get(state), m);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (JMSException e) {
            // closing rolls back what was not committed; the broker redelivers it, which is the point
        }
    }
}
