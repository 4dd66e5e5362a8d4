package org.spoolmail.plugins.deliver.smtp;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon timer per stage for what socket read timeouts cannot bound: a whole reply (a relay that drips one
 * octet at a time satisfies every per-read timeout), the whole data phase (a relay that stops reading would block
 * the write forever) and closing sessions that sat idle too long. Thread-safe.
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "deliver-smtp-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Deadlines are armed for every reply and mostly cancelled: drop them from the queue at once. */
    Watchdog() {
        timer.setRemoveOnCancelPolicy(true);
    }

    /** A deadline that closes its target unless cancelled first. */
    static final class Deadline implements AutoCloseable {
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile ScheduledFuture<?> future;

        /** @return true if the limit passed and the target was closed */
        boolean fired() {
            return fired.get();
        }

        /** Cancels the deadline; the target stays open. */
        @Override
        public void close() {
            future.cancel(false);
        }
    }

    /**
     * Closes {@code target} when {@code limit} passes before the returned deadline is closed.
     *
     * @param target e.g. the connection being written to
     * @param limit the time limit
     * @return the deadline; close it when the guarded work is done
     */
    Deadline arm(Closeable target, Duration limit) {
        Deadline deadline = new Deadline();
        deadline.future = timer.schedule(() -> {
            deadline.fired.set(true);
            try {
                target.close();
            } catch (IOException e) {
                // closing is the whole point; a socket that fails to close is closed enough
            }
        }, Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        return deadline;
    }

    /**
     * Runs a task again and again.
     *
     * @param task the task
     * @param period the pause between runs
     */
    void every(Runnable task, Duration period) {
        long millis = Math.max(100, period.toMillis());
        timer.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
