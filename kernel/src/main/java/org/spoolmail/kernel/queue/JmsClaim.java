package org.spoolmail.kernel.queue;

/**
 * An item this instance claimed, with the lane whose uncommitted receive holds it. Its worker and the dispatcher
 * (which may hand it a new delivery after a failover) synchronize on it.
 */
final class JmsClaim {
    volatile JmsLane lane;
    /** The queue its message came from (INCOMING or DEFERRED), where a broker's count still has it. */
    final ItemState from;
    final byte[] content;
    volatile QueueItem item;
    volatile boolean parked;
    boolean ended;

    JmsClaim(JmsLane lane, ItemState from, QueueItem item, byte[] content) {
        this.lane = lane;
        this.from = from;
        this.item = item;
        this.content = content;
    }

    /**
     * Takes the lane of a new delivery of this item; the old lane's transaction was rolled back.
     *
     * @return false if the claim ended meanwhile: the delivery is then a claim of its own
     */
    synchronized boolean replaceLane(JmsLane fresh) {
        if (ended) {
            return false;
        }
        JmsLane old = lane;
        lane = fresh;
        old.close();
        return true;
    }
}
