package org.spoolmail.kernel.queue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * What submitters dropped that the server has not taken in yet, for {@code spoolmail queue}: each drop as an
 * INCOMING item, with its header's claims and the file's owner as submitter. The owner comes from the attributes of
 * the file that was opened, never through a link: the drop is opened with {@code O_NOFOLLOW} and its attributes
 * read without following links before and after its header is read; they count only when both name the same file
 * (device and inode), so a drop renamed or replaced meanwhile is not shown under another file's owner. Only reads:
 * the drop stays where it is for the server's pickup.
 */
final class DropListing {

    /** The reason a listed drop shows: it is not in the queue yet. */
    static final String NOT_TAKEN_IN = "dropped, not yet taken in by the server";

    private final Path drops;

    DropListing(Path drops) {
        this.drops = drops;
    }

    /** @return every drop now in the folder, oldest first; drops that vanish while read are left out */
    List<QueueItem> list() throws IOException {
        List<QueueItem> all = new ArrayList<>();
        for (String name : SpoolFolders.names(drops)) {
            read(name).ifPresent(all::add);
        }
        all.sort(java.util.Comparator.comparing(QueueItem::created).thenComparing(QueueItem::id));
        return all;
    }

    /**
     * @param name a drop's name
     * @return the drop as an item; empty when there is no such drop (taken in meanwhile)
     */
    Optional<QueueItem> read(String name) throws IOException {
        if (name.startsWith(".") || name.contains("/")) {
            return Optional.empty();
        }
        Path file = drops.resolve(name);
        try {
            PosixFileAttributes before = attributes(file);
            if (!before.isRegularFile()) {
                return Optional.of(refused(name, before, before.isSymbolicLink() ? "a symbolic link"
                        : before.isDirectory() ? "a folder" : "not a regular file"));
            }
            try (SeekableByteChannel c = Files.newByteChannel(file, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS); InputStream in = new BufferedInputStream(Channels.newInputStream(c))) {
                PosixFileAttributes opened = attributes(file);
                int links = ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
                DropFile.Drop drop;
                String problem = null;
                try {
                    drop = DropFile.read(in, opened.owner().getName());
                } catch (IllegalArgumentException e) {
                    drop = null;
                    problem = e.getMessage();
                }
                if (!Objects.equals(before.fileKey(), opened.fileKey())
                        || !Objects.equals(opened.fileKey(), attributes(file).fileKey())) {
                    return Optional.empty(); // replaced while read: the next listing shows what is there
                }
                if (links != 1) {
                    return Optional.of(refused(name, opened, "a file with " + links + " names (hard links)"));
                }
                if (drop == null) {
                    return Optional.of(item(name, opened, new Submission(opened.owner().getName(), true, Map.of(),
                            name, Optional.empty(), Ccsid.UTF_8, RecordFormat.LF, 0), NOT_TAKEN_IN
                            + "; the server will hold it: " + problem));
                }
                return Optional.of(item(name, opened, drop.submission(), NOT_TAKEN_IN
                        + (drop.state() == ItemState.INCOMING ? "" : "; asks to enter " + drop.state().label()
                                + drop.reason().map(r -> ": " + r).orElse(""))));
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static QueueItem refused(String name, PosixFileAttributes a, String what) {
        return item(name, a, new Submission(a.owner().getName(), true, Map.of(), name, Optional.empty(), Ccsid.UTF_8,
                RecordFormat.LF, 0), NOT_TAKEN_IN + "; the server will refuse it: " + what);
    }

    private static QueueItem item(String name, PosixFileAttributes a, Submission s, String reason) {
        return new QueueItem(name, ItemState.INCOMING, s, a.lastModifiedTime().toInstant(), 0, Optional.empty(),
                Optional.of(reason), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    private static PosixFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
