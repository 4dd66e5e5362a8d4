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

    Map<ItemState, Integer> counts() throws IOException {
        Map<ItemState, Integer> counts = new EnumMap<>(ItemState.class);
        for (ItemState s : ItemState.values()) {
            counts.put(s, browse(s, null, Integer.MAX_VALUE).size());
        }
        return counts;
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
