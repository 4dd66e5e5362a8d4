package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentHandle;

/**
 * The drops of one {@code spoolmail submit} input, written as a group commit: each drop is written under its
 * hidden temporary name, then the group is forced to disk at once ({@link ParallelForce}), each renamed to its queue
 * ID, and the drop folder synced once. The guarantee of {@link DropWriter} holds for every drop (the server never
 * sees half a drop; a drop it sees survives a crash), at a fraction of one fsync pair per drop: a datastream of
 * 20,000 transactions took minutes to submit. Groups of at most {@link #GROUP} drops bound what a crash can leave
 * behind as hidden temporary files. Not thread-safe: one submit writes it.
 */
public final class DropBatch implements AutoCloseable {

    /** Drops written before the group is forced and published. */
    static final int GROUP = 512;

    private final DropWriter writer;
    private final List<Path> temps = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    /**
     * @param folder the drop folder ({@code spool/incoming})
     * @param maxOctets the largest drop the spool takes ({@code spool.max-drop-size}); a larger one is refused
     */
    public DropBatch(Path folder, long maxOctets) {
        this.writer = new DropWriter(folder, maxOctets);
    }

    /**
     * Writes one drop of an input with the files it named (captured when it was parsed; the drop carries their
     * octets, see {@link DropWriter}) under its temporary name; published by {@link #commit()}.
     *
     * @param id the queue ID, which names the drop
     * @param submission what to claim about it
     * @param input the input's own octets
     * @param files the files its parse opened
     * @throws DropTooLargeException if the drop would be larger than the spool takes; nothing is written
     * @throws IOException if the drop cannot be written, or a file changed while it was written
     */
    public void add(String id, Submission submission, ContentHandle input, FileCapture files) throws IOException {
        Submission carrying = writer.carrying(submission, ItemState.INCOMING, Optional.empty(), input, files);
        try (InputStream in = files.append(input.open())) {
            add(id, carrying, in);
        }
    }

    /**
     * Writes one drop under its temporary name; it is published by {@link #commit()} (or when the group is full).
     *
     * @param id the queue ID, which names the drop
     * @param submission what to claim about it
     * @param content the octets
     * @throws IOException if the drop cannot be written
     */
    public void add(String id, Submission submission, InputStream content) throws IOException {
        Path temp = writer.temporary(id);
        temps.add(temp);
        ids.add(id);
        writer.writeTemporary(temp, submission, ItemState.INCOMING, Optional.empty(), content, false);
        if (temps.size() >= GROUP) {
            commit();
        }
    }

    /**
     * Forces every drop written since the last commit, renames each to its queue ID and syncs the folder; when it
     * returns, each is queued durably.
     *
     * @throws IOException if a drop cannot be forced or renamed; the drops not yet renamed are removed
     */
    public void commit() throws IOException {
        try {
            ParallelForce.forceAll(temps);
            for (int i = 0; i < temps.size(); i++) {
                writer.publish(temps.get(i), ids.get(i));
            }
        } finally {
            close();
        }
        writer.syncFolder();
    }

    /** Removes the drops written but not published (after a failure). */
    @Override
    public void close() throws IOException {
        for (Path temp : temps) {
            Files.deleteIfExists(temp);
        }
        temps.clear();
        ids.clear();
    }
}
