package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send} through deliver-smtp end to end ("Must show" 4 of issue 5): a relay that refuses one of three
 * recipients gives condition code 4 with the refusal text in the audit record; a first smart host that is down
 * is skipped for the second (GreenMail), which gets the mail.
 */
class SmtpDeliveryIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String THREE_RECIPIENTS = """
            EHLO BATCH
            MAIL FROM:<batch@example.com>
            RCPT TO:<hr.reports@example.com>
            RCPT TO:<nobody@example.com>
            RCPT TO:<ops@example.net>
            DATA
            From: batch@example.com
            To: hr.reports@example.com, nobody@example.com, ops@example.net
            Subject: Control totals PR01

            Totals 4471
            .
            QUIT
            """;

    @TempDir
    Path dir;

    @Test
    void sendShouldEndWithCode4AndRefusalInAuditWhenRelayRefusesOneOfThree() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay(c -> c.equals("RCPT TO:<nobody@example.com>")
                ? "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown" : null)) {
            SpoolmailRun run = SpoolmailRun.send(PipelineFiles.write(dir, smtp("host: 127.0.0.1, port: \""
                    + relay.port() + "\""), ""), input());

            assertEquals(4, run.code, run.toString());
            String id = run.out.substring(0, run.out.indexOf(' '));
            assertEquals(List.of(id + " DELIVERED <batch@example.com> -> <hr.reports@example.com>,"
                    + "<nobody@example.com>(REFUSED),<ops@example.net> subject \"Control totals PR01\""
                    + " (condition code 4)"), run.out.lines().toList());
            assertEquals(List.of("spoolmail send: " + dir.resolve("three-recipients.smtp") + ": " + id
                    + " DELIVERED: 250 2.0.0 Ok: queued as 7Q2",
                    "spoolmail send: " + id + " <nobody@example.com> REFUSED [550 5.1.1 <nobody@example.com>:"
                    + " Recipient address rejected: User unknown]", "spoolmail send: condition code 4"),
                    run.err.lines().toList());
            assertEquals(List.of("EHLO", "MAIL", "RCPT", "RCPT", "RCPT", "DATA", "QUIT"),
                    relay.commands().stream().map(c -> c.split(" ", 2)[0]).toList());
            assertEquals(1, relay.data().size());
            String audit = auditRecord();
            assertTrue(audit.contains("\"recipients\":[{\"address\":\"hr.reports@example.com\",\"status\":\"ACCEPTED\","
                    + "\"reply\":\"250 2.0.0 Ok\"},{\"address\":\"nobody@example.com\",\"status\":\"REFUSED\","
                    + "\"reply\":\"550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown\"},"
                    + "{\"address\":\"ops@example.net\",\"status\":\"ACCEPTED\",\"reply\":\"250 2.0.0 Ok\"}]"), audit);
            assertTrue(audit.contains("\"outcome\":\"DELIVERED\""), audit);
            assertTrue(audit.contains("\"relay-reply\":\"250 2.0.0 Ok: queued as 7Q2\""), audit);
        }
    }

    @Test
    void sendShouldDeliverThroughSecondSmartHostWhenFirstIsDown() throws Exception {
        int down;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = probe.getLocalPort();
        }
        SpoolmailRun run = SpoolmailRun.send(PipelineFiles.write(dir, smtp("hosts: [\"127.0.0.1:" + down
                + "\", \"127.0.0.1:" + greenMail.getSmtp().getPort() + "\"]"), ""), input());

        assertEquals(0, run.code, run.toString());
        assertEquals(3, greenMail.getReceivedMessages().length);
        assertEquals(List.of("hr.reports@example.com", "nobody@example.com", "ops@example.net"),
                greenMail.getUserManager().listUser().stream().map(u -> u.getEmail()).sorted().toList());
        assertEquals("Control totals PR01", greenMail.getReceivedMessages()[0].getSubject());
        assertTrue(auditRecord().contains("\"outcome\":\"DELIVERED\""));
    }

    @Test
    void sendShouldShowTheSmtpDialogueOnStderrWhenTraceIsGiven() throws Exception {
        int port = greenMail.getSmtp().getPort();
        Path pipeline = PipelineFiles.write(dir, smtp("host: 127.0.0.1, port: \"" + port + "\""), "");

        SpoolmailRun traced = SpoolmailRun.send(pipeline, "--trace", input());
        SpoolmailRun quiet = SpoolmailRun.send(pipeline, input());

        assertEquals(0, traced.code, traced.toString());
        List<String> trace = traced.err.lines().filter(l -> l.startsWith("spoolmail send: deliver-smtp: ")).toList();
        assertTrue(trace.contains("spoolmail send: deliver-smtp: 127.0.0.1:" + port + " C: EHLO batch.example.org"),
                traced.err);
        assertTrue(trace.contains("spoolmail send: deliver-smtp: 127.0.0.1:" + port
                + " C: RCPT TO:<nobody@example.com>"), traced.err);
        assertTrue(trace.stream().anyMatch(l -> l.matches("spoolmail send: deliver-smtp: 127\\.0\\.0\\.1:" + port
                + " C: \\(message, \\d+ octets, not shown\\)")), traced.err);
        assertEquals(0, quiet.code, quiet.toString());
        assertEquals("", quiet.err);
    }

    private String input() throws IOException {
        Path input = dir.resolve("three-recipients.smtp");
        Files.writeString(input, THREE_RECIPIENTS, StandardCharsets.US_ASCII);
        return input.toString();
    }

    private String auditRecord() throws IOException {
        List<Path> files = SpoolmailRun.files(dir.resolve("audit"), ".jsonl");
        assertEquals(1, files.size());
        List<String> lines = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        return lines.get(0);
    }

    private static String smtp(String relays) {
        return "    use: deliver-smtp\n    config: {" + relays + ", starttls: \"off\", helo-name: batch.example.org,"
                + " connect-timeout: 5s, command-timeout: 5s}";
    }
}
