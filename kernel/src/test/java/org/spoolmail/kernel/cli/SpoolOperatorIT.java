package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-show 3 of issue 8: a bad spool file (one an exit routine rejects, one that cannot be parsed) is held with its
 * reason, never lost; after the operator fixes the cause (the sender directory, the spool file's octets),
 * {@code spoolmail queue release} sends it.
 */
class SpoolOperatorIT {

    private static final String USER = System.getProperty("user.name");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private String directory(String sendAs) {
        return String.join("\n",
                "    routines: [directory-sender]",
                "    config:",
                "      directory-sender:",
                "        mode: verify",
                "        entries:",
                "          - user: \"" + USER + "\"",
                "            send-as: [" + sendAs + "]");
    }

    private SpoolmailRun spoolmail(Path pipeline, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("-c", pipeline.toString()));
        if (!args[0].equals("queue") || args.length > 1 && args[1].equals("purge")) {
            all.addAll(List.of("--plugins", SpoolmailRun.PLUGINS.toString()));
        }
        return SpoolmailRun.run(all.toArray(new String[0]));
    }

    @Test
    void releaseShouldSendHeldItemWhenTheOperatorFixedTheSenderDirectory() throws Exception {
        String smtp = PipelineFiles.smtp(greenMail.getSmtp().getPort());
        Path pipeline = SpoolPipelines.write(dir, smtp, directory("\"ops@example.com\""), "{}");
        Files.writeString(dir.resolve("mail.smtp"), "MAIL FROM:<payroll@example.com>\nRCPT TO:<boss@example.com>\n"
                + "DATA\nSubject: payroll done\n\nall paid\n.\n", StandardCharsets.ISO_8859_1);
        assertEquals(0, spoolmail(pipeline, "spool", "--once").code);
        SpoolmailRun submitted = spoolmail(pipeline, "submit", dir.resolve("mail.smtp").toString());
        String id = submitted.out.split(" ")[0];

        SpoolmailRun first = spoolmail(pipeline, "spool", "--once");
        String refusal = USER + " is not authorised to send as payroll@example.com (reverse-path) [550 5.7.1 "
                + USER + " is not authorised to send as payroll@example.com]";
        assertTrue(first.out.contains(id + " HELD (bad spool file): " + refusal), first.out);
        SpoolmailRun shown = spoolmail(pipeline, "queue", "show", id);
        assertTrue(shown.out.contains("state: held\n"), shown.out);
        assertTrue(shown.out.contains("\nreason: bad spool file: " + refusal + "\n"), shown.out);
        assertTrue(shown.out.contains("submitter: " + USER + " (established)"), shown.out);
        assertEquals(0, greenMail.getReceivedMessages().length);

        SpoolPipelines.write(dir, smtp, directory("\"ops@example.com\", \"payroll@example.com\""), "{}");
        SpoolmailRun released = spoolmail(pipeline, "queue", "release", id);
        assertEquals(0, released.code, released.toString());
        assertEquals(id + " released: incoming again\n", released.out);
        SpoolmailRun second = spoolmail(pipeline, "spool", "--once");
        assertTrue(second.out.contains(id + " DELIVERED <payroll@example.com> -> <boss@example.com>"), second.out);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("payroll done", received[0].getSubject());
        assertEquals(12, spoolmail(pipeline, "queue", "show", id).code, "gone from the queue");
    }

    @Test
    void releaseShouldSendUnparseableItemWhenTheOperatorFixedItsOctets() throws Exception {
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.smtp(greenMail.getSmtp().getPort()), "", "{}");
        String id = "20261204T120000-abcdef-0001";
        dropBadSpoolFile(pipeline, id);

        SpoolmailRun first = spoolmail(pipeline, "spool", "--once");
        assertTrue(first.out.contains(id + " HELD (bad spool file): JOB42"), first.out);
        assertTrue(first.out.contains("record 3"), first.out);
        assertEquals(refusedRecord(id, "HELD", 97), auditLine(id, "HELD"));
        SpoolmailRun list = spoolmail(pipeline, "queue");
        assertTrue(list.out.lines().anyMatch(l -> l.startsWith(id + " held ")), list.out);

        Path data = Path.of(spoolmail(pipeline, "queue", "show", id).out.lines()
                .filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6));
        Files.writeString(data, Files.readString(data, StandardCharsets.ISO_8859_1).replace("FROBNICATE\n", ""),
                StandardCharsets.ISO_8859_1);
        assertEquals(0, spoolmail(pipeline, "queue", "release", id).code);
        SpoolmailRun second = spoolmail(pipeline, "spool", "--once");
        assertTrue(second.out.contains(id + " DELIVERED <batch@example.com> -> <ops@example.com>"), second.out);
        assertEquals("nightly", greenMail.getReceivedMessages()[0].getSubject());
        String audit = Files.readString(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0),
                StandardCharsets.UTF_8);
        assertTrue(audit.contains("\"queue-id\":\"" + id + "\""), audit);
    }

    @Test
    void spoolShouldDeleteUnparseableItemWithAnAuditRecordWhenBadSpoolDispositionIsDelete() throws Exception {
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.smtp(greenMail.getSmtp().getPort()), "",
                "{bad-spool-disposition: delete}");
        String id = "20261204T120000-abcdef-0002";
        dropBadSpoolFile(pipeline, id);

        SpoolmailRun first = spoolmail(pipeline, "spool", "--once");

        assertTrue(first.out.contains(id + " DELETED (bad spool file): JOB42"), first.out);
        assertEquals(12, spoolmail(pipeline, "queue", "show", id).code, "gone from the queue");
        assertEquals(refusedRecord(id, "DELETED", 97), auditLine(id, "DELETED"));
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void purgeShouldRemoveHeldItemWithAnAuditRecordNamingOperatorAndTheSameSystem() throws Exception {
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.smtp(greenMail.getSmtp().getPort()), "", "{}");
        String id = "20261204T120000-abcdef-0003";
        dropBadSpoolFile(pipeline, id);
        assertTrue(spoolmail(pipeline, "spool", "--once").out.contains(id + " HELD (bad spool file): JOB42"));

        SpoolmailRun purged = spoolmail(pipeline, "queue", "purge", id);

        assertEquals(0, purged.code, purged.toString());
        assertEquals(id + " purged by " + USER + "\n", purged.out);
        assertEquals(12, spoolmail(pipeline, "queue", "show", id).code, "gone from the queue");
        String discarded = auditLine(id, "DISCARDED");
        assertEquals(refusedRecord(id, "DISCARDED", 97).replace("\"reason\":\"bad spool file: ",
                "\"reason\":\"purged from the queue by operator " + USER + "; bad spool file: ")
                .replace("\"operator\":null", "\"operator\":\"" + USER + "\""), discarded);
        assertEquals(systemName(id, "HELD"), systemName(id, "DISCARDED"), "the server's and the purge's records");
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    private String systemName(String id, String outcome) throws java.io.IOException {
        String audit = Files.readString(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0),
                StandardCharsets.UTF_8);
        String line = audit.lines().filter(l -> l.contains("\"queue-id\":\"" + id + "\",\"outcome\":\"" + outcome))
                .findFirst().orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"system-name\":(\\{[^}]*\\})").matcher(line);
        assertTrue(m.find(), line);
        return m.group(1);
    }

    /**
     * Makes the spool folders (a first run), then drops {@link #DROP} as a job that wrote its drop itself, not through
     * submit, would: under a temporary name, renamed into place.
     */
    private void dropBadSpoolFile(Path pipeline, String id) throws java.io.IOException {
        assertEquals(0, spoolmail(pipeline, "spool", "--once").code);
        Files.writeString(dir.resolve("spool/incoming/.tmp"), DROP, StandardCharsets.ISO_8859_1);
        Files.move(dir.resolve("spool/incoming/.tmp"), dir.resolve("spool/incoming/" + id));
    }

    /** The drop a job wrote itself, with a command (record 3) the parser refuses. */
    private static final String DROP = "spoolmail-drop: 1\norigin: JOB42\nccsid: 819\nrecords: lf\nindex: 0\n\n"
            + "MAIL FROM:<batch@example.com>\nRCPT TO:<ops@example.com>\nFROBNICATE\nDATA\nSubject: nightly\n\ndone\n.\n";

    /** The audit record of a bad spool file, its time and system name left out (they vary). */
    private static String refusedRecord(String id, String outcome, long size) {
        return "\"queue-id\":\"" + id + "\",\"outcome\":\"" + outcome + "\",\"reason\":\"bad spool file: "
                + "JOB42 record 3: unknown SMTP verb 'FROBNICATE'\",\"condition-code\":12,\"operator\":null,"
                + "\"identity\":{\"user-id\":{\"value\":\"" + USER
                + "\",\"established\":true},\"job-name\":null,\"job-id\":null,\"program\":null,\"system-name\":SYS},"
                + "\"origin\":\"JOB42\",\"size-octets\":" + size + ",\"ccsid\":819,\"records\":\"lf\"}";
    }

    private String auditLine(String id, String outcome) throws java.io.IOException {
        return RefusedRecords.line(dir, id, outcome);
    }
}
