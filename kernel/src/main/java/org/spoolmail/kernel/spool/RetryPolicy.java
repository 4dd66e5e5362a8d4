package org.spoolmail.kernel.spool;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential back-off: after attempt n the item waits {@code initial * 2^(n-1)}, never more than {@code max}; an
 * item older than {@code maxAge} is not retried again but reported undeliverable.
 *
 * @param initial the wait after the first attempt
 * @param max the longest wait
 * @param maxAge how long an item may stay in the queue
 */
public record RetryPolicy(Duration initial, Duration max, Duration maxAge) {

    /**
     * @param attempts the attempts made so far (1 after the first)
     * @param now the time of the last attempt
     * @return when to try again
     */
    public Instant next(int attempts, Instant now) {
        Duration wait = initial;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return now.plus(wait.compareTo(max) > 0 ? max : wait);
    }

    /**
     * @param created when the item entered the queue
     * @param next when it would be tried again
     * @return true when that would be past its maximum age: it is undeliverable now
     */
    public boolean expired(Instant created, Instant next) {
        return next.isAfter(created.plus(maxAge));
    }
}
