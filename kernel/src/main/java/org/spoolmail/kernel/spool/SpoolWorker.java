package org.spoolmail.kernel.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RefusedInput;
import org.spoolmail.kernel.config.SpoolConfig;
import org.spoolmail.kernel.pipeline.InputRefusedException;
import org.spoolmail.kernel.pipeline.PipelineRunner;
import org.spoolmail.kernel.pipeline.PipelineRunner.QueuedStop;
import org.spoolmail.kernel.queue.CarriedInput;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.RecipientState;
import org.spoolmail.kernel.queue.SpoolQueue;
import org.spoolmail.kernel.queue.Submission;

/**
 * Works one claimed item: runs it through the pipeline as its submitter (the user ID the queue established, the
 * job facts as claims); its completion then records each recipient's result, removes, defers, holds or reports the
 * item, and has the observers record it. Thread-safe: the server's workers and completion threads share one.
 */
final class SpoolWorker {

    private final SpoolQueue queue;
    private final PipelineRunner runner;
    private final RetryPolicy retry;
    private final Clock clock;
    private final String systemName;
    private final Undeliverable reports;
    private final SpoolCounters counters;
    private final ItemLog log;
    private final BadSpool bad;

    SpoolWorker(SpoolQueue queue, PipelineRunner runner, SpoolConfig config, Clock clock, String systemName,
            Undeliverable reports, SpoolCounters counters, ItemLog log, BadSpool bad) {
        this.queue = queue;
        this.runner = runner;
        this.retry = new RetryPolicy(config.retryInitial(), config.retryMax(), config.maxAge());
        this.clock = clock;
        this.systemName = systemName;
        this.reports = reports;
        this.counters = counters;
        this.log = log;
        this.bad = bad;
    }

    /**
     * Runs the item's stages (its delivery) on the calling thread and returns the rest, its completion: recording the
     * outcome in the queue, then with the observers, to be run on any thread once this returns. Whatever fails in
     * either (the queue, a stage, the kernel, even an Error) holds the item with the reason and an audit record
     * instead of leaving it active to fail again at every start.
     *
     * @return the completion; it does nothing when the item ended here (refused by the parser, or failed)
     */
    Runnable deliver(QueueItem item) {
        Submission s = item.submission();
        return guarded(item, () -> {
            // The files a deck names are the octets the item carries: the server never opens a path it names.
            MailInput input = CarriedInput.of(s, queue.content(item.id()), identity(s));
            Set<String> finished = new HashSet<>(item.finalRecipients());
            Optional<QueuedStop> stop = runner.runQueued(input, item.id(), s.format(), s.index(), finished);
            // Every recipient was finished by a former attempt whose removal a crash undid: nothing to send.
            return stop.isEmpty() ? () -> guarded(item, () -> remove(item, "no recipient left"))
                    : () -> guarded(item, () -> complete(item, stop.get()));
        });
    }

    /**
     * The queue first, as soon as possible after the relay's reply (RFC 1047), then the observers: the audit record
     * says where the item went.
     */
    private Runnable complete(QueueItem item, QueuedStop stop) {
        journal(item, stop.role(), stop.attempted(), stop.mail(), stop.disposition());
        runner.finishQueued(stop).warnings().forEach(w -> log.line(item.id() + " " + w));
        return NOTHING;
    }

    private static final Runnable NOTHING = () -> { };

    /** A part of an item's work that may fail in any way. */
    private interface Step {
        Runnable run() throws IOException, InputRefusedException;
    }

