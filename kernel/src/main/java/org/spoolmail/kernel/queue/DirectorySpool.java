package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.spoolmail.exits.mail.ContentHandle;

/**
 * The embedded spool: a folder on the local file system (see {@link SpoolFolders} for its layout). The server keeps
 * an index of ready and deferred items in memory, built by one listing at start-up and kept up to date by its own
 * moves, so claiming an item costs no directory scan; items that other processes make ready (operator commands)
 * are found by {@link #refresh()}, which the server calls when it runs out of work. Two claimers can never get the
 * same item: a claim is a rename, and only one rename of a file succeeds.
 */
public final class DirectorySpool implements SpoolQueue {

    /** The reason {@link #drops()} gives each drop, before what else it says about it. */
    public static final String NOT_TAKEN_IN = DropListing.NOT_TAKEN_IN;

    private final SpoolFolders folders;
    private final Clock clock;
    private final ConcurrentLinkedQueue<String> ready = new ConcurrentLinkedQueue<>();
    private final Set<String> readyIds = ConcurrentHashMap.newKeySet();
    private final PriorityQueue<Due> deferred = new PriorityQueue<>(Comparator.comparing(Due::at));
    private final Map<String, QueueItem> active = new ConcurrentHashMap<>();
    private final DropPickup pickup;

    private DirectorySpool(SpoolFolders folders, Clock clock, long maxDropOctets) {
        this.folders = folders;
        this.clock = clock;
        this.pickup = new DropPickup(folders, clock, maxDropOctets);
    }

    /**
     * Opens a spool, creating its folders when they are missing, and indexes its ready and deferred items.
     *
     * @param root the spool folder ({@code spool.directory} in pipeline.yaml)
     * @param clock the clock of creation and next-attempt times
     * @return the spool
     * @throws IOException if the folders cannot be created or read
     */
    public static DirectorySpool open(Path root, Clock clock) throws IOException {
        return open(root, clock, Long.MAX_VALUE);
    }

    /**
     * Opens a spool whose pickup refuses drops larger than {@code maxDropOctets} (held with the reason, the octets
     * not copied).
     *
     * @param root the spool folder ({@code spool.directory} in pipeline.yaml)
     * @param clock the clock of creation and next-attempt times
     * @param maxDropOctets the largest drop taken in ({@code spool.max-drop-size})
     * @return the spool
     * @throws IOException if the folders cannot be created or read
     */
    public static DirectorySpool open(Path root, Clock clock, long maxDropOctets) throws IOException {
        SpoolFolders folders = new SpoolFolders(root);
        folders.create();
        DirectorySpool spool = new DirectorySpool(folders, clock, maxDropOctets);
        spool.refresh();
        for (String id : SpoolFolders.names(folders.folder(ItemState.DEFERRED))) {
            read(folders, ItemState.DEFERRED, id).flatMap(QueueItem::nextAttempt)
                    .ifPresent(at -> spool.addDue(new Due(at, id)));
        }
        return spool;
    }

    /** @return the drop folder submitters write to */
    public Path dropFolder() {
        return folders.drops;
    }

    /**
     * @param id an item
     * @return the file of its octets, for an operator who fixes a held item before releasing it
     */
    public Path dataFile(String id) {
        return folders.data.resolve(id);
    }

    /**
     * Indexes the incoming items not yet known (released, retried or recovered by another process).
     *
     * @throws IOException if the folder cannot be listed
     */
    public void refresh() throws IOException {
        for (String id : SpoolFolders.names(folders.folder(ItemState.INCOMING))) {
            if (readyIds.add(id)) {
                ready.add(id);
            }
        }
    }

    @Override
    public void submit(QueueItem submitted, InputStream content) throws IOException {
        if (submitted.state() == ItemState.ACTIVE) {
            throw new IllegalArgumentException("an item enters the queue incoming, deferred or held, not active");
        }
        String id = submitted.id();
        ItemState state = submitted.state();
        folders.place(folders.data.resolve(id), content);
        folders.dataSync.sync();
        Instant now = clock.instant();
        QueueItem item = new QueueItem(id, state, submitted.submission(), now, submitted.attempts(),
                state == ItemState.DEFERRED ? Optional.of(now) : Optional.empty(), submitted.reason(),
                submitted.lastReply(), submitted.sender(), submitted.recipients(), submitted.lastAttempt());
        folders.place(folders.file(state, id), ItemFile.write(item));
        folders.sync(state);
        if (state == ItemState.INCOMING && readyIds.add(id)) {
            ready.add(id);
        } else if (state == ItemState.DEFERRED) {
            addDue(new Due(now, id));
        }
    }

