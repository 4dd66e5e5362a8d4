package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock that makes a server the only one draining a directory spool: an exclusive lock on
 * {@code queue/server.lock}, held for the server's life and released by the operating system when its process ends
 * however it ends (even {@code kill -9}), so a lock is never stale. The file holds the server's process ID, for the
 * message a second server gives. The file lies in the owner-only queue folder, so no submitter can take its lock.
 *
 * <p>Operator commands never take it (they work while a server runs); {@code queue} only looks whether it is held,
 * with a shared lock of a moment, which a starting server waits out. The lock is a POSIX record lock, owned by the
 * process: this class is the only code that opens the file, and never in a process that holds it, since closing any
 * other descriptor of it there would release the lock.
 */
public final class ServerLock implements AutoCloseable {

    /** How long a starting server waits out a {@code queue} command's look at the lock. */
    private static final int ATTEMPTS = 20;
    private static final long PAUSE_MILLIS = 50;

    /** The lock files this process holds, looked up instead of opened (see the class comment). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ServerLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        HELD.add(file);
    }

    /**
     * Takes the lock for this process and writes its process ID into the file.
     *
     * @param file the spool's lock file ({@link DirectorySpool#serverLockFile()})
     * @return the lock, to close when the server ends; empty when another process holds it
     * @throws IOException if the file cannot be opened or written
     */
    public static Optional<ServerLock> tryAcquire(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (HELD.contains(key)) {
            return Optional.empty();
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                FileLock lock = lockOrNull(channel, false);
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                            .getBytes(StandardCharsets.US_ASCII)), 0);
                    channel.force(true);
                    return Optional.of(new ServerLock(key, channel, lock));
                }
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    /**
     * Looks whether a server holds the lock, without keeping it.
     *
     * @param file the spool's lock file
     * @return the holder's process ID as it wrote it (0 if it wrote none yet); empty when no server holds the lock
     * @throws IOException if the file exists but cannot be read
     */
    public static Optional<Long> holder(Path file) throws IOException {
        if (HELD.contains(file.toAbsolutePath().normalize())) {
            return Optional.of(ProcessHandle.current().pid());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = lockOrNull(channel, true);
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(pid(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** @return the process ID in the lock file; 0 when there is none or the file is missing */
    public static long pid(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.matches("\\d{1,19}") ? Long.parseLong(text) : 0;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private static FileLock lockOrNull(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (another server object in the same JVM)
        }
    }

    /** Releases the lock; the file stays, naming the last holder. */
    @Override
    public void close() throws IOException {
        HELD.remove(file);
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
