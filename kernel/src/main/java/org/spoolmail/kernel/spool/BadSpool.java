package org.spoolmail.kernel.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.RefusedInput;
import org.spoolmail.kernel.config.SpoolConfig;
import org.spoolmail.kernel.pipeline.PipelineRunner;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.RefusedDrop;
import org.spoolmail.kernel.queue.SpoolQueue;
import org.spoolmail.kernel.queue.Submission;

/**
 * What the server does with an item that cannot become mail, like CSSMTP's BadSpoolDisp: a drop refused at pickup,
 * octets the parser refused, an item a worker failed on. Each is held with its reason (or removed, for a bad spool
 * file under {@code bad-spool-disposition: delete}), counted, given a line, and always an audit record through
 * {@link PipelineRunner#recordRefused}, since it has no mail object the observers could hear of. Thread-safe.
 */
final class BadSpool {

    private static final Logger LOG = LoggerFactory.getLogger(BadSpool.class);

    private final SpoolQueue queue;
    private final PipelineRunner runner;
    private final SpoolConfig config;
    private final String systemName;
    private final SpoolCounters counters;
    private final ItemLog log;

    BadSpool(SpoolQueue queue, PipelineRunner runner, SpoolConfig config, String systemName, SpoolCounters counters,
            ItemLog log) {
        this.queue = queue;
        this.runner = runner;
        this.config = config;
        this.systemName = systemName;
        this.counters = counters;
        this.log = log;
    }

    /**
     * Holds or deletes a bad spool item per {@code bad-spool-disposition}; an environment failure (code 16) is
     * always held, since it is not the file's fault.
     */
    RefusedInput.Action dispose(String id, String reason, boolean environment) {
        try {
            if (config.deleteBadSpoolFiles() && !environment) {
                queue.remove(id);
                return told(id, RefusedInput.Action.DELETED, reason);
            }
            queue.hold(id, (environment ? "" : "bad spool file: ") + reason);
            return told(id, RefusedInput.Action.HELD, reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts what was done with a bad spool file and gives it its line. */
    private RefusedInput.Action told(String id, RefusedInput.Action action, String reason) {
        (action == RefusedInput.Action.HELD ? counters.held : counters.failed).incrementAndGet();
        log.line(id + " " + action + " (bad spool file): " + reason);
        return action;
    }

    /** Writes the audit record of an input that never became a mail object; observers' failures become lines. */
    void record(RefusedInput refused) {
        runner.recordRefused(refused).forEach(w -> log.line(refused.queueId() + " " + w));
    }

    /** Gives each drop the pickup refused its disposition, its line and its audit record. */
    void drops(List<RefusedDrop> refused) throws IOException {
        for (RefusedDrop d : refused) {
            String reason = d.reason() + " (dropped as '" + d.name() + "' by " + d.owner() + ")";
            // The pickup already holds a drop it could read; one it could not is already gone.
            boolean delete = d.held() && config.deleteBadSpoolFiles();
            if (delete) {
                queue.remove(d.id());
            }
            RefusedInput.Action action = told(d.id(), d.held() && !delete ? RefusedInput.Action.HELD
                    : RefusedInput.Action.DELETED, reason);
            // The owner of a link or of a file with several names is not who dropped it: a claim, not a fact.
            Identity who = new Identity(new IdentityFact(d.owner(), d.held()), Optional.empty(), Optional.empty(),
                    Optional.empty(), IdentityFact.established(systemName), d.name(), Optional.empty());
            record(new RefusedInput(d.id(), d.name(), who, d.sizeOctets(), Ccsid.UTF_8, RecordFormat.LF,
                    "bad spool file: " + reason, 12, action, Optional.empty()));
        }
    }

    /**
     * Holds an item a worker failed on for a reason nobody foresaw (an exception or Error from the queue, a stage
     * or the kernel itself), so that it is neither lost nor left active to fail again at every start.
     */
    void failed(QueueItem item, Throwable e) {
        String reason = "the spool server failed on it: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        LOG.debug("worker failed on {}", item.id(), e);
        try {
            if (queue.show(item.id()).isEmpty()) {
                log.line(item.id() + " " + reason + " (after it left the queue)");
                return;
            }
            queue.hold(item.id(), reason);
            counters.held.incrementAndGet();
            log.line(item.id() + " HELD: " + reason);
            Submission s = item.submission();
            record(new RefusedInput(item.id(), s.origin(), identity(s), size(item.id()), s.ccsid(), s.records(), reason, 16,
                    RefusedInput.Action.HELD, Optional.empty()));
        } catch (IOException | RuntimeException again) {
            LOG.debug("could not hold {}", item.id(), again);
            log.line(item.id() + " " + reason + "; not held either, left active for the next start: " + again);
        }
    }

    /** @return the item's size in octets, or 0 when its data file cannot be opened */
    long size(String id) {
        try {
            return queue.content(id).sizeOctets();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** The submitter with the claims that can be identity facts; a bad one may be why the worker failed. */
    Identity identity(Submission s) {
        return new Identity(new IdentityFact(s.submitter(), s.established()), claim(s, "job-name"),
                claim(s, "job-id"), claim(s, "program"), IdentityFact.established(systemName), s.origin(),
                claim(s, "step"));
    }

    private static Optional<IdentityFact> claim(Submission s, String key) {
        try {
            return Optional.ofNullable(s.claims().get(key)).map(IdentityFact::claimed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
