package org.spoolmail.plugins.audit.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.Set;

/**
 * The audit files of one directory, one per day ({@code audit-YYYY-MM-DD.jsonl}). Keeps the current day's file
 * open in append mode and writes each record with one write call under this object's lock, so records of
 * concurrent observers never interleave, and writers in other processes (O_APPEND) do not overwrite them. With
 * {@code fsync} each record is forced to the device before {@link #append} returns, by a group commit outside the
 * lock ({@link GroupCommit}): concurrent appends share one fsync. A file it creates is owner-only
 * (0600) where the file system has POSIX permissions: it tells who sent what to whom.
 */
final class DailyAuditFile {

    private final Path directory;
    private final boolean fsync;
    private LocalDate openDate;
    private volatile FileChannel channel;
    private final GroupCommit commit = new GroupCommit();

    DailyAuditFile(Path directory, boolean fsync) {
        this.directory = directory;
        this.fsync = fsync;
    }

    /**
     * Returns the file of a day.
     *
     * @param date the day (UTC)
     * @return {@code <directory>/audit-YYYY-MM-DD.jsonl}
     */
    Path pathFor(LocalDate date) {
        return directory.resolve("audit-" + date + ".jsonl");
    }

    /**
     * Appends one record.
     *
     * @param date the day the record belongs to (UTC)
     * @param line the record's octets, ending with a line feed
     * @throws IOException if the file cannot be opened, written or forced; the next call opens it anew
     */
    void append(LocalDate date, byte[] line) throws IOException {
        long ticket = write(date, line);
        if (fsync) {
            try {
                commit.awaitDurable(ticket, this::forceOpen);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted before the audit record was forced to disk");
            }
        }
    }

    private synchronized long write(LocalDate date, byte[] line) throws IOException {
        try {
            FileChannel target = channelFor(date);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
            return commit.wrote();
        } catch (IOException e) {
            discard(e);
            throw e;
        }
    }

    /**
     * Forces the open file without holding the lock, so that others append meanwhile. When the file was closed
     * meanwhile, {@link GroupCommit} knows whether {@link #close()} forced it first.
     */
    private void forceOpen() throws IOException {
        FileChannel open = channel;
        if (open == null) {
            throw new java.nio.channels.ClosedChannelException();
        }
        open.force(false);
    }

    /**
     * Closes the open file, if any.
     *
     * @throws IOException if closing fails (without fsync, the last records may then be lost)
     */
    synchronized void close() throws IOException {
        FileChannel open = channel;
        channel = null;
        openDate = null;
        if (open != null) {
            try {
                if (fsync) {
                    open.force(false);
                    commit.allDurable();
                }
            } finally {
                open.close();
            }
        }
    }

    private void discard(IOException cause) {
        try {
            close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Whoever can write the audit folder could plant {@code audit-<day>.jsonl} as a symbolic link to a file of the
     * account running spoolmail (its pipeline.yaml, a shell profile) and have records appended to it, or as a FIFO
     * that blocks the open: only a regular file, or none, is used.
     */
    private static void refuseUnlessRegular(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attributes.isSymbolicLink()) {
            throw new IOException("audit file " + path + " is a symbolic link: refusing to follow it (someone who"
                    + " can write the audit folder planted it; remove it and check the folder's permissions)");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("audit file " + path + " is not a regular file: refusing to write to it");
        }
    }

    private FileChannel channelFor(LocalDate date) throws IOException {
        if (channel == null || !date.equals(openDate)) {
            close();
            Path path = pathFor(date);
            refuseUnlessRegular(path);
            try {
                channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS), OwnerOnly.file(path));
            } catch (FileSystemException e) {
                // O_NOFOLLOW: a link planted after the check above fails here (ELOOP) instead of being followed.
                refuseUnlessRegular(path);
                throw e;
            }
            openDate = date;
        }
        return channel;
    }
}
