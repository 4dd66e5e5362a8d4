package org.spoolmail.kernel.spool;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The completion step of the spool server: what is left of an item once the relay has replied (recording the
 * outcome in the queue, the durable removal or state change, then the observers' audit records, each durable
 * before it returns) runs here, so that the worker goes on to the next item on the same relay connection meanwhile.
 * The completions run side by side, so that their fsyncs share the group commits of the queue's folders
 * ({@code FolderSync}) and of the audit file: with one worker, each item used to wait for two fsyncs of its own.
 *
 * <p>At most {@code bound} completions are pending; a worker whose item finds no room waits. That bounds the RFC
 * 1047 window a crash can hit: the items whose relay acceptance is not yet recorded are at most the workers' items
 * in flight plus {@code bound}, and the next start sends each of them again. Thread-safe.
 */
final class Completions {

    /** Pending completions per worker: enough to keep one worker busy while two groups of fsyncs run. */
    static final int PER_WORKER = 2;
    /** Fewest pending completions, so that a single worker's fsyncs still overlap with its deliveries. */
    static final int AT_LEAST = 4;

    private final Semaphore room;
    private final ExecutorService threads;

    /** @param bound the most completions pending at once (and so the threads that run them) */
    Completions(int bound) {
        this.room = new Semaphore(bound);
        this.threads = Executors.newFixedThreadPool(bound, r -> {
            Thread t = new Thread(r, "spool-completion");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the bound for a server of {@code workers} workers */
    static int boundFor(int workers) {
        return Math.max(AT_LEAST, PER_WORKER * workers);
    }

    /**
     * Runs {@code completion} on a completion thread, then {@code after} whatever the completion did; waits while
     * the bound is reached.
     *
     * @throws InterruptedException if interrupted while waiting for room; nothing was run
     */
    void submit(Runnable completion, Runnable after) throws InterruptedException {
        room.acquire();
        try {
            threads.execute(() -> {
                try {
                    completion.run();
                } finally {
                    room.release();
                    after.run();
                }
            });
        } catch (RuntimeException e) {
            room.release();
            throw e;
        }
    }

    /** Runs every completion submitted so far to its end, then takes no more. */
    void finish() throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    }
}
