package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five corpus datastreams through {@code spoolmail send} with the real plugins, delivered to the outbox, each
 * asserted against the exact values of ../shared/corpus/README.md.
 */
class SendToOutboxIT {

    @TempDir
    Path dir;

    @Test
    void sendShouldDeliverTheSeedExampleAndAuditItWhenRunOnTheBundledSample() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(0, run.code, run.toString());
        List<Path> eml = SpoolmailRun.files(dir.resolve("outbox"), ".eml");
        assertEquals(1, eml.size());
        String id = eml.get(0).getFileName().toString().replace(".eml", "");
        assertEquals("MAIL FROM:<foo@bar.com>\nRCPT TO:<wayne@bar.com>\n",
                Files.readString(dir.resolve("outbox").resolve(id + ".envelope"), StandardCharsets.UTF_8));
        MimeMessage m = Messages.parse(eml.get(0));
        assertEquals("DAILY REPORT OF DISK UTILIZATION", m.getSubject());
        assertEquals(new InternetAddress("\"Commissioner Gordon\" <foo@bar.com>"), m.getFrom()[0]);
        assertEquals(List.of("Please fix the bulb in the searchlight", ""), Messages.textLines(m));
        assertTrue(run.out.startsWith(id + " DELIVERED <foo@bar.com> -> <wayne@bar.com> subject "
                + "\"DAILY REPORT OF DISK UTILIZATION\" (condition code 0)"), run.out);

