package org.spoolmail.kernel.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Clock;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.kernel.config.SpoolConfig;
import org.spoolmail.kernel.queue.DirectorySpool;
import org.spoolmail.kernel.queue.DropWriter;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.SpoolOpener;
import org.spoolmail.kernel.queue.SpoolQueue;

/**
 * Where {@code send} and the embedding API keep mail they could not deliver: the spool queue pipeline.yaml names
 * (the directory spool, {@code spool/} beside pipeline.yaml unless {@code spool.directory} says otherwise, or the
 * JMS queue), one item per mail object, HELD or DEFERRED with its reason, its input's shape and each recipient's
 * result, so that the spool server retries deferred mail, {@code spoolmail queue release} serves held mail as it
 * serves spooled mail, and a recipient the relay already accepted is never sent it again. When the queue belongs to
 * a service account this user cannot write, the item goes through the drop folder instead, which the server takes
 * in with the same state and reason (the drop's owner is then the established submitter).
 */
public final class SpoolHold {

    private final SpoolConfig spool;
    private final Clock clock;

    /**
     * @param spool the {@code spool:} block (its directory, or its broker)
     * @param clock the clock of the item's times
     */
    public SpoolHold(SpoolConfig spool, Clock clock) {
        this.spool = spool;
        this.clock = clock;
    }

    /**
     * Where a kept item is.
     *
     * @param id its queue ID
     * @param where for people and the audit record's {@code held-in}: e.g. {@code spool/queue/held/ID}
     */
    public record Kept(String id, String where) {
    }

    /**
     * @param item the item: ID, state HELD or DEFERRED, submission, reason, sender and recipients as known
     * @param octets its octets: the mail object's own transaction, or the whole input with the item's index
     * @return where it is
     * @throws IOException if neither the queue nor its drop folder can take it
     */
    public Kept keep(QueueItem item, ContentHandle octets) throws IOException {
        SpoolQueue queue = null;
        try (InputStream in = octets.open()) {
            queue = SpoolOpener.open(spool, clock);
            queue.submit(item, in);
            return new Kept(item.id(), queue instanceof DirectorySpool
                    ? spool.directory().resolve("queue").resolve(item.state().label()).resolve(item.id()).toString()
                    : "the JMS spool " + spool.jms().map(j -> j.queue()).orElse("") + ", " + item.state().label());
        } catch (AccessDeniedException e) {
            if (spool.jms().isPresent()) {
                throw e;
            }
            Path drops = spool.directory().resolve("incoming");
            try (InputStream in = octets.open()) {
                new DropWriter(drops, spool.maxDropOctets()).write(item.id(), item.submission(), item.state(),
                        item.reason(), in);
            }
            return new Kept(item.id(), drops.resolve(item.id()) + " (the spool server takes it in "
                    + item.state().label() + ")");
        } finally {
            SpoolOpener.close(queue);
        }
    }
}
