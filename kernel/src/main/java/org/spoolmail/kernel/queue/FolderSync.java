package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes a folder's entries (renames, removals) durable with fsync on the folder, committing in groups: a worker
 * whose change an fsync begun after it already covers returns without another one. One fsync costs about 0.7 ms
 * here (DESIGN.md), so with several workers this keeps the queue off the critical path of throughput.
 */
final class FolderSync {

    private final Path folder;
    private final AtomicLong changes = new AtomicLong();
    private final Object lock = new Object();
    private long synced;

    FolderSync(Path folder) {
        this.folder = folder;
    }

    /**
     * Returns when every change made to the folder before the call is durable.
     *
     * @throws IOException if the fsync fails
     */
    void sync() throws IOException {
        long mine = changes.incrementAndGet();
        synchronized (lock) {
            if (synced >= mine) {
                return;
            }
            long upTo = changes.get();
            force(folder);
            synced = upTo;
        }
    }

    /** fsync on a folder: on Linux a read-only channel on a directory may be forced; elsewhere it may not. */
    static void force(Path folder) throws IOException {
        try (FileChannel c = FileChannel.open(folder, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }
}
