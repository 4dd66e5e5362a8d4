package org.spoolmail.kernel.queue;

import java.io.IOException;

/**
 * A drop larger than the spool's {@code max-drop-size}: refused at submission (condition code 8, a site limit as the
 * JMS spool's max-item-size is), so that no submitter can fill the service account's queue with one drop.
 */
public final class DropTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private DropTooLargeException(String message) {
        super(message);
    }

    /**
     * @param origin the input, for the message
     * @param octets the drop's size so far
     * @param max the spool's limit
     * @throws DropTooLargeException if {@code octets} is over {@code max}
     */
    public static void check(String origin, long octets, long max) throws DropTooLargeException {
        if (octets > max) {
            throw new DropTooLargeException(origin + " with the files it names makes a drop of more than " + max
                    + " octets, the spool's max-drop-size (spool.max-drop-size in pipeline.yaml)");
        }
    }
}
