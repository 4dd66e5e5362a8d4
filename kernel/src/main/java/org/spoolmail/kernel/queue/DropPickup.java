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
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.kernel.pipeline.QueueIds;

/**
 * Takes drops into the queue the way Postfix's pickup does: each drop is first renamed out of the submitters' drop
 * folder into the server's own {@code pickup/} folder, where nobody else can replace it; only then is it examined
 * (without following links): a link, a folder or a file with more than one name is refused, since its owner
 * would not say who wrote it. The owner of the file is the established submitter. Its octets are copied into the
 * queue and the drop removed, so a submitter cannot change a message once it was taken. A drop whose header cannot
 * be read becomes a HELD item with the reason, never lost.
 */
final class DropPickup {

    /** What submit names its drops: a queue ID. Other names get a fresh ID. */
    private static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}-[0-9a-f]{6}-\\d{4,9}");

    private final SpoolFolders folders;
    private final Clock clock;
    private final QueueIds ids;
    private final List<String> problems = new ArrayList<>();

    DropPickup(SpoolFolders folders, Clock clock) {
        this.folders = folders;
        this.clock = clock;
        this.ids = new QueueIds(clock);
    }

    /** Moves every drop to pickup/, then takes each in; returns the queue IDs taken. */
    synchronized List<String> take() throws IOException {
        problems.clear();
        for (String name : SpoolFolders.names(folders.drops)) {
            String id = ID.matcher(name).matches() && !known(name) ? name : ids.next();
            try {
                Files.move(folders.drops.resolve(name), folders.pickup.resolve(id), StandardCopyOption.ATOMIC_MOVE);
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

    synchronized List<String> problems() {
        return List.copyOf(problems);
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
            Files.deleteIfExists(drop);
        }
        return taken;
    }

    private Optional<QueueItem> copy(String id, Path drop, List<SpoolFolders.Staged> data) throws IOException {
        PosixFileAttributes a = Files.readAttributes(drop, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int links = ((Number) Files.getAttribute(drop, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        if (!a.isRegularFile() || links != 1) {
            problems.add(id + ": refused: " + (a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a folder"
                    : !a.isRegularFile() ? "not a regular file" : "a file with " + links + " names (hard links)")
                    + ", owner " + a.owner().getName() + "; removed, its owner cannot be established");
            return Optional.empty();
        }
        String owner = a.owner().getName();
        Instant now = clock.instant();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(drop, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            DropFile.Drop drop0;
            try {
                drop0 = DropFile.read(in, owner);
            } catch (IllegalArgumentException e) {
                // Kept whole as a held item, so the operator can see what was dropped and by whom.
                problems.add(id + ": held: " + e.getMessage() + " (owner " + owner + ")");
                try (InputStream whole = Files.newInputStream(drop, LinkOption.NOFOLLOW_LINKS)) {
                    data.add(folders.stage(folders.data.resolve(id), whole));
                }
                return Optional.of(new QueueItem(id, ItemState.HELD, new Submission(owner, true,
                        java.util.Map.of(), id, Optional.empty(), Ccsid.UTF_8, RecordFormat.LF, 0), now, 0,
                        Optional.empty(), Optional.of("bad spool file: " + e.getMessage()), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty()));
            }
            data.add(folders.stage(folders.data.resolve(id), in));
            return Optional.of(new QueueItem(id, drop0.state(), drop0.submission(), now, 0,
                    drop0.state() == ItemState.DEFERRED ? Optional.of(now) : Optional.empty(), drop0.reason(),
                    Optional.empty(), Optional.empty(), List.of(), Optional.empty()));
        }
    }

    private boolean known(String id) {
        return Files.exists(folders.data.resolve(id)) || Files.exists(folders.pickup.resolve(id))
                || folders.stateOf(id).isPresent();
    }
}
