package org.spoolmail.plugins.audit.log;

import java.io.IOException;

/**
 * Group commit for records appended to one file by concurrent observers: each write gets a ticket, and a writer
 * waits until an fsync begun after its write returned has finished. One writer forces at a time; the writers that
 * wrote meanwhile are all covered by the next fsync, so N workers cost about one fsync per group instead of one each,
 * and each record is still on the device before its {@code observe} returns. One fsync of an appended file costs
 * about 1.5 ms here, more under load: taken one by one under the file's lock, it capped the spool server near
 * 1/fsync items a second whatever the number of workers. Thread-safe.
 */
final class GroupCommit {

    /** The fsync itself. */
    interface Force {
        void force() throws IOException;
    }

    private long written;
    private long durable;
    private boolean forcing;

    /**
     * Notes one completed write; call it after the write returned, in the order of the writes.
     *
     * @return the write's ticket, for {@link #awaitDurable}
     */
    synchronized long wrote() {
        return ++written;
    }

    /** Notes that every write so far is on the device (e.g. the file was forced before it was closed). */
    synchronized void allDurable() {
        durable = written;
        notifyAll();
    }

    /**
     * Returns once the write of {@code ticket} is on the device: at once when an fsync begun after it has finished,
     * after waiting for one that is running and may not cover it, or after forcing the file itself.
     *
     * @param ticket what {@link #wrote()} returned
     * @param force the fsync of the file
     * @throws IOException if this writer's own fsync fails and nothing else made the write durable (a later writer
     *     tries again)
     * @throws InterruptedException if interrupted while waiting for another writer's fsync
     */
    void awaitDurable(long ticket, Force force) throws IOException, InterruptedException {
        long upTo;
        synchronized (this) {
            while (durable < ticket && forcing) {
                wait();
            }
            if (durable >= ticket) {
                return;
            }
            forcing = true;
            upTo = written; // every write with a ticket up to here returned before this fsync begins
        }
        try {
            force.force();
            synchronized (this) {
                durable = Math.max(durable, upTo);
            }
        } catch (IOException e) {
            synchronized (this) {
                if (durable < ticket) {
                    throw e;
                }
                // the file was forced and closed meanwhile (a new day's file): this write is on the device
            }
        } finally {
            synchronized (this) {
                forcing = false;
                notifyAll();
            }
        }
    }
}
