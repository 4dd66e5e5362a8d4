package org.spoolmail.kernel.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.kernel.config.SpoolConfig;
import org.spoolmail.kernel.pipeline.StubPipelines;
import org.spoolmail.kernel.queue.DirectorySpool;
import org.spoolmail.kernel.queue.ItemState;
import org.spoolmail.kernel.queue.Submission;

/**
 * The completion step of {@link SpoolServer}: an item's queue record and audit record run after its worker has gone
 * on to the next item's delivery, and {@code --once} returns only when every completion has run.
 */
class SpoolServerCompletionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private static final String FIRST = "20261204T100000-aaaaaa-0001";
    private static final String SECOND = "20261204T100000-aaaaaa-0002";

    @TempDir
    Path dir;

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch secondDelivering = new CountDownLatch(1);

    @Test
    void runShouldAuditTheFirstItemWhileTheOnlyWorkerDeliversTheSecondWhenOnce() throws Exception {
        DirectorySpool spool = spoolWith(FIRST, SECOND);
        MailObserver audit = (mail, d) -> {
            try {
                events.add("audit " + mail.id() + " begins, queued: " + spool.show(mail.id()).isPresent());
                // One worker: the second delivery can begin only if the first item's completion is not its work.
                if (mail.id().equals(FIRST) && !secondDelivering.await(5, TimeUnit.SECONDS)) {
                    events.add("the second delivery never began");
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            events.add("audit " + mail.id() + " ends");
        };

        SpoolServer server = server(spool, audit);
        server.run(true);

        assertEquals(List.of("deliver " + FIRST, "deliver " + SECOND, "audit " + FIRST + " begins, queued: false",
                "audit " + FIRST + " ends", "audit " + SECOND + " begins, queued: false", "audit " + SECOND + " ends"),
                ordered());
        assertEquals(2, server.counters().delivered.get());
        assertEquals(0, server.counters().inFlight.get());
        assertEquals(Map.of(ItemState.INCOMING, 0, ItemState.ACTIVE, 0, ItemState.DEFERRED, 0, ItemState.HELD, 0),
                spool.counts());
    }

    @Test
    void runShouldRemoveTheDeliveredItemAndLogTheFailureWhenTheAuditRecordFails() throws Exception {
        DirectorySpool spool = spoolWith(FIRST);
        secondDelivering.countDown();
        MailObserver audit = (mail, d) -> {
            throw new IllegalStateException("audit folder full");
        };

        SpoolServer server = server(spool, audit);
        server.run(true);

        assertEquals(List.of(FIRST + " DELIVERED <batch@example.com> -> <ops@example.com>", FIRST
                + " log stage audit-log could not record " + FIRST + ": audit folder full"), lines);
        assertEquals(Map.of(ItemState.INCOMING, 0, ItemState.ACTIVE, 0, ItemState.DEFERRED, 0, ItemState.HELD, 0),
                spool.counts());
    }

    /** The events, the second audit's after the first's (their completions may overlap in time). */
    private List<String> ordered() {
        List<String> all = new ArrayList<>(events);
        List<String> second = all.stream().filter(e -> e.startsWith("audit " + SECOND)).toList();
        all.removeAll(second);
        all.addAll(second);
        return all;
    }

    private DirectorySpool spoolWith(String... ids) throws Exception {
        DirectorySpool spool = DirectorySpool.open(dir.resolve("spool"), CLOCK);
        for (String id : ids) {
            Submission s = new Submission("batch", true, Map.of(), id + ".smtp", Optional.empty(),
                    Ccsid.ISO_8859_1, RecordFormat.LF, 0);
            spool.submit(id, s, new ByteArrayInputStream(id.getBytes(StandardCharsets.US_ASCII)),
                    ItemState.INCOMING, Optional.empty());
        }
        return spool;
    }

    private SpoolServer server(DirectorySpool spool, MailObserver audit) {
        MailParser parser = input -> List.of(MailObjects.builder().from("batch@example.com").to("ops@example.com")
                .build());
        MailStage deliver = mail -> {
            events.add("deliver " + mail.id());
            if (mail.id().equals(SECOND)) {
                secondDelivering.countDown();
            }
            return StageOutcome.stop(mail, Disposition.delivered(mail.envelope().forwardPaths().stream()
                    .map(f -> new RecipientResult(f, RecipientResult.Status.ACCEPTED, Optional.empty())).toList(),
                    Optional.empty()));
        };
        SpoolConfig config = new SpoolConfig(dir.resolve("spool"), 1, Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofDays(1), false, List.of(), dir.resolve("dead-letter"), Duration.ofSeconds(1));
        ItemLog log = lines::add;
        return new SpoolServer(spool, StubPipelines.runner(dir, parser, deliver, audit, CLOCK), config, CLOCK,
                "SYS1", new DeliveryReports(spool, config, CLOCK, "SYS1", "spoolmail", log), log);
    }
}
