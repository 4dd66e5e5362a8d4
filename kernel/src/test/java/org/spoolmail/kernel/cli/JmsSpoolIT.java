package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.kernel.queue.ItemState;
import org.spoolmail.kernel.queue.JmsConnections;
import org.spoolmail.kernel.queue.JmsCredentials;
import org.spoolmail.kernel.queue.JmsSpool;

/**
 * Must-shows 1 and 2 of issue 12 on the standalone Artemis broker of {@code .ci/artemis-setup}, with GreenMail in
 * this JVM as the relay: items submitted with {@code spoolmail submit} to a JMS spool are drained by separate
 * {@code spoolmail spool} processes (the built distribution, 4 workers each). A message that arrives twice must
 * belong to an item that was in flight when its instance was killed, or whose commit the broker restart cut off
 * (the instance logs it as a queue failure): the RFC 1047 window, counted and printed; everything else arrives once.
 */
class JmsSpoolIT {

    private static final int ITEMS = Integer.getInteger("spoolmail.jms-it.items", 10_000);
    private static final int WORKERS = 4;
    private static final List<String> RECIPIENTS = List.of("r1@example.com", "r2@example.com");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void spoolShouldDeliverEveryMessageWhenOneOfThreeInstancesIsKilledMidDrain(@TempDir Path dir) throws Exception {
        ArtemisBroker broker = ArtemisBroker.require();
        Drain drain = new Drain(dir, broker);
        List<SpoolServerProcess> instances = drain.start(3);
        drain.awaitReceived(ITEMS * RECIPIENTS.size() / 3, instances.get(0));
        instances.get(0).kill();
        drain.awaitDrained(instances.subList(1, 3));
        Set<String> doneByKilled = drain.done(0);
        Map<String, Integer> duplicated = drain.checkDeliveries();
        Set<String> windows = new TreeSet<>(duplicated.keySet());
        windows.removeIf(id -> !doneByKilled.contains(id));
        assertEquals(Set.of(), windows, "sent again though the killed instance had recorded them");
        assertTrue(duplicated.size() <= WORKERS, "more items sent twice than the killed instance had in flight: "
                + duplicated);
        System.out.println("JmsSpoolIT kill: " + ITEMS + " items x " + RECIPIENTS.size() + " recipients by 3 "
                + "instances, one SIGKILLed at " + ITEMS * RECIPIENTS.size() / 3 + " deliveries; "
                + drain.total() + " received; items in the RFC 1047 window (in flight at the kill) sent twice: "
                + duplicated.size() + " " + duplicated.keySet());
    }

    @Test
    void spoolShouldFinishWithNothingLostWhenBrokerRestartsMidDrain(@TempDir Path dir) throws Exception {
        ArtemisBroker broker = ArtemisBroker.require();
        Drain drain = new Drain(dir, broker);
        List<SpoolServerProcess> instances = drain.start(3);
        drain.awaitReceived(ITEMS * RECIPIENTS.size() / 3, instances.get(0));
        broker.restart();
        drain.awaitDrained(instances);
        Set<String> cutOff = new TreeSet<>();
        for (int i = 0; i < instances.size(); i++) {
            cutOff.addAll(drain.failed(i));
        }
        Map<String, Integer> duplicated = drain.checkDeliveries();
        Set<String> outside = new TreeSet<>(duplicated.keySet());
        outside.removeAll(cutOff);
        assertEquals(Set.of(), outside, "sent twice though no commit of theirs was cut off by the restart");
        System.out.println("JmsSpoolIT broker restart: " + ITEMS + " items x " + RECIPIENTS.size()
                + " recipients by 3 instances; " + drain.total() + " received; commits cut off by the restart: "
                + cutOff.size() + ", of which sent twice (RFC 1047 window): " + duplicated.size());
    }