    @Override
    public List<String> pickup() throws IOException {
        List<String> taken = pickup.take();
        for (String id : taken) {
            ItemState state = folders.stateOf(id).orElse(ItemState.HELD);
            if (state == ItemState.INCOMING && readyIds.add(id)) {
                ready.add(id);
            } else if (state == ItemState.DEFERRED) {
                read(folders, state, id).flatMap(QueueItem::nextAttempt).ifPresent(at -> addDue(new Due(at, id)));
            }
        }
        return taken;
    }

    @Override
    public List<RefusedDrop> refusedDrops() {
        return pickup.refused();
    }

    /** @return the file whose lock a running server holds: only one server drains a directory spool */
    public Path serverLockFile() {
        return folders.queue.resolve("server.lock");
    }

    @Override
    public int recover() throws IOException {
        pickup.recover();
        int moved = 0;
        for (String id : SpoolFolders.names(folders.folder(ItemState.ACTIVE))) {
            if (folders.move(id, ItemState.ACTIVE, ItemState.INCOMING)) {
                moved++;
            }
        }
        refresh();
        return moved;
    }

    @Override
    public Optional<QueueItem> claim(Instant now) throws IOException {
        while (true) {
            String id = ready.poll();
            ItemState from = ItemState.INCOMING;
            Instant dueAt = null;
            if (id != null) {
                readyIds.remove(id);
            } else {
                Due due = pollDue(now);
                if (due == null) {
                    return Optional.empty();
                }
                id = due.id();
                dueAt = due.at();
                from = ItemState.DEFERRED;
            }
            if (!rename(id, from, ItemState.ACTIVE)) {
                continue;
            }
            Optional<QueueItem> item = read(folders, ItemState.ACTIVE, id);
            if (item.isEmpty()) {
                continue;
            }
            if (dueAt != null && !item.get().nextAttempt().equals(Optional.of(dueAt))) {
                // A stale index entry: the item was retried and deferred again meanwhile; it is due later.
                folders.move(id, ItemState.ACTIVE, ItemState.DEFERRED);
                continue;
            }
            QueueItem claimed = new QueueItem(id, ItemState.ACTIVE, item.get().submission(), item.get().created(),
                    item.get().attempts() + 1, Optional.empty(), item.get().reason(), item.get().lastReply(),
                    item.get().sender(), item.get().recipients(), Optional.of(now));
            active.put(id, claimed);
            return Optional.of(claimed);
        }
    }

