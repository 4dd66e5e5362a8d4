package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;

/**
 * The operator's view of a JMS spool: browsing never takes a message, so listing a spool that instances are
 * draining changes nothing. A claimed item is not visible to browsers while its session holds it; the claiming
 * instance adds its own claims, and other instances' claims are simply not listed.
 */
final class JmsBrowser {

    private final Connection connection;
    private final JmsDestinations names;

    JmsBrowser(Connection connection, JmsDestinations names) {
        this.connection = connection;
        this.names = names;
    }

    Optional<QueueItem> find(String id) throws IOException {
        for (ItemState s : ItemState.values()) {
            List<Message> found = browse(s, JmsItems.selector(id), 1);
            if (!found.isEmpty()) {
                return Optional.of(item(found.get(0), s));
            }
        }
        return Optional.empty();
    }

    byte[] content(String id) throws IOException {
        for (ItemState s : ItemState.values()) {
            List<Message> found = browse(s, JmsItems.selector(id), 1);
            if (!found.isEmpty()) {
                try {
                    return JmsItems.content(found.get(0));
                } catch (JMSException e) {
                    throw JmsFailure.io("cannot read " + id, e);
                }
            }
        }
        throw new java.nio.file.NoSuchFileException(id, null, "no such item");
    }

    List<QueueItem> all(List<QueueItem> claimedHere) throws IOException {
        List<QueueItem> all = new ArrayList<>(claimedHere);
        for (ItemState s : ItemState.values()) {
            for (Message m : browse(s, null, Integer.MAX_VALUE)) {
                all.add(item(m, s));
            }
        }
        all.sort(Comparator.comparing(QueueItem::created).thenComparing(QueueItem::id));
        return all;
    }

    /**
     * Counts each queue's items: Artemis tells a queue's message count in one round trip, without sending a single
     * message (browsing 10,000 items to count them took seconds per status line); other providers are browsed.
     * A broker's count includes the messages consumers hold uncommitted, so this instance's own claims are moved
     * from the queue they came from to ACTIVE; other instances' claims stay counted where their message is.
     *
     * @param heldHere the claims this instance holds uncommitted
     */
    Map<ItemState, Integer> counts(List<JmsClaim> heldHere) throws IOException {
        Map<ItemState, Integer> counts = new EnumMap<>(ItemState.class);
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            boolean counted = session instanceof ActiveMQSession;
            for (ItemState s : ItemState.values()) {
                counts.put(s, counted ? messageCount((ActiveMQSession) session, s)
                        : browse(s, null, Integer.MAX_VALUE).size());
            }
            if (counted) {
                heldHere.forEach(c -> counts.merge(c.from, -1, Integer::sum));
            }
        } catch (JMSException | ActiveMQException e) {
            throw new IOException("cannot count the items of " + names.base() + ": " + e.getMessage(), e);
        }
        counts.merge(ItemState.ACTIVE, heldHere.size(), Integer::sum);
        return counts;
    }

    private int messageCount(ActiveMQSession session, ItemState state) throws ActiveMQException {
        ClientSession.QueueQuery q = session.getCoreSession().queueQuery(SimpleString.of(names.name(state)));
        return q.isExists() ? (int) q.getMessageCount() : 0;
    }

    Optional<Instant> nextDue() throws IOException {
        Optional<Instant> first = Optional.empty();
        for (Message m : browse(ItemState.DEFERRED, null, Integer.MAX_VALUE)) {
            try {
                Instant due = Instant.ofEpochMilli(m.getLongProperty(JmsItems.DUE));
                first = first.isEmpty() || due.isBefore(first.get()) ? Optional.of(due) : first;
            } catch (JMSException | NumberFormatException e) {
                return Optional.of(Instant.EPOCH); // no due time: due now, so a claim takes it and it is seen
            }
        }
        return first;
    }

    private QueueItem item(Message m, ItemState s) throws IOException {
        try {
            return JmsItems.item(m, s);
        } catch (JMSException e) {
            throw JmsFailure.io("cannot read an item of " + names.name(s), e);
        }
    }

    private List<Message> browse(ItemState state, String selector, int max) throws IOException {
        List<Message> found = new ArrayList<>();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                QueueBrowser b = session.createBrowser(session.createQueue(names.name(state)), selector)) {
            Enumeration<?> e = b.getEnumeration();
            while (e.hasMoreElements() && found.size() < max) {
                found.add((Message) e.nextElement());
            }
            return found;
        } catch (JMSException e) {
            throw JmsFailure.io("cannot browse " + names.name(state), e);
        }
    }
}
