package org.spoolmail.kernel.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.kernel.queue.RecipientState.Status;

/**
 * The JMS spool on a real (embedded) Artemis broker against the contract, plus what only a broker has: a claim
 * that dies with its connection, a submit retried with the same duplicate-detection ID, credentials.
 */
class JmsSpoolTest extends SpoolQueueContract {

    @TempDir
    static Path brokerData;
    private static EmbeddedBroker broker;

    private final String queue = "spool-" + UUID.randomUUID();
    private JmsSpool current;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedBroker(brokerData);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void closeSpool() {
        if (current != null) {
            current.close();
        }
    }

    /** Each open is a new instance on the same queue; the former one stops as a killed process would. */
    @Override
    protected SpoolQueue open(Clock clock) throws Exception {
        if (current != null) {
            current.close();
        }
        current = JmsSpool.open(JmsConnections.artemis(EmbeddedBroker.URL), Optional.empty(), queue, clock);
        return current;
    }

    private JmsSpool another() throws IOException {
        return JmsSpool.open(JmsConnections.artemis(EmbeddedBroker.URL), Optional.empty(), queue, clock);
    }

    private static Submission submission() {
        return new Submission("batch1", true, Map.of(), "pay.smtp", Optional.of("smtp-datastream"),
                Ccsid.ISO_8859_1, RecordFormat.LF, 0);
    }

    private void submit(SpoolQueue q, String id) throws IOException {
        q.submit(id, submission(), new ByteArrayInputStream("MAIL FROM:<x@y>\n".getBytes(StandardCharsets.US_ASCII)),
                ItemState.INCOMING, Optional.empty());
    }

    @Test
    void claimShouldGoToAnotherInstanceWhenClaimerDiesBeforeRecording() throws Exception {
        JmsSpool first = (JmsSpool) open(clock);
        submit(first, "20261204T100000-bbbbbb-0001");
        assertEquals("20261204T100000-bbbbbb-0001", first.claim(clock.instant()).orElseThrow().id());
        try (JmsSpool second = another()) {
            assertEquals(Optional.empty(), second.claim(clock.instant()));
            first.close();
            QueueItem again = second.claim(clock.instant()).orElseThrow();
            assertEquals("20261204T100000-bbbbbb-0001", again.id());
            assertEquals(1, again.attempts());
            assertEquals("MAIL FROM:<x@y>\n", new String(second.content(again.id()).open().readAllBytes(),
                    StandardCharsets.US_ASCII));
        }
    }

    @Test
    void countsShouldShowItemClaimedByAnotherInstanceAsIncomingWhenItIsNotFinished() throws Exception {
        // Counted by the broker (not by browsing, which cannot see a claimed message): the claimer shows its claim
        // as active, the other instance sees it still incoming, as it is until the claimer commits.
        JmsSpool first = (JmsSpool) open(clock);
        submit(first, "20261204T100000-bbbbbb-0005");
        submit(first, "20261204T100000-bbbbbb-0006");
        assertEquals("20261204T100000-bbbbbb-0005", first.claim(clock.instant()).orElseThrow().id());
        try (JmsSpool second = another()) {
            assertEquals(Map.of(ItemState.INCOMING, 2, ItemState.ACTIVE, 0, ItemState.DEFERRED, 0, ItemState.HELD, 0),
                    second.counts());
            assertEquals(Map.of(ItemState.INCOMING, 1, ItemState.ACTIVE, 1, ItemState.DEFERRED, 0, ItemState.HELD, 0),
                    first.counts());
        }
    }

    @Test
    void recoverShouldReturnRecordedResultsWhenInstanceDiesBetweenRecordAndDefer() throws Exception {
        JmsSpool first = (JmsSpool) open(clock);
        submit(first, "20261204T100000-bbbbbb-0002");
        first.claim(clock.instant()).orElseThrow();
        first.record("20261204T100000-bbbbbb-0002", "<s@example.com>", List.of(
                new RecipientState("<a@example.com>", Status.ACCEPTED, Optional.of("250 2.0.0 ok")),
                new RecipientState("<b@example.com>", Status.DEFERRED, Optional.of("451 4.3.0 later"))),
                Optional.empty());
        first.close();
        try (JmsSpool second = another()) {
            assertEquals(1, second.recover());
            QueueItem again = second.claim(clock.instant()).orElseThrow();
            assertEquals(List.of("<b@example.com>"), again.openRecipients());
            assertEquals(List.of("<a@example.com>"), again.finalRecipients());
            assertEquals(2, again.attempts());
        }
    }

    @Test
    void submitShouldQueueOnceWhenRetriedWithSameId() throws Exception {
        SpoolQueue q = open(clock);
        submit(q, "20261204T100000-bbbbbb-0003");
        submit(q, "20261204T100000-bbbbbb-0003");
        assertEquals(List.of("20261204T100000-bbbbbb-0003"), q.list().stream().map(QueueItem::id).toList());
        assertEquals(1, q.counts().get(ItemState.INCOMING));
    }

