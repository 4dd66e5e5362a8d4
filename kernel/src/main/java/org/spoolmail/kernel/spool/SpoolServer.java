package org.spoolmail.kernel.spool;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spoolmail.kernel.config.SpoolConfig;
import org.spoolmail.kernel.pipeline.PipelineRunner;
import org.spoolmail.kernel.queue.DirectorySpool;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.SpoolQueue;

/**
 * The spool server: one dispatcher takes drops into the queue and hands ready items to N workers, which share the
 * pipeline (its stages are resolved once and thread-safe per the SPI) and so deliver-smtp's pooled relay
 * connections. With {@code once} it returns when nothing is ready and nothing is in flight; otherwise it waits for
 * file-system events on the drop folder (or polls) until {@link #stop()}: then it takes no new item, lets the workers
 * finish the ones in flight, and returns. An item is in flight until its completion (queue record and audit records,
 * each durable) has run, after the worker has gone on to the next ({@link Completions}). An item is claimed only
 * when a worker is free, so at a stop everything not in flight is still queued.
 */
public final class SpoolServer {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolServer.class);

    private final SpoolQueue queue;
    private final SpoolConfig config;
    private final Clock clock;
    private final SpoolWorker worker;
    private final SpoolCounters counters;
    private final StatusFile status;
    private final ItemLog log;
    private final BadSpool bad;
    private volatile boolean stopping;
    private volatile DropWatch watch;

    /**
     * @param queue the spool
     * @param runner the pipeline runner the workers share
     * @param config the spool settings (workers, back-off, reports)
     * @param clock the clock of attempts and back-off
     * @param systemName the established system name in each item's identity
     * @param reports how undeliverable mail is reported
     * @param log where each item's outcome line goes
     */
    public SpoolServer(SpoolQueue queue, PipelineRunner runner, SpoolConfig config, Clock clock, String systemName,
            DeliveryReports reports, ItemLog log) {
        this.queue = queue;
        this.config = config;
        this.clock = clock;
        this.counters = new SpoolCounters();
        this.log = log;
        this.bad = new BadSpool(queue, runner, config, systemName, counters, log);
        this.worker = new SpoolWorker(queue, runner, config, clock, systemName, reports, counters, log, bad);
        this.status = new StatusFile(config.directory().resolve("status"), queue, counters, config.workers(),
                runner::relayConnections);
    }

    /** Asks a running server to stop taking items; {@link #run} returns once the items in flight are done. */
    public void stop() {
        stopping = true;
        DropWatch w = watch;
        if (w != null) {
            w.wake();
        }
    }

    /** @return what the server did so far */
    public SpoolCounters counters() {
        return counters;
    }

    /**
     * Drains the spool.
     *
     * @param once true to return when nothing is ready (a batch step); false to run until {@link #stop()}
     * @throws IOException if the spool cannot be read
     * @throws InterruptedException if interrupted while waiting
     */
    public void run(boolean once) throws IOException, InterruptedException {
        int recovered = queue.recover();
        if (recovered > 0) {
            log.line("recovered " + recovered + " item(s) a former run left active");
        }
        bad.drops(queue.refusedDrops());
        Semaphore free = new Semaphore(config.workers());
        ExecutorService workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "spool-worker");
            t.setDaemon(true);
            return t;
        });
        Completions completions = new Completions(Completions.boundFor(config.workers()));
        try (DropWatch w = once ? null : queue instanceof DirectorySpool d
                ? DropWatch.open(d.dropFolder(), config.pollInterval()) : DropWatch.polling()) {
            watch = w;
            status.write("running");
            while (!stopping) {
                free.acquire();
                Optional<QueueItem> item = stopping ? Optional.empty() : claim();
                if (item.isPresent()) {
                    counters.inFlight.incrementAndGet();
                    workers.execute(() -> work(item.get(), completions, free));
                    continue;
                }
                free.release();
                if (once) {
                    if (counters.inFlight.get() == 0 && !readyAfterPickup()) {
                        break;
                    }
                    Thread.sleep(5);
                } else {
                    status.write("running");
                    w.await(untilDue());
                }
            }
            status.write(stopping ? "stopping" : "draining");
            workers.shutdown();
            workers.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            completions.finish();
            status.write("stopped");
        } finally {
            watch = null;
        }
    }

    /**
     * One worker's part of an item: its delivery; the completion goes to the completion step, and the worker is free
     * for the next item once there is room for it. The item stays in flight until its completion has run.
     */
    private void work(QueueItem item, Completions completions, Semaphore free) {
        boolean handed = false;
        try {
            Runnable completion = worker.deliver(item);
            completions.submit(completion, counters.inFlight::decrementAndGet);
            handed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.line(item.id() + " interrupted before its completion, left active for the next start");
        } catch (RuntimeException | Error e) {
            // deliver() holds what fails in it; this is what failed while holding it
            LOG.debug("worker failed on {}", item.id(), e);
            log.line(item.id() + " worker failed, left active for the next start: " + e);
        } finally {
            if (!handed) {
                counters.inFlight.decrementAndGet();
            }
            free.release();
        }
    }

    private Optional<QueueItem> claim() throws IOException {
        Optional<QueueItem> item = queue.claim(clock.instant());
        if (item.isEmpty()) {
            queue.pickup();
            bad.drops(queue.refusedDrops());
            item = queue.claim(clock.instant());
        }
        if (item.isEmpty()) {
            queue.refresh();
            item = queue.claim(clock.instant());
        }
        return item;
    }

    private boolean readyAfterPickup() throws IOException {
        queue.pickup();
        bad.drops(queue.refusedDrops());
        queue.refresh();
        return queue.counts().get(org.spoolmail.kernel.queue.ItemState.INCOMING) > 0
                || queue.nextDue().filter(d -> !d.isAfter(clock.instant())).isPresent();
    }

    private Duration untilDue() {
        Instant now = clock.instant();
        return queue.nextDue().map(d -> Duration.between(now, d)).filter(d -> d.compareTo(config.pollInterval()) < 0)
                .map(d -> d.isNegative() ? Duration.ZERO : d).orElse(config.pollInterval());
    }
}