    /** The claim rename needs no fsync: if a crash undoes it, the item is simply incoming or deferred again. */
    private boolean rename(String id, ItemState from, ItemState to) throws IOException {
        try {
            Files.move(folders.file(from, id), folders.file(to, id), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public boolean record(String id, String sender, List<RecipientState> recipients, Optional<String> lastReply)
            throws IOException {
        QueueItem was = activeItem(id);
        QueueItem now = new QueueItem(id, ItemState.ACTIVE, was.submission(), was.created(), was.attempts(),
                Optional.empty(), was.reason(), lastReply.or(was::lastReply), Optional.of(sender), recipients,
                was.lastAttempt());
        if (now.openRecipients().isEmpty()) {
            Files.deleteIfExists(folders.file(ItemState.ACTIVE, id));
            folders.sync(ItemState.ACTIVE);
            active.remove(id);
            Files.deleteIfExists(folders.data.resolve(id));
            return true;
        }
        folders.place(folders.file(ItemState.ACTIVE, id), ItemFile.write(now));
        folders.sync(ItemState.ACTIVE);
        active.put(id, now);
        return false;
    }

    @Override
    public boolean remove(String id) throws IOException {
        Optional<ItemState> state = folders.stateOf(id);
        if (state.isEmpty()) {
            return false;
        }
        Files.deleteIfExists(folders.file(state.get(), id));
        folders.sync(state.get());
        active.remove(id);
        Files.deleteIfExists(folders.data.resolve(id));
        return true;
    }

    @Override
    public void defer(String id, Instant next, String reason) throws IOException {
        QueueItem was = activeItem(id);
        QueueItem now = new QueueItem(id, ItemState.DEFERRED, was.submission(), was.created(), was.attempts(),
                Optional.of(next), Optional.of(reason), was.lastReply(), was.sender(), was.recipients(),
                was.lastAttempt());
        folders.place(folders.file(ItemState.ACTIVE, id), ItemFile.write(now));
        folders.move(id, ItemState.ACTIVE, ItemState.DEFERRED);
        active.remove(id);
        addDue(new Due(next, id));
    }

    @Override
    public void hold(String id, String reason) throws IOException {
        ItemState state = folders.stateOf(id).orElseThrow(() -> new NoSuchFileException(id, null, "no such item"));
        QueueItem was = state == ItemState.ACTIVE ? activeItem(id) : read(folders, state, id).orElseThrow();
        QueueItem now = new QueueItem(id, ItemState.HELD, was.submission(), was.created(), was.attempts(),
                Optional.empty(), Optional.of(reason), was.lastReply(), was.sender(), was.recipients(),
                was.lastAttempt());
        folders.place(folders.file(state, id), ItemFile.write(now));
        folders.move(id, state, ItemState.HELD);
        active.remove(id);
    }

    @Override
    public boolean release(String id) throws IOException {
        return makeReady(id, ItemState.HELD);
    }

    @Override
    public boolean retry(String id) throws IOException {
        return makeReady(id, ItemState.DEFERRED);
    }

    private boolean makeReady(String id, ItemState from) throws IOException {
        Optional<QueueItem> was = read(folders, from, id);
        if (was.isEmpty()) {
            return false;
        }
        QueueItem w = was.get();
        QueueItem now = new QueueItem(id, ItemState.INCOMING, w.submission(), w.created(), w.attempts(),
                Optional.empty(), w.reason(), w.lastReply(), w.sender(), w.recipients(), w.lastAttempt());
        folders.place(folders.file(from, id), ItemFile.write(now));
        if (!folders.move(id, from, ItemState.INCOMING)) {
            return false;
        }
        if (readyIds.add(id)) {
            ready.add(id);
        }
        return true;
    }

    @Override
    public Optional<QueueItem> show(String id) throws IOException {
        Optional<ItemState> state = folders.stateOf(id);
        return state.isEmpty() ? Optional.empty() : read(folders, state.get(), id);
    }

    @Override
    public List<QueueItem> list() throws IOException {
        List<QueueItem> all = new ArrayList<>();
        for (ItemState s : ItemState.values()) {
            for (String id : SpoolFolders.names(folders.folder(s))) {
                read(folders, s, id).ifPresent(all::add);
            }
        }
        all.sort(Comparator.comparing(QueueItem::created).thenComparing(QueueItem::id));
        return all;
    }

    @Override
    public List<QueueItem> drops() throws IOException {
        return new DropListing(folders.drops).list();
    }

    /**
     * @param name a drop's name
     * @return the drop as an incoming item, if the drop folder holds it (not yet taken in)
     * @throws IOException if it cannot be read
     */
    public Optional<QueueItem> drop(String name) throws IOException {
        return new DropListing(folders.drops).read(name);
    }

    @Override
    public Map<ItemState, Integer> counts() throws IOException {
        Map<ItemState, Integer> counts = new EnumMap<>(ItemState.class);
        for (ItemState s : ItemState.values()) {
            counts.put(s, SpoolFolders.names(folders.folder(s)).size());
        }
        return counts;
    }

    @Override
    public ContentHandle content(String id) throws IOException {
        return ContentHandle.ofFile(folders.data.resolve(id));
    }

    @Override
    public synchronized Optional<Instant> nextDue() {
        return Optional.ofNullable(deferred.peek()).map(Due::at);
    }

    private synchronized void addDue(Due due) {
        deferred.add(due);
    }

    private synchronized Due pollDue(Instant now) {
        Due head = deferred.peek();
        return head != null && !head.at().isAfter(now) ? deferred.poll() : null;
    }

    private QueueItem activeItem(String id) throws IOException {
        QueueItem item = active.get(id);
        if (item != null) {
            return item;
        }
        return read(folders, ItemState.ACTIVE, id).orElseThrow(() -> new NoSuchFileException(id, null,
                "no active item"));
    }

    private static Optional<QueueItem> read(SpoolFolders folders, ItemState state, String id) throws IOException {
        try {
            return Optional.of(ItemFile.read(Files.readAllBytes(folders.file(state, id)), state, id));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** A deferred item's next attempt. */
    private record Due(Instant at, String id) {
    }
}
