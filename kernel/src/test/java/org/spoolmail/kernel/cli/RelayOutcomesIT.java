package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code send} makes of a relay's 4xx and 5xx (issue 8, "Also"): a recipient the relay defers beside delivered
 * ones is kept in the spool queue, the item DEFERRED with each recipient's state, so that the spool server's retry
 * sends to it alone; a 4xx to the whole transaction (MAIL, DATA, the data, a 421) is
 * DEFERRED with condition code 4 and the reply in the audit record, never HELD/16; refused recipients are REFUSED
 * with the relay's reply, never NOT-ATTEMPTED. A scripted relay on 127.0.0.1 gives the replies; the plugins are the
 * built jars, loaded by PF4J.
 */
class RelayOutcomesIT {

    private static final String THREE_RECIPIENTS = """
            EHLO BATCH
            MAIL FROM:<batch@example.com>
            RCPT TO:<hr.reports@example.com>
            RCPT TO:<payroll@example.com>
            RCPT TO:<ops@example.net>
            DATA
            From: batch@example.com
            To: hr.reports@example.com, payroll@example.com, ops@example.net
            Subject: Control totals PR01

            Totals 4471
            .
            QUIT
            """;

    @TempDir
    Path dir;

    @Test
    void sendShouldKeepTheDeferredRecipientWithCode4WhenTheRelayDefersOneOfThree() throws Exception {
        SpoolmailRun run = send(c -> c.equals("RCPT TO:<payroll@example.com>") ? "451 4.2.1 mailbox busy" : null);

        assertEquals(4, run.code, run.toString());
        String id = queueId(run);
        assertEquals(List.of(id + " DELIVERED <batch@example.com> -> <hr.reports@example.com>,"
                + "<payroll@example.com>(DEFERRED),<ops@example.net> subject \"Control totals PR01\""
                + " (condition code 4)"), run.out.lines().toList());
        assertArrayEquals(Files.readAllBytes(input()), Files.readAllBytes(dir.resolve("spool/queue/data/" + id)));
        List<String> shown = HeldItems.show(dir.resolve("pipeline.yaml"), id);
        assertEquals("state: deferred", shown.get(1));
        assertEquals(List.of("reason: DEFERRED, condition code 4: the relay deferred <payroll@example.com> and took"
                + " the other recipients", "last-reply: 451 4.2.1 mailbox busy", "sender: <batch@example.com>",
                "recipient: <hr.reports@example.com> ACCEPTED 250 2.0.0 Ok",
                "recipient: <payroll@example.com> DEFERRED 451 4.2.1 mailbox busy",
                "recipient: <ops@example.net> ACCEPTED 250 2.0.0 Ok"), shown.subList(shown.size() - 7,
                shown.size() - 1));
        assertTrue(run.err.lines().toList().contains("spoolmail send: " + id + " <payroll@example.com> DEFERRED"
                + " [451 4.2.1 mailbox busy]"), run.err);
        String audit = auditRecord();
        assertTrue(audit.contains("\"outcome\":\"DELIVERED\",\"reason\":\"\",\"hold-cause\":null,"
                + "\"condition-code\":4,\"held-in\":\"" + dir.resolve("spool/queue/deferred/" + id) + "\""), audit);
        assertTrue(audit.contains("{\"address\":\"payroll@example.com\",\"status\":\"DEFERRED\","
                + "\"reply\":\"451 4.2.1 mailbox busy\"}"), audit);
    }

    @Test
    void sendShouldDeferWithCode4AndTheReplyInTheAuditWhenTheRelayDefersMailFrom() throws Exception {
        SpoolmailRun run = send(c -> c.startsWith("MAIL") ? "451 4.3.0 temporary local problem" : null);

        assertEquals(4, run.code, run.toString());
        String id = queueId(run);
        assertEquals(List.of(id + " DEFERRED <batch@example.com> -> <hr.reports@example.com>(DEFERRED),"
                + "<payroll@example.com>(DEFERRED),<ops@example.net>(DEFERRED) subject \"Control totals PR01\""
                + " (condition code 4)"), run.out.lines().toList());
        String audit = auditRecord();
        assertTrue(audit.contains("\"outcome\":\"DEFERRED\",\"reason\":\"smart host 127.0.0.1:" + port
                + " deferred sender <batch@example.com>: 451 4.3.0 temporary local problem\",\"hold-cause\":null,"
                + "\"condition-code\":4,"), audit);
        assertTrue(audit.contains("\"recipients\":[" + recipient("hr.reports@example.com", "DEFERRED",
                "451 4.3.0 temporary local problem") + "," + recipient("payroll@example.com", "DEFERRED",
                "451 4.3.0 temporary local problem") + "," + recipient("ops@example.net", "DEFERRED",
                "451 4.3.0 temporary local problem") + "]"), audit);
        assertTrue(audit.contains("\"reply\":\"451 4.3.0 temporary local problem\",\"relay-reply\":\"451 4.3.0"
                + " temporary local problem\""), audit);
        assertTrue(Files.exists(dir.resolve("spool/queue/deferred/" + id)));
    }

