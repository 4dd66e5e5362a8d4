package org.spoolmail.kernel.queue;

import java.util.EnumMap;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * The four queues of a JMS spool, named after the configured one: {@code NAME} (incoming), {@code NAME.active}
 * (items with some recipients recorded, between the relay's reply and their deferral), {@code NAME.deferred} (with
 * their due time in a property) and {@code NAME.held}, which is also the dead-letter queue a site points the
 * broker's dead-letter address at, so that a message the broker gave up on is an item an operator can release.
 * Deferred items are not sent with a JMS delivery delay: a QueueBrowser does not show a message before its delivery
 * time (Artemis keeps it aside as scheduled), so {@code queue list} and {@code queue retry} could not see them.
 */
record JmsDestinations(String base) {

    Map<ItemState, Queue> of(Session session) throws JMSException {
        Map<ItemState, Queue> m = new EnumMap<>(ItemState.class);
        for (ItemState s : ItemState.values()) {
            m.put(s, session.createQueue(name(s)));
        }
        return m;
    }

    String name(ItemState state) {
        return state == ItemState.INCOMING ? base : base + "." + state.label();
    }
}
