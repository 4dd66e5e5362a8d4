package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * The operator's changes on a JMS spool ({@code queue release}, {@code retry}, {@code hold}, {@code purge}) and a
 * starting server's recovery: each finds its item by selector ({@code sm_id = 'ID'}), consumes it and sends its
 * successor in the other state's queue in one transaction, so the item is never in two queues or none.
 */
final class JmsMoves {

    private final JmsLanes lanes;

    JmsMoves(JmsLanes lanes) {
        this.lanes = lanes;
    }

    /** @return how many items left in {@code NAME.active} went back to incoming, results kept */
    int recover() throws IOException {
        int moved = 0;
        while (lanes.run(lane -> move(lane, ItemState.ACTIVE, null, ItemState.INCOMING, Optional.empty()))) {
            moved++;
        }
        return moved;
    }

    boolean release(String id) throws IOException {
        return lanes.run(lane -> move(lane, ItemState.HELD, id, ItemState.INCOMING, Optional.empty()));
    }

    boolean retry(String id) throws IOException {
        return lanes.run(lane -> move(lane, ItemState.DEFERRED, id, ItemState.INCOMING, Optional.empty()));
    }

    /** @return false if no unclaimed incoming, deferred or active item has that ID */
    boolean hold(String id, String reason) throws IOException {
        for (ItemState s : List.of(ItemState.INCOMING, ItemState.DEFERRED, ItemState.ACTIVE)) {
            if (lanes.run(lane -> move(lane, s, id, ItemState.HELD, Optional.of(reason)))) {
                return true;
            }
        }
        return false;
    }

    /** @return false if no unclaimed item has that ID */
    boolean remove(String id) throws IOException {
        for (ItemState s : ItemState.values()) {
            if (lanes.run(lane -> lane.take(s, JmsItems.selector(id)) != null)) {
                return true;
            }
        }
        return false;
    }

    /** Moves one item (the first of {@code from} when {@code id} is null) within the lane's transaction. */
    private static boolean move(JmsLane lane, ItemState from, String id, ItemState to, Optional<String> reason)
            throws JMSException {
        Message m = lane.take(from, id == null ? null : JmsItems.selector(id));
        if (m == null) {
            return false;
        }
        QueueItem w = JmsItems.item(m, from);
        QueueItem next = new QueueItem(w.id(), to, w.submission(), w.created(), w.attempts(),
                Optional.<Instant>empty(), reason.or(w::reason), w.lastReply(), w.sender(), w.recipients(),
                w.lastAttempt());
        lane.send(to, JmsItems.message(lane.session, next, JmsItems.content(m)));
        return true;
    }
}