    private Runnable guarded(QueueItem item, Step step) {
        Submission s = item.submission();
        try {
            return step.run();
        } catch (InputRefusedException e) {
            boolean environment = e.conditionCode() == 16;
            long size = bad.size(item.id());
            RefusedInput.Action action = bad.dispose(item.id(), e.getMessage(), environment);
            // The parser refused it, so no observer heard of it: give the audit log its record all the same.
            bad.record(new RefusedInput(item.id(), s.origin(), bad.identity(s), size, s.ccsid(), s.records(),
                    (environment ? "" : "bad spool file: ") + e.getMessage(), e.conditionCode(), action,
                    Optional.empty()));
        } catch (IOException | UncheckedIOException e) {
            if (queue.redeliversAfterFailure()) {
                // A broker's transaction cut off (failover): it rolls the claim back and gives the item again, to
                // this instance or another; holding it would take it out of the drain for good.
                log.line(item.id() + " queue failure, the broker gives the item again: " + e.getMessage());
            } else {
                bad.failed(item, e);
            }
        } catch (RuntimeException | Error e) {
            bad.failed(item, e);
        }
        return NOTHING;
    }

    private void journal(QueueItem item, String role, List<ForwardPath> attempted, MailObject mail,
            Disposition d) {
        Attempt a = Attempt.of(item, attempted, role, mail, d);
        try {
            String sender = mail.envelope().reversePath().toString();
            switch (a.next()) {
                case DONE -> {
                    queue.record(item.id(), sender, a.recipients(), a.reply());
                    List<RecipientState> refused = refusedNow(a, attempted);
                    counters.delivered.incrementAndGet();
                    log.line(item.id() + " " + d.kind() + " " + sender + " -> " + describe(a.recipients()));
                    if (!refused.isEmpty()) {
                        reports.report(item, mail, refused, false);
                    }
                }
                case RETRY -> retry(item, mail, sender, a, attempted);
                case BAD_SPOOL -> bad.dispose(item.id(), a.reason() + a.reply().map(r -> " [" + r + "]").orElse(""),
                        false);
                case HOLD -> {
                    queue.hold(item.id(), a.reason());
                    counters.held.incrementAndGet();
                    log.line(item.id() + " HELD: " + a.reason());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void retry(QueueItem item, MailObject mail, String sender, Attempt a, List<ForwardPath> attempted)
            throws IOException {
        queue.record(item.id(), sender, a.recipients(), a.reply());
        List<RecipientState> refused = refusedNow(a, attempted);
        if (!refused.isEmpty()) {
            reports.report(item, mail, refused, false);
        }
        // The back-off counts from the start of the attempt, so the waits are exactly the policy's whatever the
        // attempt itself took.
        Instant now = item.lastAttempt().orElseGet(clock::instant);
        Instant next = retry.next(item.attempts(), now);
        if (retry.expired(item.created(), next)) {
            List<RecipientState> open = a.recipients().stream().filter(r -> !r.status().isFinal()).toList();
            reports.report(item, mail, open, true);
            queue.remove(item.id());
            counters.failed.incrementAndGet();
            log.line(item.id() + " UNDELIVERABLE after " + item.attempts() + " attempts: " + a.reason());
            return;
        }
        queue.defer(item.id(), next, a.reason());
        counters.deferred.incrementAndGet();
        log.line(item.id() + " DEFERRED until " + next + ": " + a.reason());
    }

    private Runnable remove(QueueItem item, String why) throws IOException {
        queue.remove(item.id());
        log.line(item.id() + " DONE: " + why);
        return NOTHING;
    }

    private static List<RecipientState> refusedNow(Attempt a, List<ForwardPath> attempted) {
        Set<String> now = new HashSet<>(attempted.stream().map(Object::toString).toList());
        return a.refused().stream().filter(r -> now.contains(r.forwardPath())).toList();
    }

    private static String describe(List<RecipientState> recipients) {
        return String.join(" ", recipients.stream().map(r -> r.forwardPath()
                + (r.status() == RecipientState.Status.ACCEPTED ? "" : "(" + r.status() + ")")).toList());
    }

    private Identity identity(Submission s) {
        return new Identity(s.established() ? IdentityFact.established(s.submitter())
                : IdentityFact.claimed(s.submitter()), claim(s, "job-name"), claim(s, "job-id"), claim(s, "program"),
                IdentityFact.established(systemName), s.origin(), claim(s, "step"));
    }

    private static Optional<IdentityFact> claim(Submission s, String key) {
        return Optional.ofNullable(s.claims().get(key)).map(IdentityFact::claimed);
    }
}
