package org.spoolmail.kernel.queue;

import java.io.IOException;

/**
 * An item is larger than the queue takes (the JMS spool's {@code max-item-size}): nothing of it was queued. The
 * message says by how much it may be, and what to do instead.
 */
public final class ItemTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message the item, the bound in octets and the way out, one line */
    public ItemTooLargeException(String message) {
        super(message);
    }
}
