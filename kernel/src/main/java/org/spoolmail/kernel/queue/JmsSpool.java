package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.kernel.config.JmsSpoolConfig;

/**
 * The spool as queues on a message broker (Jakarta Messaging 3.x; see {@link JmsDestinations} for the queues), so
 * that any number of spoolmail instances on any number of hosts drain one spool. Every state change is one local
 * transaction: the message of the item's old state is consumed and its successor sent, then the session commits;
 * so an item is always in exactly one queue, and a redelivered item carries the recipient results of its last
 * commit. A claim holds its message uncommitted in its own session ({@link JmsClaims}); an instance that dies loses
 * its connection, and the broker gives the item to another instance at once. Operator commands move items by
 * selector ({@link JmsMoves}) and look by browsing ({@link JmsBrowser}).
 */
public final class JmsSpool implements SpoolQueue, AutoCloseable {

    private final Connection connection;
    private final JmsSubmitter submitter;
    private final JmsLanes lanes;
    private final JmsClaims claims;
    private final JmsMoves moves;
    private final JmsBrowser browser;

    private JmsSpool(Connection connection, JmsDestinations names, Clock clock, long maxItemOctets) {
        this.connection = connection;
        this.lanes = new JmsLanes(connection, names);
        this.submitter = new JmsSubmitter(lanes::run, clock, maxItemOctets);
        this.claims = new JmsClaims(lanes, names);
        this.moves = new JmsMoves(lanes);
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
     * @return the spool, connected, taking items up to {@link JmsSpoolConfig#DEFAULT_MAX_ITEM_OCTETS}
     * @throws IOException if the broker cannot be reached or refuses the credentials
     */
    public static JmsSpool open(ConnectionFactory factory, Optional<JmsCredentials> credentials, String queue,
            Clock clock) throws IOException {
        return open(factory, credentials, queue, clock, JmsSpoolConfig.DEFAULT_MAX_ITEM_OCTETS);
    }

    /**
     * Connects to the broker.
     *
     * @param factory the provider's connection factory
     * @param credentials user and password, or empty for an anonymous connection
     * @param queue the spool's queue name
     * @param clock the clock of creation and next-attempt times
     * @param maxItemOctets the largest item {@code submit} takes: an item is one message that submitters and
     *     instances hold in memory whole, so its size is bounded by the heap they are given
     * @return the spool, connected
     * @throws IOException if the broker cannot be reached or refuses the credentials
     */
    public static JmsSpool open(ConnectionFactory factory, Optional<JmsCredentials> credentials, String queue,
            Clock clock, long maxItemOctets) throws IOException {
        try {
            Connection c = credentials.isPresent()
                    ? factory.createConnection(credentials.get().user(), credentials.get().password())
                    : factory.createConnection();
            c.start();
            return new JmsSpool(c, new JmsDestinations(queue), clock, maxItemOctets);
        } catch (JMSException e) {
            throw JmsFailure.io("cannot connect to the broker", e);
        }
    }

    @Override
    public void submit(QueueItem item, InputStream content) throws IOException {
        if (item.state() == ItemState.ACTIVE) {
            throw new IllegalArgumentException("an item enters the queue incoming, deferred or held, not active");
        }
        submitter.send(List.of(submitter.pending(item, content)));
    }

    /**
     * Starts a submission of several items that are queued together in one transaction, or not at all: one
     * commit (one journal sync on the broker) for a whole datastream instead of one per transaction in it.
     *
     * @return the batch; nothing is queued before its {@link JmsBatch#commit()}
     */
    public JmsBatch batch() {
        return new JmsBatch(submitter);
    }

    @Override
    public List<String> pickup() {
        return List.of(); // submit sends straight to the broker: there is no drop folder to take in
    }

    @Override
    public int recover() throws IOException {
        // Items an instance left between a partial record and its deferral go back to incoming; claims of a dead
        // instance need nothing: the broker redelivers them when its connection goes.
        return moves.recover();
    }

    /** A claim is a transacted receive: when its commit fails (failover), the broker gives the item again. */
    @Override
    public boolean redeliversAfterFailure() {
        return true;
    }

    @Override
    public Optional<QueueItem> claim(Instant now) throws IOException {
        return claims.claim(now);
    }

    @Override
    public boolean record(String id, String sender, List<RecipientState> recipients, Optional<String> lastReply)
            throws IOException {
        return claims.record(id, sender, recipients, lastReply);
    }

    @Override
    public boolean remove(String id) throws IOException {
        Optional<JmsClaim> c = claims.get(id);
        if (c.isPresent()) {
            claims.finish(c.get(), null);
            return true;
        }
        return moves.remove(id);
    }

    @Override
    public void defer(String id, Instant next, String reason) throws IOException {
        JmsClaim c = claims.claimed(id);
        QueueItem w = c.item;
        claims.finish(c, new QueueItem(id, ItemState.DEFERRED, w.submission(), w.created(), w.attempts(),
                Optional.of(next), Optional.of(reason), w.lastReply(), w.sender(), w.recipients(), w.lastAttempt()));
    }

    @Override
    public void hold(String id, String reason) throws IOException {
        Optional<JmsClaim> c = claims.get(id);
        if (c.isPresent()) {
            QueueItem w = c.get().item;
            claims.finish(c.get(), new QueueItem(id, ItemState.HELD, w.submission(), w.created(), w.attempts(),
                    Optional.empty(), Optional.of(reason), w.lastReply(), w.sender(), w.recipients(),
                    w.lastAttempt()));
        } else if (!moves.hold(id, reason)) {
            throw new NoSuchFileException(id, null, "no such item");
        }
    }

    @Override
    public boolean release(String id) throws IOException {
        return moves.release(id);
    }

    @Override
    public boolean retry(String id) throws IOException {
        return moves.retry(id);
    }

    @Override
    public Optional<QueueItem> show(String id) throws IOException {
        Optional<JmsClaim> c = claims.get(id);
        return c.isPresent() ? Optional.of(c.get().item) : browser.find(id);
    }

    @Override
    public List<QueueItem> list() throws IOException {
        return browser.all(claims.held().stream().map(c -> c.item).toList());
    }

    @Override
    public Map<ItemState, Integer> counts() throws IOException {
        return browser.counts(claims.held());
    }

    @Override
    public ContentHandle content(String id) throws IOException {
        Optional<JmsClaim> c = claims.get(id);
        return ContentHandle.ofBytes(c.isPresent() ? c.get().content : browser.content(id));
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
        claims.close();
        lanes.close();
        try {
            connection.close();
        } catch (JMSException e) {
            // nothing left to save: what was not committed is the broker's again
        }
    }
}
