package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spoolmail.exits.mail.ContentHandle;

/**
 * The spool as queues on a message broker (Jakarta Messaging 3.x; see {@link JmsDestinations} for the queues), so
 * that any number of spoolmail instances on any number of hosts drain one spool. Every state change is one local
 * transaction: the message of the item's old state is consumed and its successor sent, then the session commits;
 * so an item is always in exactly one queue, and a redelivered item carries the recipient results of its last
 * commit. A claim holds its message uncommitted in its own session ({@link JmsLane}); an instance that dies loses
 * its connection, and the broker gives the item to another instance at once.
 */
public final class JmsSpool implements SpoolQueue, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JmsSpool.class);

    private final Connection connection;
    private final JmsDestinations names;
    private final Clock clock;
    private final ConcurrentLinkedQueue<JmsLane> idle = new ConcurrentLinkedQueue<>();
    private final Map<String, JmsClaim> claims = new ConcurrentHashMap<>();
    private final JmsBrowser browser;

    private JmsSpool(Connection connection, JmsDestinations names, Clock clock) {
        this.connection = connection;
        this.names = names;
        this.clock = clock;
        this.browser = new JmsBrowser(connection, names);
    }

    /**
     * Connects to the broker.
     *
     * @param factory the provider's connection factory
     * @param credentials user and password, or empty for an anonymous connection
     * @param queue the spool's queue name; its {@code .active}, {@code .deferred} and {@code .held} siblings
     *     are used too
     * @param clock the clock of creation and next-attempt times
     * @return the spool, connected
     * @throws IOException if the broker cannot be reached or refuses the credentials
     */
    public static JmsSpool open(ConnectionFactory factory, Optional<JmsCredentials> credentials, String queue,
            Clock clock) throws IOException {
        try {
            Connection c = credentials.isPresent()
                    ? factory.createConnection(credentials.get().user(), credentials.get().password())
                    : factory.createConnection();
            c.start();
            return new JmsSpool(c, new JmsDestinations(queue), clock);
        } catch (JMSException e) {
            throw JmsFailure.io("cannot connect to the broker", e);
        }
    }

    @Override
    public void submit(String id, Submission submission, InputStream content, ItemState state,
            Optional<String> reason) throws IOException {
        if (state == ItemState.ACTIVE) {
            throw new IllegalArgumentException("an item enters the queue incoming, deferred or held, not active");
        }
        new JmsSubmitter(this::withLane).send(List.of(pending(id, submission, content, state, reason)));
    }

    /**
     * Starts a submission of several items that are queued together in one transaction, or not at all: one
     * commit (one journal sync on the broker) for a whole datastream instead of one per transaction in it.
     *
     * @return the batch; nothing is queued before its {@link Batch#commit()}
     */
    public Batch batch() {
        return new Batch();
    }

    private JmsSubmitter.Pending pending(String id, Submission submission, InputStream content, ItemState state,
            Optional<String> reason) throws IOException {
        Instant now = clock.instant();
        QueueItem item = new QueueItem(id, state, submission, now, 0,
                state == ItemState.DEFERRED ? Optional.of(now) : Optional.empty(), reason, Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
        return new JmsSubmitter.Pending(item, content.readAllBytes());
    }

    /** Items submitted together ({@link #batch()}). */
    public final class Batch {
        private final List<JmsSubmitter.Pending> items = new java.util.ArrayList<>();

        private Batch() {
        }

        /**
         * @param id the queue ID, also the item's duplicate-detection ID
         * @param submission what was submitted
         * @param content the octets, read to their end now
         * @throws IOException if the content cannot be read
         */
        public void add(String id, Submission submission, InputStream content) throws IOException {
            items.add(pending(id, submission, content, ItemState.INCOMING, Optional.empty()));
        }

        /** @throws IOException if the broker did not take them; then none is queued */
        public void commit() throws IOException {
            new JmsSubmitter(JmsSpool.this::withLane).send(items);
            items.clear();
        }
    }

    @Override
    public List<String> pickup() {
        return List.of(); // submit sends straight to the broker: there is no drop folder to take in
    }

    @Override
    public int recover() throws IOException {
        // Items an instance left between a partial record and its deferral go back to incoming; claims of a dead
        // instance need nothing: the broker redelivers them when its connection goes.
        int moved = 0;
        while (withLane(lane -> move(lane, ItemState.ACTIVE, null, ItemState.INCOMING, Optional.empty(),
                Optional.empty()))) {
            moved++;
        }
        return moved;
    }

    @Override
    public Optional<QueueItem> claim(Instant now) throws IOException {
        JmsLane lane = borrow();
        try {
            ItemState from = ItemState.INCOMING;
            Message m = lane.nextIncoming();
            if (m == null) {
                from = ItemState.DEFERRED;
                m = lane.take(ItemState.DEFERRED, JmsItems.dueSelector(now));
            }
            if (m == null) {
                lane.session.rollback();
                idle.add(lane);
                return Optional.empty();
            }
            QueueItem was = JmsItems.item(m, from);
            JmsClaim earlier = claims.get(was.id());
            if (earlier != null && earlier.replaceLane(lane)) {
                // A failover rolled back the session of a claim a worker here still works on, and the broker gave
                // the item out again, to this instance: the worker's claim takes this delivery, so its commit
                // consumes it (a second claim of one item would leave one of the two deliveries held for ever).
                earlier.replaceLane(lane);
                return claim(now);
            }
            QueueItem claimed = new QueueItem(was.id(), ItemState.ACTIVE, was.submission(), was.created(),
                    was.attempts() + 1, Optional.empty(), was.reason(), was.lastReply(), was.sender(),
                    was.recipients(), Optional.of(now));
            claims.put(claimed.id(), new JmsClaim(lane, claimed, JmsItems.content(m)));
            return Optional.of(claimed);
        } catch (JMSException e) {
            // The broker is away (restarting, failing over): nothing can be claimed now. The server waits its poll
            // interval and claims again; the client reconnects meanwhile. The lane is discarded, rolling back.
            lane.close();
            LOG.warn("cannot claim an item from {}: {}", names.base(), e.toString());
            return Optional.empty();
        }
    }

    @Override
    public boolean record(String id, String sender, List<RecipientState> recipients, Optional<String> lastReply)
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

    @Override
    public boolean remove(String id) throws IOException {
        JmsClaim c = claims.get(id);
        if (c != null) {
            finish(c, null);
            return true;
        }
        for (ItemState s : ItemState.values()) {
            if (withLane(lane -> lane.take(s, JmsItems.selector(id)) != null)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void defer(String id, Instant next, String reason) throws IOException {
        JmsClaim c = claimed(id);
        QueueItem w = c.item;
        finish(c, new QueueItem(id, ItemState.DEFERRED, w.submission(), w.created(), w.attempts(), Optional.of(next),
                Optional.of(reason), w.lastReply(), w.sender(), w.recipients(), w.lastAttempt()));
    }

    @Override
    public void hold(String id, String reason) throws IOException {
        JmsClaim c = claims.get(id);
        if (c != null) {
            QueueItem w = c.item;
            finish(c, new QueueItem(id, ItemState.HELD, w.submission(), w.created(), w.attempts(), Optional.empty(),
                    Optional.of(reason), w.lastReply(), w.sender(), w.recipients(), w.lastAttempt()));
            return;
        }
        for (ItemState s : List.of(ItemState.INCOMING, ItemState.DEFERRED, ItemState.ACTIVE)) {
            if (withLane(lane -> move(lane, s, id, ItemState.HELD, Optional.of(reason), Optional.empty()))) {
                return;
            }
        }
        throw new NoSuchFileException(id, null, "no such item");
    }

    @Override
    public boolean release(String id) throws IOException {
        return withLane(lane -> move(lane, ItemState.HELD, id, ItemState.INCOMING, Optional.empty(),
                Optional.empty()));
    }

    @Override
    public boolean retry(String id) throws IOException {
        return withLane(lane -> move(lane, ItemState.DEFERRED, id, ItemState.INCOMING, Optional.empty(),
                Optional.empty()));
    }

    @Override
    public Optional<QueueItem> show(String id) throws IOException {
        JmsClaim c = claims.get(id);
        return c != null ? Optional.of(c.item) : browser.find(id);
    }

    @Override
    public List<QueueItem> list() throws IOException {
        return browser.all(claims.values().stream().filter(c -> !c.parked).map(c -> c.item).toList());
    }

    @Override
    public Map<ItemState, Integer> counts() throws IOException {
        Map<ItemState, Integer> counts = browser.counts();
        counts.merge(ItemState.ACTIVE, (int) claims.values().stream().filter(c -> !c.parked).count(), Integer::sum);
        return counts;
    }

    @Override
    public ContentHandle content(String id) throws IOException {
        JmsClaim c = claims.get(id);
        return ContentHandle.ofBytes(c != null ? c.content : browser.content(id));
    }

    @Override
    public Optional<Instant> nextDue() {
        try {
            return browser.nextDue();
        } catch (IOException e) {
            return Optional.empty(); // the server then waits its poll interval and asks again
        }
    }

    /** Closes the connection: claims not finished are rolled back, and the broker redelivers them. */
    @Override
    public void close() {
        claims.values().forEach(c -> c.lane.close());
        idle.forEach(JmsLane::close);
        try {
            connection.close();
        } catch (JMSException e) {
            // nothing left to save: what was not committed is the broker's again
        }
    }

    /** Consumes the claim's message (and its parked successor), sends {@code next} if any, commits. */
    private void finish(JmsClaim c, QueueItem next) throws IOException {
        synchronized (c) {
            finishLocked(c, next);
        }
    }

    private void finishLocked(JmsClaim c, QueueItem next) throws IOException {
        try {
            takeParked(c);
            if (next != null) {
                c.lane.send(next.state(), JmsItems.message(c.lane.session, next, c.content));
            }
            c.lane.session.commit();
            c.ended = true;
            claims.remove(c.item.id(), c);
            idle.add(c.lane);
        } catch (JMSException e) {
            drop(c);
            throw JmsFailure.io("cannot finish " + c.item.id(), e);
        }
    }

    private void takeParked(JmsClaim c) throws JMSException {
        if (c.parked && c.lane.take(ItemState.ACTIVE, JmsItems.selector(c.item.id())) == null) {
            // Another instance's recover() moved it back to incoming meanwhile: it is retried from there, with
            // the results recorded, so nothing is sent twice; this instance must not send a second copy.
            throw new JMSException(c.item.id() + " was recovered by another instance");
        }
    }

    /** Moves one item (the first of {@code from} when {@code id} is null) in one transaction. */
    private static boolean move(JmsLane lane, ItemState from, String id, ItemState to, Optional<String> reason,
            Optional<Instant> due) throws JMSException {
        Message m = id == null ? lane.take(from, null) : lane.take(from, JmsItems.selector(id));
        if (m == null) {
            return false;
        }
        QueueItem w = JmsItems.item(m, from);
        QueueItem next = new QueueItem(w.id(), to, w.submission(), w.created(), w.attempts(), due,
                reason.or(w::reason), w.lastReply(), w.sender(), w.recipients(), w.lastAttempt());
        lane.send(to, JmsItems.message(lane.session, next, JmsItems.content(m)));
        return true;
    }

    private JmsClaim claimed(String id) throws IOException {
        JmsClaim c = claims.get(id);
        if (c == null) {
            throw new NoSuchFileException(id, null, "not claimed by this instance");
        }
        return c;
    }

    private void drop(JmsClaim c) {
        c.ended = true;
        claims.remove(c.item.id(), c);
        c.lane.close();
    }

    private JmsLane borrow() throws IOException {
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

    /** Runs one transaction on a pooled lane: commits after {@code work}, rolls back and discards it on failure. */
    <T> T withLane(JmsWork<T> work) throws IOException {
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

    /** A transaction's work. */
    interface JmsWork<T> {
        T run(JmsLane lane) throws JMSException;
    }
}
