package org.spoolmail.kernel.spool;

/** Where the server prints one line about each item's outcome; called from several workers at once. */
@FunctionalInterface
public interface ItemLog {

    /** @param text one line, starting with the queue ID */
    void line(String text);
}
