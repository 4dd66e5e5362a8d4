package org.spoolmail.kernel.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import org.spoolmail.exits.mail.RelayConnections;
import org.spoolmail.kernel.queue.ItemState;
import org.spoolmail.kernel.queue.SpoolQueue;

/**
 * The status line of a running server, rewritten in {@code spool/status} while it runs (whenever it waits for work,
 * at least every poll interval) so that {@code spoolmail queue} can show it from another process: state, process
 * ID, items per state, the relay connections the workers share (open, and how many of them wait idle in the pool),
 * and what it did since it started.
 */
final class StatusFile {

    private final Path file;
    private final SpoolQueue queue;
    private final SpoolCounters counters;
    private final int workers;
    private final Supplier<RelayConnections> connections;
    private final long pid = ProcessHandle.current().pid();
    private final Instant started = Instant.now();

    StatusFile(Path file, SpoolQueue queue, SpoolCounters counters, int workers,
            Supplier<RelayConnections> connections) {
        this.file = file;
        this.queue = queue;
        this.counters = counters;
        this.workers = workers;
        this.connections = connections;
    }

    void write(String state) {
        try {
            Map<ItemState, Integer> c = queue.counts();
            // A stopped server closes its pipeline (and the pooled sessions) right after this last line.
            RelayConnections relay = connections.get();
            String line = "server " + state + ", pid " + pid + ", since " + started + ", updated " + Instant.now()
                    + "; incoming " + c.get(ItemState.INCOMING) + ", active " + c.get(ItemState.ACTIVE)
                    + ", deferred " + c.get(ItemState.DEFERRED) + ", held " + c.get(ItemState.HELD) + "; " + counters
                    + " of " + workers + " workers; relay connections " + (state.equals("stopped") ? "closed"
                            : relay.open() + " open, " + relay.pooled() + " pooled") + "\n";
            Path temp = file.resolveSibling(".status.tmp");
            Files.writeString(temp, line, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the status line is for people; the queue does not depend on it
        }
    }
}
