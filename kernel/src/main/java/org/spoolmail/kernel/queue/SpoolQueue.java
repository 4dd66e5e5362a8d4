package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentHandle;

/**
 * The durable queue the spool server drains. Every item is in exactly one {@link ItemState} at any instant, and each
 * change is durable when the method returns, so a crash loses nothing and a restart never resends to a recipient
 * whose result was recorded. Implementations are thread-safe: several workers claim and record at once, and
 * operator commands may act from another process. The signatures avoid file-system types so that a broker-backed
 * queue (JMS) can implement the same interface; {@code SpoolQueueContract} is the test every implementation passes.
 */
public interface SpoolQueue {

    /**
     * Puts an item into the queue directly (not through a drop folder), e.g. mail {@code send} could not deliver.
     *
     * @param id the queue ID to give it
     * @param submission what was submitted; its user ID must already be established
     * @param content the octets, read to their end
     * @param state INCOMING, DEFERRED or HELD
     * @param reason why it is deferred or held; empty for INCOMING
     * @throws IOException if it cannot be stored; nothing is then in the queue
     */
    default void submit(String id, Submission submission, InputStream content, ItemState state,
            Optional<String> reason) throws IOException {
        submit(new QueueItem(id, state, submission, java.time.Instant.EPOCH, 0, Optional.empty(), reason,
                Optional.empty(), Optional.empty(), List.of(), Optional.empty()), content);
    }

    /**
     * Puts an item into the queue directly with what is already known of it: {@code send}'s held and deferred mail,
     * with the sender and each recipient's result of its attempt, so that a release or retry never sends to a
     * recipient the relay already accepted.
     *
     * @param item the item: its ID, state (INCOMING, DEFERRED or HELD), submission, reason, last reply, sender and
     *     recipients; its creation and next-attempt times are set to now, its attempt count kept
     * @param content the octets, read to their end
     * @throws IOException if it cannot be stored; nothing is then in the queue
     * @throws IllegalArgumentException if the state is ACTIVE
     */
    void submit(QueueItem item, InputStream content) throws IOException;

    /**
     * Takes what submitters dropped since the last call into the queue as INCOMING items (a drop that cannot be
     * taken is held or refused per the implementation, with its reason).
     *
     * @return the IDs of the items taken in
     * @throws IOException if the drop folder cannot be read
     */
    List<String> pickup() throws IOException;

    /**
     * @return the drops {@link #pickup()} and {@link #recover()} refused since the last call, each reported once (a
     *     file that is not a drop file, a bad header field, a link); none for a queue without drops
     */
    default List<RefusedDrop> refusedDrops() {
        return List.of();
    }

    /**
     * Whether an item whose work failed in the queue itself (an I/O error, a broker's transaction cut off by a
     * failover) goes back to the queue by itself: a broker rolls the claim back and gives the item again, so the
     * worker must leave it there rather than hold it. A directory spool does not: its worker holds the item.
     *
     * @return true for a queue whose claims are transactions the queue rolls back
     */
    default boolean redeliversAfterFailure() {
        return false;
    }

    /**
     * Looks again for items other processes made ready (operator commands), for a queue that keeps an index.
     *
     * @throws IOException if the queue cannot be read
     */
    default void refresh() throws IOException {
    }

    /**
     * Moves active items (left by a server that stopped without finishing them) back to incoming, keeping their
     * recipient results. Called once when a server starts.
     *
     * @return how many were moved
     * @throws IOException if the queue cannot be read
     */
    int recover() throws IOException;

    /**
     * Claims the next item to work on: an incoming one, else a deferred one whose next attempt is due. Only one
     * claimer gets a given item.
     *
     * @param now the time deferred items are compared with
     * @return the item, now ACTIVE with its attempt count raised by one; empty when none is ready
     * @throws IOException if the queue cannot be read
     */
    Optional<QueueItem> claim(Instant now) throws IOException;

    /**
     * Records an active item's sender and per-recipient results durably; called as soon as the relay's final reply
     * to the data is known, since a crash before it returns means those recipients get the message again
     * (RFC 1047). An item whose every recipient is final is removed.
     *
     * @param id the active item
     * @param sender the reverse-path the attempt used
     * @param recipients every forward-path and where it stands
     * @param lastReply the deciding reply, one line, if any
     * @return true if the item was removed because every recipient is final
     * @throws IOException if it cannot be recorded
     */
    boolean record(String id, String sender, List<RecipientState> recipients, Optional<String> lastReply)
            throws IOException;

    /**
     * Removes an item that is done (its audit record says how), in whatever state it is.
     *
     * @param id the item
     * @return true if it was there
     * @throws IOException if it cannot be removed
     */
    boolean remove(String id) throws IOException;

    /**
     * Defers an active item until {@code next}.
     *
     * @param id the active item
     * @param next when it is due again
     * @param reason why, one line
     * @throws IOException if it cannot be moved
     */
    void defer(String id, Instant next, String reason) throws IOException;

    /**
     * Holds an item for an operator.
     *
     * @param id the item (active, incoming or deferred)
     * @param reason what to fix, one line
     * @throws IOException if it cannot be moved
     */
    void hold(String id, String reason) throws IOException;

    /**
     * Moves a held item back to incoming ({@code queue release}).
     *
     * @param id the held item
     * @return false if there is no held item of that ID
     * @throws IOException if it cannot be moved
     */
    boolean release(String id) throws IOException;

    /**
     * Makes a deferred item due now ({@code queue retry}).
     *
     * @param id the deferred item
     * @return false if there is no deferred item of that ID
     * @throws IOException if it cannot be moved
     */
    boolean retry(String id) throws IOException;

    /**
     * @param id a queue ID
     * @return the item, in whatever state it is
     * @throws IOException if the queue cannot be read
     */
    Optional<QueueItem> show(String id) throws IOException;

    /**
     * @return every item, oldest first
     * @throws IOException if the queue cannot be read
     */
    List<QueueItem> list() throws IOException;

    /**
     * What submitters dropped that the server has not taken in yet ({@code spoolmail queue} lists them as incoming):
     * each drop's name as its ID, its owner as the established submitter, its header's claims.
     *
     * @return every such drop, oldest first; none for a queue without a drop folder
     * @throws IOException if the drop folder cannot be read (a user who is not the service account may not list it)
     */
    default List<QueueItem> drops() throws IOException {
        return List.of();
    }

    /**
     * @return the number of items in each state, counted without reading them
     * @throws IOException if the queue cannot be read
     */
    Map<ItemState, Integer> counts() throws IOException;

    /**
     * @param id an item
     * @return its octets, as submitted
     * @throws IOException if it has none
     */
    ContentHandle content(String id) throws IOException;

    /**
     * @return when the earliest deferred item is due; empty when none is deferred
     */
    Optional<Instant> nextDue();
}
