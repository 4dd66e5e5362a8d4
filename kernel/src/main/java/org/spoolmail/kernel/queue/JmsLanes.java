package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

/**
 * The pool of transacted sessions ({@link JmsLane}) of one connection. Creating a session, its producer and its
 * consumer costs several round trips to the broker, so a lane is made once and used for transaction after
 * transaction; one that failed is closed instead (its uncommitted work goes back to the broker) and a fresh one is
 * made when next needed.
 */
final class JmsLanes implements AutoCloseable {

    private final Connection connection;
    private final JmsDestinations names;
    private final ConcurrentLinkedQueue<JmsLane> idle = new ConcurrentLinkedQueue<>();

    JmsLanes(Connection connection, JmsDestinations names) {
        this.connection = connection;
        this.names = names;
    }

    /** @return an idle lane, or a new one; the caller gives it back with {@link #giveBack} or closes it */
    JmsLane borrow() throws IOException {
        JmsLane lane = idle.poll();
        if (lane != null) {
            return lane;
        }
        try {
            return new JmsLane(connection, names);
        } catch (JMSException e) {
            throw JmsFailure.io("cannot open a session", e);
        }
    }

    /** @param lane a lane whose transaction is committed or rolled back */
    void giveBack(JmsLane lane) {
        idle.add(lane);
    }

    /** Runs one transaction on a pooled lane: commits after {@code work}, rolls back and discards it on failure. */
    <T> T run(JmsWork<T> work) throws IOException {
        JmsLane lane = borrow();
        try {
            T result = work.run(lane);
            lane.session.commit();
            idle.add(lane);
            return result;
        } catch (JMSException e) {
            lane.close();
            throw JmsFailure.io("broker operation failed", e);
        }
    }

    @Override
    public void close() {
        idle.forEach(JmsLane::close);
        idle.clear();
    }

    /** A transaction's work. */
    interface JmsWork<T> {
        T run(JmsLane lane) throws JMSException;
    }
}
