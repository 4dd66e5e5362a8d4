package org.spoolmail.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a share of the messages on each of n threads and returns messages per second of the wall time. */
final class Parallel {

    private Parallel() {
    }

    /** One thread's work: send {@code count} messages. */
    interface Share {
        void send(int count) throws Exception;
    }

    static double run(int messages, int threads, Share share) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int count = messages / threads + (t < messages % threads ? 1 : 0);
                futures.add(pool.submit(() -> {
                    share.send(count);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
