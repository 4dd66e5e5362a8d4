package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consuming side of a JMS spool: the items this instance claimed, each held by the uncommitted receive of its
 * own lane until it is recorded, deferred, held or removed, whose commit consumes the message and sends its
 * successor (if any) at once. One commit per item is the durable record the RFC 1047 window ends with.
 */
final class JmsClaims {

    private static final Logger LOG = LoggerFactory.getLogger(JmsClaims.class);

    private final JmsLanes lanes;
    private final JmsDestinations names;
    private final Map<String, JmsClaim> claims = new ConcurrentHashMap<>();

    JmsClaims(JmsLanes lanes, JmsDestinations names) {
        this.lanes = lanes;
        this.names = names;
    }

    Optional<QueueItem> claim(Instant now) throws IOException {
        JmsLane lane = lanes.borrow();
        try {
            ItemState from = ItemState.INCOMING;
            Message m = lane.nextIncoming();
            if (m == null) {
                from = ItemState.DEFERRED;
                m = lane.take(ItemState.DEFERRED, JmsItems.dueSelector(now));
            }
            if (m == null) {
                lane.session.rollback();
                lanes.giveBack(lane);
                return Optional.empty();
            }
            QueueItem was = JmsItems.item(m, from);
            JmsClaim earlier = claims.get(was.id());
            if (earlier != null && earlier.replaceLane(lane)) {
                // A failover rolled back the session of a claim a worker here still works on, and the broker gave
                // the item out again, to this instance: the worker's claim takes this delivery, so its commit
                // consumes it (a second claim of one item would leave one of the two deliveries held for ever).
                return claim(now);
            }
            QueueItem claimed = new QueueItem(was.id(), ItemState.ACTIVE, was.submission(), was.created(),
                    was.attempts() + 1, Optional.empty(), was.reason(), was.lastReply(), was.sender(),
                    was.recipients(), Optional.of(now));
            claims.put(claimed.id(), new JmsClaim(lane, from, claimed, JmsItems.content(m)));
            return Optional.of(claimed);
        } catch (JMSException e) {
            // The broker is away (restarting, failing over): nothing can be claimed now. The server waits its poll
            // interval and claims again; the client reconnects meanwhile. The lane is discarded, rolling back.
            lane.close();
            LOG.warn("cannot claim an item from {}: {}", names.base(), e.toString());
            return Optional.empty();
        }
    }

    /** @return the claim of that ID, if this instance holds one */
    Optional<JmsClaim> get(String id) {
        return Optional.ofNullable(claims.get(id));
    }

    /** @return the claims whose message is held uncommitted (not yet parked in {@code NAME.active}) */
    List<JmsClaim> held() {
        return claims.values().stream().filter(c -> !c.parked).toList();
    }

    boolean record(String id, String sender, List<RecipientState> recipients, Optional<String> lastReply)
            throws IOException {
        JmsClaim c = claimed(id);
        QueueItem was = c.item;
        QueueItem now = new QueueItem(id, ItemState.ACTIVE, was.submission(), was.created(), was.attempts(),
                Optional.empty(), was.reason(), lastReply.or(was::lastReply), Optional.of(sender), recipients,
                was.lastAttempt());
        if (now.openRecipients().isEmpty()) {
            finish(c, null);
            return true;
        }
        // Some recipients are still open: the results go to the broker now (the RFC 1047 window stays short), as a
        // successor parked in NAME.active until the worker defers or holds it in the next transaction.
        synchronized (c) {
            try {
                takeParked(c);
                c.lane.send(ItemState.ACTIVE, JmsItems.message(c.lane.session, now, c.content));
                c.lane.session.commit();
                c.item = now;
                c.parked = true;
                return false;
            } catch (JMSException e) {
                drop(c);
                throw JmsFailure.io("cannot record " + id, e);
            }
        }
    }

    /** Ends a claim: the item goes to {@code next}'s state as {@code next}, or is removed when it is null. */
    void finish(JmsClaim c, QueueItem next) throws IOException {
        synchronized (c) {
            try {
                takeParked(c);
                if (next != null) {
                    c.lane.send(next.state(), JmsItems.message(c.lane.session, next, c.content));
                }
                c.lane.session.commit();
                c.ended = true;
                claims.remove(c.item.id(), c);
                lanes.giveBack(c.lane);
            } catch (JMSException e) {
                drop(c);
                throw JmsFailure.io("cannot finish " + c.item.id(), e);
            }
        }
    }

    JmsClaim claimed(String id) throws IOException {
        JmsClaim c = claims.get(id);
        if (c == null) {
            throw new NoSuchFileException(id, null, "not claimed by this instance");
        }
        return c;
    }

    /** Closes every claim's lane: the broker gets their items back. */
    void close() {
        Collection<JmsClaim> all = claims.values();
        all.forEach(c -> c.lane.close());
    }

    private void takeParked(JmsClaim c) throws JMSException {
        if (c.parked && c.lane.take(ItemState.ACTIVE, JmsItems.selector(c.item.id())) == null) {
            // Another instance's recover() moved it back to incoming meanwhile: it is retried from there, with
            // the results recorded, so nothing is sent twice; this instance must not send a second copy.
            throw new JMSException(c.item.id() + " was recovered by another instance");
        }
    }

    private void drop(JmsClaim c) {
        c.ended = true;
        claims.remove(c.item.id(), c);
        c.lane.close();
    }
}