        List<String> audit = auditLines();
        assertEquals(1, audit.size());
        String record = audit.get(0);
        assertTrue(record.contains("\"queue-id\":\"" + id + "\""), record);
        assertTrue(record.contains("\"outcome\":\"DELIVERED\""), record);
        assertTrue(record.contains("\"user-id\":{\"value\":\"" + System.getProperty("user.name")
                + "\",\"established\":true}"), record);
        assertTrue(record.contains("\"reverse-path\":\"<foo@bar.com>\""), record);
        assertTrue(record.contains("\"address\":\"wayne@bar.com\",\"status\":\"ACCEPTED\""), record);
        assertTrue(record.contains("\"subject\":\"DAILY REPORT OF DISK UTILIZATION\""), record);
        assertTrue(record.contains("\"size-octets\":" + Files.size(eml.get(0))), record);
    }

    @Test
    void sendShouldCutTheSubjectTo200CharactersOnStdoutWhenItIsLonger() throws Exception {
        String subject = "R".repeat(150) + "S".repeat(100);
        Path input = dir.resolve("long-subject.smtp");
        Files.writeString(input, "HELO MVSA\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.com>\nDATA\nSubject: "
                + subject + "\n\nbody\n.\nQUIT\n", StandardCharsets.US_ASCII);
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, input.toString());

        assertEquals(0, run.code, run.toString());
        String id = run.out.substring(0, run.out.indexOf(' '));
        assertEquals(List.of(id + " DELIVERED <a@example.com> -> <b@example.com> subject \"" + "R".repeat(150)
                + "S".repeat(50) + "...\" (condition code 0)"), run.out.lines().toList());
    }

    @Test
    void sendShouldTrimPaddingAndEndDataAtEndOfInputWhenLowercaseVerbsHaveNoTerminator() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun run = SpoolmailRun.send(pipeline,
                SpoolmailRun.corpus(dir, "lowercase-no-terminator.smtp").toString());

        // No "." and no QUIT: sent, with condition code 4 (the data may be cut short).
        assertEquals(4, run.code, run.toString());
        MimeMessage m = Messages.parse(SpoolmailRun.files(dir.resolve("outbox"), ".eml").get(0));
        assertEquals(List.of("MAIL FROM:<ops.batch@example.com>", "RCPT TO:<storage.team@example.com>"),
                envelope());
        for (String line : Messages.textLines(m)) {
            assertEquals(line.stripTrailing(), line, "trailing blanks must be gone");
        }
        String raw = Files.readString(SpoolmailRun.files(dir.resolve("outbox"), ".eml").get(0),
                StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("\r\nDate: "), raw);
    }

    @Test
    void sendShouldDecodeCcsid1047FixedRecordsExactlyWhenGivenThePayrollDeck() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, "--codepage", "1047", "--records", "fb:80",
                SpoolmailRun.corpus(dir, "payroll-fb80-ibm1047.bin").toString());

        assertEquals(0, run.code, run.toString());
        assertEquals(List.of("MAIL FROM:<payroll.batch@example.com>", "RCPT TO:<hr.reports@example.com>",
                "RCPT TO:<audit@example.com>"), envelope().subList(0, 3));
        MimeMessage m = Messages.parse(SpoolmailRun.files(dir.resolve("outbox"), ".eml").get(0));
        assertEquals("PAYROLL RUN PR01 - CONTROL TOTALS [WEEK 48]", m.getSubject());
        List<String> body = Messages.textLines(m);
        assertTrue(body.contains("."), body.toString());
        assertTrue(body.contains(".."), body.toString());
        assertTrue(body.contains(".HIDDEN LINE STARTS WITH ONE DOT AFTER UNSTUFFING"), body.toString());
        assertTrue(body.contains("PAYROLL CONTROL TOTALS {RUN PR01}"), body.toString());
        assertTrue(body.contains("END OF REPORT | STATUS=OK ^ #48 ~ \\ !"), body.toString());
    }

    @Test
    void sendShouldSplitTwoMessagesAndQualifyTheNodeNameWhenTransactionsAreOpenedByRset() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun run = SpoolmailRun.send(pipeline, SpoolmailRun.corpus(dir, "claims-rset-multi.smtp").toString());

        assertEquals(0, run.code, run.toString());
        List<Path> eml = SpoolmailRun.files(dir.resolve("outbox"), ".eml");
        assertEquals(2, eml.size());
        List<String> envelopes = List.of(
                Files.readString(dir.resolve("outbox").resolve(eml.get(0).getFileName().toString()
                        .replace(".eml", ".envelope"))),
                Files.readString(dir.resolve("outbox").resolve(eml.get(1).getFileName().toString()
                        .replace(".eml", ".envelope"))));
        assertEquals(List.of("MAIL FROM:<BATCH@NODE1.example.com>\nRCPT TO:<claims.advisor@example.com>\n",
                "MAIL FROM:<BATCH@NODE1.example.com>\nRCPT TO:<underwriting@example.com>\n"), envelopes);
        assertTrue(text(eml.get(0)).contains("Le dossier 4471 a été validé par le service."), text(eml.get(0)));
        assertTrue(text(eml.get(1)).contains("La police 8812 arrive à échéance le 31/12."), text(eml.get(1)));
    }

    @Test
    void sendShouldRepairTheMultipartWhenHeadersRunIntoTheBoundary() throws Exception {
        Path pipeline = PipelineFiles.write(dir, PipelineFiles.outbox(), "");

        SpoolmailRun run = SpoolmailRun.send(pipeline,
                SpoolmailRun.corpus(dir, "inventory-no-separator.smtp").toString());

        // No "." and no QUIT: sent, with condition code 4 (the data may be cut short).
        assertEquals(4, run.code, run.toString());
        assertEquals(List.of("MAIL FROM:<scm.admin@example.com>", "RCPT TO:<release.team@example.com>"), envelope());
        MimeMessage m = Messages.parse(SpoolmailRun.files(dir.resolve("outbox"), ".eml").get(0));
        assertTrue(m.isMimeType("multipart/mixed"), m.getContentType());
        List<Part> leaves = Messages.leaves(m);
        assertEquals(2, leaves.size());
        assertTrue(leaves.get(0).isMimeType("text/plain"));
        assertEquals("ELEMENTS.CSV", leaves.get(1).getFileName());
        String csv = new String(leaves.get(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> csvLines = List.of(csv.split("\r\n"));
        assertEquals(4, csvLines.size(), csv);
        csvLines.forEach(l -> assertEquals(l.stripTrailing(), l));
    }

    private static String text(Path eml) throws Exception {
        StringBuilder b = new StringBuilder();
        for (Part p : Messages.leaves(Messages.parseWithAngusOnly(eml))) {
            if (p.isMimeType("text/*")) {
                b.append(p.getContent());
            }
        }
        return b.toString();
    }

    private List<String> envelope() throws Exception {
        Path env = SpoolmailRun.files(dir.resolve("outbox"), ".envelope").get(0);
        return Files.readAllLines(env, StandardCharsets.UTF_8);
    }

    private List<String> auditLines() throws Exception {
        List<Path> files = SpoolmailRun.files(dir.resolve("audit"), ".jsonl");
        assertEquals(1, files.size());
        return Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
    }
}