    @Test
    void releaseShouldMakeIdAvailableAgainWhenDuplicateIdOfSubmitIsRemembered() throws Exception {
        // The successor of a held item is sent without the submit's duplicate ID, or the broker would drop it.
        SpoolQueue q = open(clock);
        submit(q, "20261204T100000-bbbbbb-0004");
        q.hold("20261204T100000-bbbbbb-0004", "operator stop");
        assertTrue(q.release("20261204T100000-bbbbbb-0004"));
        assertEquals("20261204T100000-bbbbbb-0004", q.claim(clock.instant()).orElseThrow().id());
    }

    @Test
    void submitShouldRefuseItemWhenItHasMoreOctetsThanMaxItemSize() throws Exception {
        // An item is one message held whole in memory: the bound keeps a large one from exhausting the heap.
        try (JmsSpool bounded = JmsSpool.open(JmsConnections.artemis(EmbeddedBroker.URL), Optional.empty(), queue,
                clock, 64)) {
            bounded.submit("20261204T100000-bbbbbb-0007", submission(), new ByteArrayInputStream(new byte[64]),
                    ItemState.INCOMING, Optional.empty());
            ItemTooLargeException e = assertThrows(ItemTooLargeException.class, () -> bounded.submit(
                    "20261204T100000-bbbbbb-0008", submission(), new ByteArrayInputStream(new byte[1 << 20]),
                    ItemState.INCOMING, Optional.empty()));
            assertEquals("item 20261204T100000-bbbbbb-0008 is larger than the JMS spool's max-item-size of 64 octets"
                    + " (each item travels as one message held in memory); send it with 'spoolmail send', or raise"
                    + " spool.max-item-size together with the heap of submitters and spool instances",
                    e.getMessage());
            assertEquals(List.of("20261204T100000-bbbbbb-0007"),
                    bounded.list().stream().map(QueueItem::id).toList());
        }
    }

    @Test
    void readShouldRefuseCredentialsFileWhenGroupMayReadIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broker.cred");
        Files.writeString(file, "user=spool\npassword=s3cret\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        IOException e = assertThrows(IOException.class, () -> JmsCredentials.read(file));
        assertEquals("credentials-file " + file + " is open to its group or others (rw-r-----); credentials must"
                + " be in a file readable by its owner only: chmod 600 " + file, e.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        JmsCredentials c = JmsCredentials.read(file);
        assertEquals("spool", c.user());
        assertEquals("s3cret", c.password());
        assertEquals("JmsCredentials[user=spool, password=(hidden)]", c.toString());
    }

    @Test
    void spoolHoldShouldPutSendsHeldMailIntoTheBrokersHeldStateWhenTheSpoolIsJms(@TempDir Path folder)
            throws Exception {
        org.spoolmail.kernel.config.SpoolConfig jms = new org.spoolmail.kernel.config.SpoolConfig(folder, 1,
                java.time.Duration.ofMinutes(5), java.time.Duration.ofHours(1), java.time.Duration.ofHours(120), false,
                List.of(), folder.resolve("dead-letter"), java.time.Duration.ofSeconds(2), Optional.of(
                        new org.spoolmail.kernel.config.JmsSpoolConfig(EmbeddedBroker.URL, queue, Optional.empty(),
                                Optional.empty(), Optional.empty(),
                                org.spoolmail.kernel.config.JmsSpoolConfig.DEFAULT_MAX_ITEM_OCTETS)));
        QueueItem item = new QueueItem("20261204T100000-aaaaaa-0009", ItemState.HELD, new Submission("batch1", true,
                Map.of(), "stdin", Optional.empty(), Ccsid.UTF_8, RecordFormat.LF, 0), java.time.Instant.EPOCH, 0,
                Optional.empty(), Optional.of("HELD, hold-cause ENVIRONMENT, condition code 16: relay down"),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty());

        org.spoolmail.kernel.pipeline.SpoolHold.Kept kept = new org.spoolmail.kernel.pipeline.SpoolHold(jms, clock)
                .keep(item, org.spoolmail.exits.mail.ContentHandle.ofBytes("MAIL FROM:<a@b>\n"
                        .getBytes(StandardCharsets.US_ASCII)));

        assertEquals("the JMS spool " + queue + ", held", kept.where());
        QueueItem shown = current.show(item.id()).orElseThrow();
        assertEquals(ItemState.HELD, shown.state());
        assertEquals(item.reason(), shown.reason());
        assertEquals(1, current.counts().get(ItemState.HELD));
        assertTrue(!Files.exists(folder.resolve("queue")), "nothing in a directory spool");
    }
}
