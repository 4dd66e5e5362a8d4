package org.spoolmail.kernel.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.kernel.queue.RecipientState.Status;

/**
 * What every {@link SpoolQueue} must do, whatever stores it: the directory spool's test extends it, and so will the
 * JMS one. {@link #open(Clock)} opens the same storage again, as a restarted server does.
 */
public abstract class SpoolQueueContract {

    /** A clock the tests move. */
    protected static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    protected final MovableClock clock = new MovableClock();
    private SpoolQueue queue;

    /**
     * @param clock the clock of creation and next-attempt times
     * @return the queue under test on its storage; called again, the same storage (a restart)
     */
    protected abstract SpoolQueue open(Clock clock) throws Exception;

    @BeforeEach
    void openQueue() throws Exception {
        queue = open(clock);
    }

    private static Submission submission() {
        return new Submission("batch1", true, Map.of("job-name", "PAYROLL"), "pay.smtp",
                Optional.of("smtp-datastream"), Ccsid.ISO_8859_1, RecordFormat.LF, 0);
    }

    private static InputStream octets(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static List<RecipientState> recipients(Status a, Status b) {
        return List.of(new RecipientState("<a@example.com>", a, Optional.of("250 2.0.0 ok")),
                new RecipientState("<b@example.com>", b, Optional.of("451 4.3.0 try later")));
    }

    @Test
    void claimShouldReturnSubmittedItemWithItsSubmissionWhenIncoming() throws Exception {
        queue.submit("20261204T100000-aaaaaa-0001", submission(), octets("MAIL FROM:<x@y>\n"), ItemState.INCOMING,
                Optional.empty());
        QueueItem item = queue.claim(clock.instant()).orElseThrow();
        assertEquals("20261204T100000-aaaaaa-0001", item.id());
        assertEquals(ItemState.ACTIVE, item.state());
        assertEquals(1, item.attempts());
        assertEquals(submission(), item.submission());
        try (InputStream in = queue.content(item.id()).open()) {
            assertEquals("MAIL FROM:<x@y>\n", new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
        assertEquals(Optional.empty(), queue.claim(clock.instant()));
    }

    @Test
    void claimShouldGiveEachItemToOneClaimerWhenEightClaimAtOnce() throws Exception {
        for (int i = 1; i <= 200; i++) {
            queue.submit(String.format("20261204T100000-aaaaaa-%04d", i), submission(), octets("x"),
                    ItemState.INCOMING, Optional.empty());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> claims = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            claims.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (Optional<QueueItem> i = queue.claim(clock.instant()); i.isPresent();
                        i = queue.claim(clock.instant())) {
                    mine.add(i.get().id());
                }
                return mine;
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : claims) {
            all.addAll(f.get());
        }
        pool.shutdown();
        // An empty claim means "nothing claimable now", not "the queue is empty": on a broker, a message another
        // session's receive raced for and gave back is claimable again a moment later (the server claims again at
        // its poll interval). What the claimers left is claimed here, each item still by one claimer only.
        for (int round = 0; round < 50 && all.size() < 200; round++) {
            Optional<QueueItem> late = queue.claim(clock.instant());
            if (late.isPresent()) {
                all.add(late.get().id());
            } else {
                Thread.sleep(20);
            }
        }
        Collections.sort(all);
        assertEquals(200, all.size());
        assertEquals(200, all.stream().distinct().count());
    }

    @Test
    void claimShouldKeepAcceptedRecipientWhenDeferredItemIsRetried() throws Exception {
        queue.submit("20261204T100000-aaaaaa-0001", submission(), octets("x"), ItemState.INCOMING, Optional.empty());
        QueueItem item = queue.claim(clock.instant()).orElseThrow();
        assertFalse(queue.record(item.id(), "<s@example.com>", recipients(Status.ACCEPTED, Status.DEFERRED),
                Optional.of("451 4.3.0 try later")));
        queue.defer(item.id(), clock.instant().plusSeconds(60), "relay deferred <b@example.com>");
        assertEquals(Optional.empty(), queue.claim(clock.instant().plusSeconds(59)));
        clock.advance(Duration.ofSeconds(60));
        QueueItem again = queue.claim(clock.instant()).orElseThrow();
        assertEquals(2, again.attempts());
        assertEquals(List.of("<b@example.com>"), again.openRecipients());
        assertEquals(List.of("<a@example.com>"), again.finalRecipients());
        assertEquals(Optional.of("<s@example.com>"), again.sender());
    }

    @Test
    void recordShouldRemoveItemWhenEveryRecipientIsFinal() throws Exception {
        queue.submit("20261204T100000-aaaaaa-0001", submission(), octets("x"), ItemState.INCOMING, Optional.empty());
        QueueItem item = queue.claim(clock.instant()).orElseThrow();
        assertTrue(queue.record(item.id(), "<s@example.com>", recipients(Status.ACCEPTED, Status.REFUSED),
                Optional.empty()));
        assertEquals(Optional.empty(), queue.show(item.id()));
        assertEquals(Map.of(ItemState.INCOMING, 0, ItemState.ACTIVE, 0, ItemState.DEFERRED, 0, ItemState.HELD, 0),
                queue.counts());
    }

    @Test
    void recoverShouldMakeActiveItemIncomingWithItsResultsWhenReopened() throws Exception {
        queue.submit("20261204T100000-aaaaaa-0001", submission(), octets("x"), ItemState.INCOMING, Optional.empty());
        QueueItem item = queue.claim(clock.instant()).orElseThrow();
        queue.record(item.id(), "<s@example.com>", recipients(Status.ACCEPTED, Status.PENDING), Optional.empty());
        SpoolQueue restarted = open(clock);
        assertEquals(1, restarted.recover());
        QueueItem again = restarted.claim(clock.instant()).orElseThrow();
        assertEquals(List.of("<b@example.com>"), again.openRecipients());
    }

    @Test
    void releaseShouldMakeHeldItemClaimableWithItsReasonShown() throws Exception {
        queue.submit("20261204T100000-aaaaaa-0001", submission(), octets("x"), ItemState.INCOMING, Optional.empty());
        QueueItem item = queue.claim(clock.instant()).orElseThrow();
        queue.hold(item.id(), "bad spool file: record 3: unknown command");
        QueueItem held = queue.show(item.id()).orElseThrow();
        assertEquals(ItemState.HELD, held.state());
        assertEquals(Optional.of("bad spool file: record 3: unknown command"), held.reason());
        assertEquals(Optional.empty(), queue.claim(clock.instant()));
        assertTrue(queue.release(item.id()));
        assertFalse(queue.release(item.id()));
        assertEquals(item.id(), queue.claim(clock.instant()).orElseThrow().id());
    }

    @Test
    void retryShouldMakeDeferredItemDueNowWhenItsTimeIsLater() throws Exception {
        queue.submit("20261204T100000-aaaaaa-0001", submission(), octets("x"), ItemState.INCOMING, Optional.empty());
        QueueItem item = queue.claim(clock.instant()).orElseThrow();
        queue.defer(item.id(), clock.instant().plusSeconds(3600), "451 4.3.0 try later");
        assertEquals(Optional.of(clock.instant().plusSeconds(3600)), queue.nextDue());
        assertEquals(ItemState.DEFERRED, queue.show(item.id()).orElseThrow().state());
        assertTrue(queue.retry(item.id()));
        assertEquals(item.id(), queue.claim(clock.instant()).orElseThrow().id());
    }

    @Test
    void submitShouldKeepHeldItemWithReasonWhenSendCouldNotDeliver() throws Exception {
        queue.submit("20261204T100000-aaaaaa-0001", submission(), octets("x"), ItemState.HELD,
                Optional.of("stage verify-sender: exit routine failed"));
        assertEquals(List.of("20261204T100000-aaaaaa-0001"), queue.list().stream().map(QueueItem::id).toList());
        assertEquals(Optional.of("stage verify-sender: exit routine failed"),
                queue.show("20261204T100000-aaaaaa-0001").orElseThrow().reason());
        assertEquals(1, queue.counts().get(ItemState.HELD));
    }

    @Test
    void submitShouldKeepRecipientStatesAndOptionsSoTheRetrySendsOnlyToTheOpenRecipient() throws Exception {
        Submission sent = new Submission("batch1", true, Map.of(), "/u/batch1/pay.smtp", Optional.of("smtp-datastream"),
                Ccsid.ISO_8859_1, RecordFormat.LF, 0, List.of("--codepage", "819", "--plugins", "/opt/plugins"),
                List.of());
        queue.submit(new QueueItem("20261204T100000-aaaaaa-0001", ItemState.DEFERRED, sent, Instant.EPOCH, 0,
                Optional.empty(), Optional.of("DEFERRED, condition code 4: the relay deferred <b@example.com>"),
                Optional.of("451 4.3.0 try later"), Optional.of("<pay@example.com>"),
                recipients(Status.ACCEPTED, Status.DEFERRED), Optional.empty()), octets("x"));

        QueueItem shown = queue.show("20261204T100000-aaaaaa-0001").orElseThrow();
        assertEquals(sent, shown.submission());
        assertEquals(Optional.of("<pay@example.com>"), shown.sender());
        assertEquals(Optional.of("451 4.3.0 try later"), shown.lastReply());
        assertEquals(recipients(Status.ACCEPTED, Status.DEFERRED), shown.recipients());
        QueueItem claimed = queue.claim(clock.instant()).orElseThrow();
        assertEquals(List.of("<b@example.com>"), claimed.openRecipients());
        assertEquals(List.of("<a@example.com>"), claimed.finalRecipients());
    }
}
