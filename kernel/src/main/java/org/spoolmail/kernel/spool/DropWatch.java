package org.spoolmail.kernel.spool;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for something to do: a file-system event in the drop folder (a submit's rename) wakes the server at once;
 * without events (a file system that has none, e.g. NFS, or a drop missed) it looks again after the poll interval
 * at the latest, so events only make it faster, never correct.
 */
final class DropWatch implements AutoCloseable {

    private final WatchService service;
    private final Object lock = new Object();
    private boolean woken;

    private DropWatch(WatchService service) {
        this.service = service;
    }

    static DropWatch open(Path folder, Duration pollInterval) {
        try {
            WatchService s = folder.getFileSystem().newWatchService();
            folder.register(s, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            return new DropWatch(s);
        } catch (IOException | UnsupportedOperationException e) {
            return new DropWatch(null);
        }
    }

    /** @return a watch without events, for a queue without a drop folder (a broker): it waits the timeout */
    static DropWatch polling() {
        return new DropWatch(null);
    }

    /** Returns after an event, a {@link #wake()}, or {@code timeout}. */
    void await(Duration timeout) throws InterruptedException {
        synchronized (lock) {
            if (woken) {
                woken = false;
                return;
            }
        }
        long millis = Math.max(1, timeout.toMillis());
        if (service == null) {
            synchronized (lock) {
                lock.wait(millis);
                woken = false;
            }
            return;
        }
        try {
            WatchKey key = service.poll(millis, TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        } catch (ClosedWatchServiceException e) {
            // closed by the stop: return at once
        }
    }

    /** Ends a wait at once (the server is stopping). */
    void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (service != null) {
            service.close();
        }
    }
}
