package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.spoolmail.kernel.pipeline.OwnerOnly;

/**
 * The folders of a directory spool and the durable operations on them:
 * <pre>
 * spool/incoming/          the drop folder submitters write to (3733: anyone may add, nobody may list or
 *                          touch another's file, like Postfix's maildrop; setgid, so drops get the server's group)
 * spool/queue/             the service account's own (0700)
 *   pickup/                drops moved out of the submitters' reach before they are read
 *   data/ID                each item's octets, never changed after they are written
 *   incoming/ID active/ID deferred/ID held/ID   each item's state file, in the folder of its state
 *   tmp/                   files being written, before their rename
 * </pre>
 * Every file is written to tmp/, forced to disk and renamed into place; a state change is a rename from one folder
 * to another, made durable with an fsync on the target folder.
 */
final class SpoolFolders {

    final Path root;
    final Path drops;
    final Path queue;
    final Path pickup;
    final Path data;
    final Path tmp;
    private final Map<ItemState, Path> states = new EnumMap<>(ItemState.class);
    private final Map<ItemState, FolderSync> syncs = new EnumMap<>(ItemState.class);
    final FolderSync dataSync;

    SpoolFolders(Path root) {
        this.root = root;
        this.drops = root.resolve("incoming");
        this.queue = root.resolve("queue");
        this.pickup = queue.resolve("pickup");
        this.data = queue.resolve("data");
        this.tmp = queue.resolve("tmp");
        for (ItemState s : ItemState.values()) {
            states.put(s, queue.resolve(s.label()));
            syncs.put(s, new FolderSync(states.get(s)));
        }
        this.dataSync = new FolderSync(data);
    }

    /** Creates the folders that are missing: the queue owner-only, the drop folder 1733. */
    void create() throws IOException {
        // The spool folder itself is traversable by all (0755): submitters reach the drop folder through it.
        if (!Files.isDirectory(root) && root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(root);
        for (Path p : List.of(queue, pickup, data, tmp)) {
            OwnerOnly.createFolders(p);
        }
        for (Path p : states.values()) {
            OwnerOnly.createFolders(p);
        }
        if (!Files.isDirectory(drops)) {
            Files.createDirectories(drops);
            if (drops.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                Files.setAttribute(drops, "unix:mode", 03733);
            } else if (drops.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(drops, PosixFilePermissions.fromString("rwx-wx-wx"));
            }
        }
    }

    Path folder(ItemState state) {
        return states.get(state);
    }

    Path file(ItemState state, String id) {
        return states.get(state).resolve(id);
    }

    void sync(ItemState state) throws IOException {
        syncs.get(state).sync();
    }

    /** Writes a file durably: to tmp/, forced, renamed over {@code target}. The folder is not synced here. */
    void place(Path target, byte[] content) throws IOException {
        place(target, new java.io.ByteArrayInputStream(content));
    }

    void place(Path target, InputStream content) throws IOException {
        Path temp = OwnerOnly.createTempFile(tmp, target.getFileName().toString() + ".", ".tmp");
        try {
            try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(c)) {
                content.transferTo(out);
                c.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A file written to tmp/ and not yet forced nor renamed over its target. */
    record Staged(Path temp, Path target) {
    }

    /**
     * Writes a file to tmp/ without forcing it, for {@link #placeAll}, which forces a group of them at once.
     *
     * @param target where the file goes
     * @param content its octets
     * @return the staged file
     */
    Staged stage(Path target, InputStream content) throws IOException {
        Path temp = OwnerOnly.createTempFile(tmp, target.getFileName().toString() + ".", ".tmp");
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
            content.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new Staged(temp, target);
    }

    /**
     * Places staged files durably as a group: all forced at once ({@link ParallelForce}), then each renamed over its
     * target, as {@link #place} does one by one. The folders are not synced here. Temporary files left by a failure
     * are removed.
     */
    void placeAll(List<Staged> files) throws IOException {
        try {
            ParallelForce.forceAll(files.stream().map(Staged::temp).toList());
            for (Staged f : files) {
                Files.move(f.temp(), f.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            for (Staged f : files) {
                Files.deleteIfExists(f.temp());
            }
        }
    }

    /** Renames a state file to another state's folder and makes it durable; false if it is not (or no longer) there. */
    boolean move(String id, ItemState from, ItemState to) throws IOException {
        Path target = file(to, id);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "an item of this ID is already " + to.label());
        }
        try {
            Files.move(file(from, id), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false;
        }
        sync(to);
        return true;
    }

    /** @return the state the item's file is in, looked up folder by folder */
    Optional<ItemState> stateOf(String id) {
        for (ItemState s : ItemState.values()) {
            if (Files.exists(file(s, id))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** @return the names in a folder that are not hidden (temporary), sorted: queue IDs sort by time */
    static List<String> names(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(names::add);
        }
        names.sort(null);
        return names;
    }
}
