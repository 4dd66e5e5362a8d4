package org.spoolmail.kernel.queue;

import java.util.Locale;

/**
 * The states of a queue item. An item is always in exactly one of them; done items are removed (their audit record
 * remains), so there is no state for them.
 */
public enum ItemState {
    /** Waiting for a worker: submitted, released or retried. */
    INCOMING,
    /** Claimed by a worker; after a crash, active items go back to incoming with their recipient results. */
    ACTIVE,
    /** Refused for now; waits for its next-attempt time. */
    DEFERRED,
    /** Stopped for an operator, with its reason; {@code queue release} sends it again. */
    HELD;

    /** @return the lower-case name, as folders and listings show it */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
