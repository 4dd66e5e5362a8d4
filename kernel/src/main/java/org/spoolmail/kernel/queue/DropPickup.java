package org.spoolmail.kernel.queue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.kernel.pipeline.QueueIds;

/**
 * Takes drops into the queue the way Postfix's pickup does: each drop is first renamed out of the submitters' drop
 * folder into the server's own {@code pickup/} folder, where nobody else can replace it; only then is it examined
 * (without following links): a link, a folder, a FIFO or a file with more than one name is removed unread, since
 * its owner would not say who wrote it. The owner of the file is the established submitter. Its octets are copied
 * into the queue and the drop removed, so a submitter cannot change a message once it was taken. A drop whose header
 * cannot be read, or names a bad field, becomes a HELD item with the reason, never lost; so does one whose carried
 * files do not match the SHA-256 its header lists, and one larger than the spool's {@code max-drop-size}, of which
 * only the first octets are kept (copying it whole is what a submitter filling the queue would want). Each refusal
 * is kept as a {@link RefusedDrop} until the server asks for it, to write its audit record.
 */
final class DropPickup {

    /** What submit names its drops: a queue ID. Other names get a fresh ID. */
    /** What is kept of a drop larger than max-drop-size: enough for the operator to see what it was. */
    private static final int KEPT_OF_LARGE_DROP = 64 * 1024;
    private static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}-[0-9a-f]{6}-\\d{4,9}");

    private final SpoolFolders folders;
    private final Clock clock;
    private final QueueIds ids;
    private final long maxOctets;
    private final List<RefusedDrop> refused = new ArrayList<>();
    /** The drop folder names of the drops moved to pickup/ by this process, by queue ID, for refusals. */
    private final Map<String, String> names = new HashMap<>();

    DropPickup(SpoolFolders folders, Clock clock, long maxOctets) {
        this.maxOctets = maxOctets;
        this.folders = folders;
        this.clock = clock;
        this.ids = new QueueIds(clock);
    }

    /** Moves every drop to pickup/, then takes each in; returns the queue IDs taken. */
    synchronized List<String> take() throws IOException {
        for (String name : SpoolFolders.names(folders.drops)) {
            String id = ID.matcher(name).matches() && !known(name) ? name : ids.next();
            try {
                Files.move(folders.drops.resolve(name), folders.pickup.resolve(id), StandardCopyOption.ATOMIC_MOVE);
                names.put(id, name);
            } catch (NoSuchFileException e) {
                continue;
            }
        }
        return takeAll();
    }

    /** Finishes the pickups a crash interrupted: what is in pickup/ was moved there and is taken in now. */
    synchronized void recover() throws IOException {
        takeAll();
    }

    /** @return the drops refused since the last call, each once */
    synchronized List<RefusedDrop> refused() {
        List<RefusedDrop> all = List.copyOf(refused);
        refused.clear();
        return all;
    }

    private List<String> takeAll() throws IOException {
        List<String> taken = new ArrayList<>();
        List<Path> done = new ArrayList<>();
        List<QueueItem> items = new ArrayList<>();
        List<SpoolFolders.Staged> data = new ArrayList<>();
        try {
            for (String id : SpoolFolders.names(folders.pickup)) {
                Path drop = folders.pickup.resolve(id);
                if (folders.stateOf(id).isPresent()) {
                    done.add(drop); // taken in before a crash; only its removal was missing
                    continue;
                }
                Optional<QueueItem> item = copy(id, drop, data);
                item.ifPresent(items::add);
                done.add(drop);
            }
        } catch (IOException | RuntimeException e) {
            // nothing placed: the drops stay in pickup/ for the next take
            for (SpoolFolders.Staged s : data) {
                Files.deleteIfExists(s.temp());
            }
            throw e;
        }
        // Batched, each group forced at once: every data file durable before any state file names it, every state
        // file before its drop goes.
        folders.placeAll(data);
        folders.dataSync.sync();
        List<SpoolFolders.Staged> states = new ArrayList<>();
        for (QueueItem item : items) {
            states.add(folders.stage(folders.file(item.state(), item.id()),
                    new java.io.ByteArrayInputStream(ItemFile.write(item))));
            taken.add(item.id());
        }
        folders.placeAll(states);
        folders.sync(ItemState.INCOMING);
        folders.sync(ItemState.HELD);
        folders.sync(ItemState.DEFERRED);
        for (Path drop : done) {
            remove(drop);
        }
        return taken;
    }

    private Optional<QueueItem> copy(String id, Path drop, List<SpoolFolders.Staged> data) throws IOException {
        PosixFileAttributes a = Files.readAttributes(drop, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int links = ((Number) Files.getAttribute(drop, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        String owner = a.owner().getName();
        String name = names.getOrDefault(id, id);
        if (!a.isRegularFile() || links != 1) {
            refused.add(new RefusedDrop(id, name, owner, false, (a.isSymbolicLink() ? "a symbolic link"
                    : a.isDirectory() ? "a folder" : !a.isRegularFile() ? "not a regular file"
                    : "a file with " + links + " names (hard links); its other names keep it")
                    + ": removed unread, since its owner cannot be established", a.size()));
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (a.size() > maxOctets) {
            // Not copied: a submitter could otherwise fill the service account's queue (a sparse 200 MB drop).
            String why = "the drop is " + a.size() + " octets, more than the spool's max-drop-size of " + maxOctets
                    + " octets: not taken in, only its first " + KEPT_OF_LARGE_DROP + " octets are kept";
            refused.add(new RefusedDrop(id, name, owner, true, why, a.size()));
            try (InputStream whole = Files.newInputStream(drop, LinkOption.NOFOLLOW_LINKS)) {
                data.add(folders.stage(folders.data.resolve(id), new java.io.ByteArrayInputStream(
                        whole.readNBytes(KEPT_OF_LARGE_DROP))));
            }
            return Optional.of(held(id, owner, name, now, why));
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(drop, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            DropFile.Drop drop0;
            try {
                drop0 = DropFile.read(in, owner);
            } catch (IllegalArgumentException e) {
                // Kept whole as a held item, so the operator can see what was dropped and by whom.
                refused.add(new RefusedDrop(id, name, owner, true, e.getMessage(), a.size()));
                try (InputStream whole = Files.newInputStream(drop, LinkOption.NOFOLLOW_LINKS)) {
                    data.add(folders.stage(folders.data.resolve(id), whole));
                }
                return Optional.of(held(id, owner, name, now, e.getMessage()));
            }
            SpoolFolders.Staged staged = folders.stage(folders.data.resolve(id), in);
            data.add(staged);
            Optional<String> mismatch = CarriedInput.mismatch(drop0.submission().files(),
                    ContentHandle.ofFile(staged.temp()));
            if (mismatch.isPresent()) {
                refused.add(new RefusedDrop(id, name, owner, true, mismatch.get(), a.size()));
                return Optional.of(new QueueItem(id, ItemState.HELD, drop0.submission(), now, 0, Optional.empty(),
                        Optional.of("bad spool file: " + mismatch.get()), Optional.empty(), Optional.empty(),
                        List.of(), Optional.empty()));
            }
            return Optional.of(new QueueItem(id, drop0.state(), drop0.submission(), now, 0,
                    drop0.state() == ItemState.DEFERRED ? Optional.of(now) : Optional.empty(), drop0.reason(),
                    Optional.empty(), Optional.empty(), List.of(), Optional.empty()));
        }
    }

    /** A drop held whole as it is (or its first octets), with no claim read from it. */
    private static QueueItem held(String id, String owner, String name, Instant now, String why) {
        return new QueueItem(id, ItemState.HELD, new Submission(owner, true, Map.of(), name, Optional.empty(),
                Ccsid.UTF_8, RecordFormat.LF, 0), now, 0, Optional.empty(), Optional.of("bad spool file: " + why),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** Removes a taken or refused drop; a folder with all it holds, links inside it not followed. */
    private void remove(Path drop) throws IOException {
        names.remove(drop.getFileName().toString());
        if (!Files.isDirectory(drop, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(drop);
            return;
        }
        try (Stream<Path> tree = Files.walk(drop)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private boolean known(String id) {
        return Files.exists(folders.data.resolve(id)) || Files.exists(folders.pickup.resolve(id))
                || folders.stateOf(id).isPresent();
    }
}