    @Test
    void sendShouldDeferTheAcceptedRecipientsWithCode4WhenTheRelayDefersAfterTheData() throws Exception {
        SpoolmailRun run = send(c -> c.equals("RCPT TO:<ops@example.net>") ? "550 5.1.1 no such user"
                : c.equals(".") ? "452 4.3.1 insufficient system storage" : null);

        assertEquals(4, run.code, run.toString());
        String audit = auditRecord();
        assertTrue(audit.contains("\"outcome\":\"DEFERRED\""), audit);
        assertTrue(audit.contains("\"recipients\":[" + recipient("hr.reports@example.com", "DEFERRED",
                "452 4.3.1 insufficient system storage") + "," + recipient("payroll@example.com", "DEFERRED",
                "452 4.3.1 insufficient system storage") + "," + recipient("ops@example.net", "REFUSED",
                "550 5.1.1 no such user") + "]"), audit);
        List<String> shown = HeldItems.show(dir.resolve("pipeline.yaml"), queueId(run));
        assertEquals(List.of("recipient: <hr.reports@example.com> DEFERRED 452 4.3.1 insufficient system storage",
                "recipient: <payroll@example.com> DEFERRED 452 4.3.1 insufficient system storage",
                "recipient: <ops@example.net> REFUSED 550 5.1.1 no such user"), shown.subList(shown.size() - 4,
                shown.size() - 1));
    }

    @Test
    void sendShouldDeferWithCode4WhenTheRelayAnswersData421AndCloses() throws Exception {
        SpoolmailRun run = send(c -> c.equals("DATA") ? "421 4.3.2 service shutting down" : null);

        assertEquals(4, run.code, run.toString());
        String audit = auditRecord();
        assertTrue(audit.contains("\"outcome\":\"DEFERRED\",\"reason\":\"smart host 127.0.0.1:" + port
                + " deferred DATA: 421 4.3.2 service shutting down\""), audit);
        assertTrue(audit.contains(recipient("ops@example.net", "DEFERRED", "421 4.3.2 service shutting down")),
                audit);
    }

    @Test
    void sendShouldRefuseTheRecipientsWithTheReplyAndCode8WhenTheRelayRefusesAfterTheData() throws Exception {
        SpoolmailRun run = send(c -> c.equals(".") ? "554 5.7.1 message content rejected" : null);

        assertEquals(8, run.code, run.toString());
        String audit = auditRecord();
        assertTrue(audit.contains("\"outcome\":\"REJECTED\""), audit);
        assertTrue(audit.contains("\"recipients\":[" + recipient("hr.reports@example.com", "REFUSED",
                "554 5.7.1 message content rejected") + "," + recipient("payroll@example.com", "REFUSED",
                "554 5.7.1 message content rejected") + "," + recipient("ops@example.net", "REFUSED",
                "554 5.7.1 message content rejected") + "]"), audit);
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("spool/queue/deferred"), ""));
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("spool/queue/held"), ""));
    }

    @Test
    void sendShouldRefuseEachRecipientWithItsReplyAndCode8WhenTheRelayRefusesThemAll() throws Exception {
        SpoolmailRun run = send(c -> c.startsWith("RCPT") ? "550 5.7.1 relaying denied" : null);

        assertEquals(8, run.code, run.toString());
        String audit = auditRecord();
        assertTrue(audit.contains("\"outcome\":\"REJECTED\""), audit);
        assertTrue(audit.contains(recipient("payroll@example.com", "REFUSED", "550 5.7.1 relaying denied")), audit);
        assertTrue(!audit.contains("NOT-ATTEMPTED"), audit);
    }

    @Test
    void spoolShouldSendTheKeptItemToTheDeferredRecipientOnlyWhenTheRelayTakesItLater() throws Exception {
        SpoolmailRun run = send(c -> c.equals("RCPT TO:<payroll@example.com>") ? "451 4.2.1 mailbox busy" : null);
        String id = queueId(run);

        try (ScriptedRelay later = new ScriptedRelay(c -> null)) {
            Path pipeline = pipeline(later.port());
            SpoolmailRun spool = SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                    SpoolmailRun.PLUGINS.toString());

            assertEquals(0, spool.code, spool.toString());
            assertEquals(List.of("RCPT TO:<payroll@example.com>"), later.commands().stream()
                    .filter(c -> c.startsWith("RCPT")).toList(), spool.toString());
            assertEquals(1, later.data().size());
            assertTrue(spool.out.contains(id + " DELIVERED <batch@example.com> -> <hr.reports@example.com>"
                    + " <payroll@example.com> <ops@example.net>"), spool.out);
        }
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("spool/queue/deferred"), ""));
    }

    private int port;

    private SpoolmailRun send(UnaryOperator<String> script) throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay(script)) {
            port = relay.port();
            Files.writeString(input(), THREE_RECIPIENTS, StandardCharsets.US_ASCII);
            return SpoolmailRun.send(pipeline(port), input().toString());
        }
    }

    private Path pipeline(int relayPort) throws IOException {
        return PipelineFiles.write(dir, "    use: deliver-smtp\n    config: {host: 127.0.0.1, port: \"" + relayPort
                + "\", starttls: \"off\", command-timeout: 5s}", "");
    }

    private Path input() {
        return dir.resolve("three-recipients.smtp");
    }

    private static String queueId(SpoolmailRun run) {
        return run.out.substring(0, run.out.indexOf(' '));
    }

    private static String recipient(String address, String status, String reply) {
        return "{\"address\":\"" + address + "\",\"status\":\"" + status + "\",\"reply\":\"" + reply + "\"}";
    }

    private String auditRecord() throws IOException {
        List<Path> files = SpoolmailRun.files(dir.resolve("audit"), ".jsonl");
        assertEquals(1, files.size());
        List<String> lines = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        return lines.get(0);
    }
}