    @Test
    void submitShouldRefuseWholeInputWithCondition8WhenAnItemIsLargerThanMaxItemSize(@TempDir Path dir)
            throws Exception {
        ArtemisBroker broker = ArtemisBroker.require();
        String queue = "spoolmail-it-" + UUID.randomUUID();
        Path credentials = broker.credentials(dir);
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.smtp(greenMail.getSmtp().getPort()), "",
                broker.spoolBlock(queue, credentials, WORKERS).replaceFirst("}$", ", max-item-size: 1KiB}"));
        Path input = dir.resolve("large.smtp");
        Files.writeString(input, "HELO batch\nMAIL FROM:<sender@example.com>\nRCPT TO:<r1@example.com>\nDATA\n"
                + "Subject: small\n\nsmall\n.\nMAIL FROM:<sender@example.com>\nRCPT TO:<r1@example.com>\nDATA\n"
                + "Subject: large\n\n" + "x".repeat(70).concat("\n").repeat(30) + ".\nQUIT\n",
                StandardCharsets.ISO_8859_1);

        SpoolmailRun submitted = SpoolmailRun.run("submit", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString(), input.toString());

        assertEquals(8, submitted.code, submitted.err);
        assertTrue(submitted.err.matches("spoolmail submit: " + java.util.regex.Pattern.quote(input.toString())
                + ": item \\S+ is larger than the JMS spool's max-item-size of 1024 octets \\(each item travels as"
                + " one message held in memory\\); send it with 'spoolmail send', or raise spool.max-item-size"
                + " together with the heap of submitters and spool instances; nothing from this input was queued"
                + " \\(condition code 8\\)\\R"), submitted.err);
        assertEquals("", submitted.out);
        try (JmsSpool spool = JmsSpool.open(JmsConnections.artemis(broker.url),
                Optional.of(JmsCredentials.read(credentials)), queue, Clock.systemUTC())) {
            assertEquals(Map.of(ItemState.INCOMING, 0, ItemState.ACTIVE, 0, ItemState.DEFERRED, 0,
                    ItemState.HELD, 0), spool.counts());
        }
    }

    /** One spool on the broker, its items, its instances and what GreenMail received. */
    private static final class Drain {
        private final Path dir;
        private final Path pipeline;
        private final Path credentials;
        private final String queue = "spoolmail-it-" + UUID.randomUUID();
        private final ArtemisBroker broker;
        private final List<GreenMailUser> users = new ArrayList<>();
        private final Map<String, String> subjects = new HashMap<>();

        Drain(Path dir, ArtemisBroker broker) throws Exception {
            this.dir = dir;
            this.broker = broker;
            for (String r : RECIPIENTS) {
                users.add(greenMail.setUser(r, r, "secret"));
            }
            credentials = broker.credentials(dir);
            pipeline = SpoolPipelines.write(dir, PipelineFiles.smtp(greenMail.getSmtp().getPort()), "",
                    broker.spoolBlock(queue, credentials, WORKERS));
            Path input = dir.resolve("batch.smtp");
            Files.writeString(input, SpoolPipelines.datastream(ITEMS, RECIPIENTS.toArray(new String[0])),
                    StandardCharsets.ISO_8859_1);
            long t0 = System.nanoTime();
            SpoolmailRun submitted = SpoolmailRun.run("submit", "-c", pipeline.toString(), "--plugins",
                    SpoolmailRun.PLUGINS.toString(), input.toString());
            assertEquals(0, submitted.code, submitted.err);
            List<String> ids = submitted.out.lines().map(l -> l.split(" ")[0]).toList();
            assertEquals(ITEMS, ids.size());
            for (int i = 0; i < ITEMS; i++) {
                subjects.put(SpoolPipelines.subject(i), ids.get(i));
            }
            System.out.printf("JmsSpoolIT: %d items submitted to the broker in %.1f s%n", ITEMS,
                    (System.nanoTime() - t0) / 1e9);
        }

        List<SpoolServerProcess> start(int n) throws Exception {
            List<SpoolServerProcess> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                started.add(SpoolServerProcess.start(pipeline, log(i)));
            }
            return started;
        }

        Path log(int i) {
            return dir.resolve("instance-" + i + ".log");
        }

        void awaitReceived(int deliveries, SpoolServerProcess watched) throws Exception {
            long deadline = System.currentTimeMillis() + 600_000;
            while (total() < deliveries && System.currentTimeMillis() < deadline && watched.alive()) {
                Thread.sleep(20);
            }
            assertTrue(watched.alive() && total() >= deliveries, "instance 0 must be draining at " + deliveries
                    + " deliveries (received " + total() + "):\n" + watched.output());
        }

        /**
         * Waits until every message arrived and the spool is empty, then stops the instances with SIGTERM. The
         * inboxes are counted first: reading every stored message's subject is the expensive check (20,000 of them
         * every 200 ms would take CPU from the instances under test), so it runs once the count is complete.
         */
        void awaitDrained(List<SpoolServerProcess> running) throws Exception {
            long deadline = System.currentTimeMillis() + 900_000;
            while (System.currentTimeMillis() < deadline
                    && (total() < ITEMS * RECIPIENTS.size() || missing() > 0 || !empty())) {
                Thread.sleep(200);
            }
            for (SpoolServerProcess p : running) {
                p.terminate();
            }
            for (SpoolServerProcess p : running) {
                assertEquals(0, p.waitFor(120), "exit code after SIGTERM:\n" + p.output());
            }
            assertEquals(0, missing(), "deliveries missing after the drain");
            assertTrue(empty(), "the spool is not empty");
        }

        private boolean empty() throws Exception {
            try (JmsSpool spool = JmsSpool.open(JmsConnections.artemis(broker.url),
                    Optional.of(JmsCredentials.read(credentials)), queue, Clock.systemUTC())) {
                return spool.counts().values().stream().allMatch(n -> n == 0);
            }
        }

        /** @return the items sent twice (queue ID -> extra copies), after checking every pair arrived */
        Map<String, Integer> checkDeliveries() throws Exception {
            Map<String, Integer> duplicated = new HashMap<>();
            for (Map.Entry<String, Integer> e : received().entrySet()) {
                if (e.getValue() > 1) {
                    duplicated.merge(subjects.get(e.getKey().split(" to ")[0]), e.getValue() - 1, Integer::sum);
                }
            }
            return duplicated;
        }

        Set<String> done(int instance) throws Exception {
            return ids(instance, " DELIVERED ");
        }

        Set<String> failed(int instance) throws Exception {
            return ids(instance, " queue failure");
        }

        private Set<String> ids(int instance, String marker) throws Exception {
            Set<String> ids = new TreeSet<>();
            for (String line : Files.readAllLines(log(instance), StandardCharsets.UTF_8)) {
                if (line.contains(marker)) {
                    ids.add(line.split(" ")[0]);
                }
            }
            return ids;
        }

        int missing() throws Exception {
            Map<String, Integer> received = received();
            int missing = 0;
            for (int i = 0; i < ITEMS; i++) {
                for (String r : RECIPIENTS) {
                    if (received.getOrDefault(SpoolPipelines.subject(i) + " to " + r, 0) == 0) {
                        missing++;
                    }
                }
            }
            return missing;
        }

        /** GreenMail's inbox is a list the SMTP threads append to: read it again when one appended meanwhile. */
        Map<String, Integer> received() throws Exception {
            while (true) {
                try {
                    return receivedOnce();
                } catch (java.util.ConcurrentModificationException e) {
                    Thread.sleep(5);
                }
            }
        }

        private Map<String, Integer> receivedOnce() throws Exception {
            Map<String, Integer> counts = new HashMap<>();
            for (GreenMailUser u : users) {
                for (StoredMessage m : greenMail.getManagers().getImapHostManager().getInbox(u).getMessages()) {
                    counts.merge(m.getMimeMessage().getSubject() + " to " + u.getEmail(), 1, Integer::sum);
                }
            }
            return counts;
        }

        int total() throws Exception {
            int n = 0;
            for (GreenMailUser u : users) {
                n += greenMail.getManagers().getImapHostManager().getInbox(u).getMessageCount();
            }
            return n;
        }
    }
}
