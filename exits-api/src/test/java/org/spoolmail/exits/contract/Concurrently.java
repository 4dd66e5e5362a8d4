package org.spoolmail.exits.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs calls on several threads at once, all released together, for the contracts' concurrency smoke tests. */
final class Concurrently {

    /** Threads at once. */
    static final int THREADS = 8;
    /** Calls per thread. */
    static final int CALLS = 16;

    private Concurrently() {
    }

    /**
     * Runs {@code THREADS * CALLS} calls and returns their results in call order.
     *
     * @param call the call for each index
     * @param <R> the result type
     * @return the results
     * @throws Exception the first failure of any call
     */
    static <R> List<R> run(IntFunction<Callable<R>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS * CALLS; i++) {
                Callable<R> c = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
