package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import org.spoolmail.exits.mail.ContentHandle;

/**
 * What {@code spoolmail submit} does in the drop folder, as the submitter: each drop is written under a hidden
 * temporary name (the server ignores names starting with '.'), forced to disk, renamed to its queue ID and the
 * folder synced, so the server never sees half a drop and a drop it sees survives a crash. Drops are 0640: the
 * drop folder is setgid to the service account's group (see {@link SpoolFolders}), so the server can read them and
 * other submitters cannot. A drop carries the files its input names ({@link FileCapture}), and none is larger than
 * the spool's {@code max-drop-size}.
 */
public final class DropWriter {

    private final Path folder;
    private final long maxOctets;

    /**
     * @param folder the drop folder ({@code spool/incoming})
     * @param maxOctets the largest drop the spool takes ({@code spool.max-drop-size}); a larger one is refused
     */
    public DropWriter(Path folder, long maxOctets) {
        this.folder = folder;
        this.maxOctets = maxOctets;
    }

    /**
     * Drops an input with the files it named, captured when it was parsed: the drop carries their octets after the
     * input's and lists them in its header, so the server never opens a path the input names. Every path that drops
     * mail into the spool goes through here.
     *
     * @param id the queue ID, which names the drop
     * @param submission what to claim about it
     * @param state INCOMING, HELD or DEFERRED
     * @param reason why it is held or deferred
     * @param input the input's own octets
     * @param files the files its parse opened
     * @throws DropTooLargeException if the drop would be larger than the spool takes; nothing is written
     * @throws IOException if the drop cannot be written, or a file changed while it was written
     */
    public void write(String id, Submission submission, ItemState state, Optional<String> reason, ContentHandle input,
            FileCapture files) throws IOException {
        Submission carrying = carrying(submission, state, reason, input, files);
        try (InputStream in = files.append(input.open())) {
            write(id, carrying, state, reason, in);
        }
    }

    /**
     * The submission with the files it carries, checked against max-drop-size before anything is written.
     *
     * @throws DropTooLargeException if the drop would be larger than the spool takes
     */
    Submission carrying(Submission submission, ItemState state, Optional<String> reason, ContentHandle input,
            FileCapture files) throws IOException {
        Submission carrying = submission.carrying(files.carried());
        long octets = DropFile.header(carrying, state, reason).length + input.sizeOctets()
                + CarriedFile.total(carrying.files());
        DropTooLargeException.check(carrying.origin(), octets, maxOctets);
        return carrying;
    }

    /**
     * @param id the queue ID, which names the drop
     * @param submission what to claim about it (the server takes the user ID from the file's owner)
     * @param content the input's octets
     * @throws IOException if the drop cannot be written; nothing is then left in the folder
     */
    public void write(String id, Submission submission, InputStream content) throws IOException {
        write(id, submission, ItemState.INCOMING, Optional.empty(), content);
    }

    /**
     * Drops mail that should enter the queue held or deferred ({@code send}'s held mail, when the queue is the
     * service account's and only the drop folder is open to this user).
     *
     * @param id the queue ID, which names the drop
     * @param submission what to claim about it
     * @param state INCOMING, HELD or DEFERRED
     * @param reason why it is held or deferred
     * @param content the octets
     * @throws IOException if the drop cannot be written
     */
    public void write(String id, Submission submission, ItemState state, Optional<String> reason,
            InputStream content) throws IOException {
        Path temp = temporary(id);
        try {
            writeTemporary(temp, submission, state, reason, content, true);
            Files.move(temp, folder.resolve(id), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncFolder();
    }

    /** The hidden name a drop is written under before its rename: the server ignores names starting with '.'. */
    Path temporary(String id) {
        return folder.resolve("." + id + ".tmp");
    }

    /** Writes a drop under its temporary name (0640), forced to disk or not ({@link DropBatch} forces in groups). */
    void writeTemporary(Path temp, Submission submission, ItemState state, Optional<String> reason,
            InputStream content, boolean force) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        try (FileChannel c = posix() ? FileChannel.open(temp, options,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")))
                : FileChannel.open(temp, options); OutputStream out = Channels.newOutputStream(c)) {
            byte[] header = DropFile.header(submission, state, reason);
            out.write(header);
            copy(content, out, submission.origin(), header.length);
            if (force) {
                c.force(true);
            }
        }
    }

    /** Renames a written temporary drop to its queue ID, where the server sees it. */
    void publish(Path temp, String id) throws IOException {
        Files.move(temp, folder.resolve(id), StandardCopyOption.ATOMIC_MOVE);
    }

    void syncFolder() throws IOException {
        try {
            FolderSync.force(folder);
        } catch (java.nio.file.AccessDeniedException e) {
            // A submitter may add to the drop folder but not read it (3733), so it cannot open it to fsync it; the
            // rename is atomic all the same, and the server makes the item durable when it takes the drop in.
        }
    }

    /** Copies, refusing to go past the spool's limit: the size of a stream (standard input) is known only here. */
    private void copy(InputStream content, OutputStream out, String origin, long written) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = written;
        int n;
        while ((n = content.read(buffer)) >= 0) {
            total += n;
            DropTooLargeException.check(origin, total, maxOctets);
            out.write(buffer, 0, n);
        }
    }

    private boolean posix() {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
