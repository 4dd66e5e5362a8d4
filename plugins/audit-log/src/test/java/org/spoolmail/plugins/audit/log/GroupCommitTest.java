package org.spoolmail.plugins.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void awaitDurableShouldShareOneForceWhenTheWritesCameBeforeIt() throws Exception {
        GroupCommit commit = new GroupCommit();
        AtomicInteger forces = new AtomicInteger();
        long first = commit.wrote();
        long second = commit.wrote();
        long third = commit.wrote();

        commit.awaitDurable(second, forces::incrementAndGet);
        commit.awaitDurable(first, forces::incrementAndGet);
        commit.awaitDurable(third, forces::incrementAndGet);

        assertEquals(1, forces.get());
    }

    @Test
    void awaitDurableShouldForceAgainWhenTheWriteCameAfterTheRunningForceBegan() throws Exception {
        GroupCommit commit = new GroupCommit();
        AtomicInteger forces = new AtomicInteger();
        CountDownLatch forcing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long early = commit.wrote();
            Future<?> a = pool.submit(() -> {
                commit.awaitDurable(early, () -> {
                    forces.incrementAndGet();
                    forcing.countDown();
                    uninterrupted(() -> release.await());
                });
                return null;
            });
            assertTrue(forcing.await(10, TimeUnit.SECONDS));
            long late = commit.wrote(); // written while the first fsync runs: that fsync may miss it
            Future<?> b = pool.submit(() -> {
                commit.awaitDurable(late, forces::incrementAndGet);
                return null;
            });
            Thread.sleep(100);
            assertFalse(b.isDone(), "returned before any fsync that began after its write");
            release.countDown();
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
            assertEquals(2, forces.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void awaitDurableShouldThrowWhenItsForceFailsAndLetTheNextWriterForceAgain() throws Exception {
        GroupCommit commit = new GroupCommit();
        long first = commit.wrote();
        IOException failure = assertThrows(IOException.class, () -> commit.awaitDurable(first, () -> {
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", failure.getMessage());
        AtomicInteger forces = new AtomicInteger();

        commit.awaitDurable(first, forces::incrementAndGet);

        assertEquals(1, forces.get());
    }

    @Test
    void awaitDurableShouldReturnWithoutForceWhenTheFileWasForcedAtItsClose() throws Exception {
        GroupCommit commit = new GroupCommit();
        long ticket = commit.wrote();
        commit.allDurable();

        commit.awaitDurable(ticket, () -> {
            throw new IOException("closed");
        });
    }

    @Test
    void awaitDurableShouldCoverEveryWriteWithFewerForcesThanWritesWhenEightThreadsWrite() throws Exception {
        GroupCommit commit = new GroupCommit();
        AtomicInteger forces = new AtomicInteger();
        AtomicLong forcedUpTo = new AtomicLong(); // the highest ticket written when a finished fsync began
        AtomicLong lastTicket = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            all.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    long ticket;
                    synchronized (lastTicket) { // the file's write lock: the write, then its ticket
                        lastTicket.incrementAndGet();
                        ticket = commit.wrote();
                    }
                    commit.awaitDurable(ticket, () -> {
                        long began = lastTicket.get();
                        forces.incrementAndGet();
                        uninterrupted(() -> Thread.sleep(1)); // an fsync takes time; writers queue up meanwhile
                        forcedUpTo.accumulateAndGet(began, Math::max);
                    });
                    assertTrue(forcedUpTo.get() >= ticket, "returned before an fsync covered ticket " + ticket);
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertTrue(forces.get() < 800 / 2, forces.get() + " fsyncs for 800 writes");
    }

    /** Something that waits. */
    private interface Waiting {
        void run() throws InterruptedException;
    }

    private static void uninterrupted(Waiting waiting) throws IOException {
        try {
            waiting.run();
        } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException(e.toString());
        }
    }
}
