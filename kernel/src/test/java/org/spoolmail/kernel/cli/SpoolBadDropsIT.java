package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad spool files the server meets (issue 8, found by a tester): a drop whose header a job wrote by hand with a bad
 * claim, files that are not drops at all, links, FIFOs and folders in the drop folder, an item a worker fails on.
 * Each is held with its reason (or removed, per bad-spool-disposition or when its owner cannot be established), is
 * counted in the run's summary line and gets an audit record; none is left active to fail again at the next start.
 */
class SpoolBadDropsIT {

    private static final String USER = System.getProperty("user.name");
    private static final String VALID = "MAIL FROM:<batch@example.com>\nRCPT TO:<ops@example.com>\nDATA\n"
            + "Subject: nightly\n\ndone\n.\n";
    private static final Pattern LINE = Pattern.compile("(?m)^(\\S+) (HELD|DELETED) \\(bad spool file\\): (.*)$");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private Path pipeline(String spool) throws Exception {
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.smtp(greenMail.getSmtp().getPort()), "", spool);
        assertEquals(0, spoolmail(pipeline, "spool", "--once").code);
        return pipeline;
    }

    private SpoolmailRun spoolmail(Path pipeline, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", pipeline.toString(), "--plugins", SpoolmailRun.PLUGINS.toString()));
        return SpoolmailRun.run(all.toArray(new String[0]));
    }

    private void drop(String name, String text) throws Exception {
        Files.writeString(dir.resolve("spool/incoming/.tmp"), text, StandardCharsets.UTF_8);
        Files.move(dir.resolve("spool/incoming/.tmp"), dir.resolve("spool/incoming/" + name));
    }

    @Test
    void spoolShouldHoldDropWithAuditRecordWhenItsJobNameClaimIsBlank() throws Exception {
        Path pipeline = pipeline("{}");
        String id = "20261204T163625-119d95-0002";
        String text = "spoolmail-drop: 1\norigin: JOB42\nccsid: 819\nrecords: lf\nindex: 0\nclaim.job-name: \n\n" + VALID;
        drop(id, text);

        SpoolmailRun first = spoolmail(pipeline, "spool", "--once");

        String fault = "drop file header field 'claim.job-name': blank; a claim must be printable text";
        String reason = fault + " (dropped as '" + id + "' by " + USER + ")";
        assertEquals(id + " HELD (bad spool file): " + reason + "\n"
                + "spool: delivered 0, deferred 0, held 1, failed 0, in flight 0\n", first.out, first.toString());
        assertEquals("", first.err);
        assertTrue(spoolmail(pipeline, "queue", "show", id).out.contains("\nreason: bad spool file: " + fault + "\n"));
        assertEquals(record(id, "HELD", "bad spool file: " + reason, 12, true, id, text.length(), 1208), audit(id, "HELD"));
        SpoolmailRun second = spoolmail(pipeline, "spool", "--once");
        assertEquals("spool: delivered 0, deferred 0, held 0, failed 0, in flight 0\n", second.out, "nothing recovered");
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void spoolShouldHoldItemWithAuditRecordAndNoStackTraceWhenTheWorkerFailsOnIt() throws Exception {
        Path pipeline = pipeline("{}");
        // An item a former version took in with a blank claim: identity() throws when a worker runs it.
        String id = "20261204T163625-119d95-0003";
        Files.writeString(dir.resolve("spool/queue/data/" + id), VALID, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("spool/queue/active/" + id), "id: " + id + "\nsubmitter: " + USER
                + "\nestablished: true\nclaim.job-name: \norigin: JOB42\nccsid: 819\nrecords: lf\nindex: 0\n"
                + "created: 2026-12-04T16:36:25Z\nattempts: 1\n", StandardCharsets.UTF_8);

        SpoolServerProcess once = SpoolServerProcess.start(pipeline, dir.resolve("once.log"), "--once");
        assertEquals(0, once.waitFor(120), once.output());

        String reason = "the spool server failed on it: IllegalArgumentException: identity value must be printable"
                + " and not blank";
        assertEquals("recovered 1 item(s) a former run left active\n" + id + " HELD: " + reason + "\n"
                + "spool: delivered 0, deferred 0, held 1, failed 0, in flight 0\n", once.output());
        assertTrue(spoolmail(pipeline, "queue", "show", id).out.contains("state: held\nsubmitter: "));
        assertEquals(record(id, "HELD", reason, 16, true, "JOB42", VALID.length(), 819), audit(id, "HELD"));
        SpoolmailRun second = spoolmail(pipeline, "spool", "--once");
        assertEquals("spool: delivered 0, deferred 0, held 0, failed 0, in flight 0\n", second.out, "not left active");
    }

    @Test
    void spoolShouldAuditAndCountEveryDropRefusedAtPickupWhenTheyAreNotDrops() throws Exception {
        Path pipeline = pipeline("{}");
        Path incoming = dir.resolve("spool/incoming");
        Files.writeString(incoming.resolve("junk"), "junk\n", StandardCharsets.US_ASCII);
        drop("noblank", "spoolmail-drop: 1\norigin: JOB42\nccsid: 819\nrecords: lf\nindex: 0\n");
        drop("hugeindex", "spoolmail-drop: 1\norigin: JOB42\nccsid: 819\nrecords: lf\nindex: 99999999999999999999\n\n"
                + VALID);
        Files.createSymbolicLink(incoming.resolve("link"), dir.resolve("pipeline.yaml"));
        Files.createDirectories(incoming.resolve("folder/inside"));
        assertEquals(0, new ProcessBuilder("mkfifo", incoming.resolve("fifo").toString()).start().waitFor());
        Path valid = Files.writeString(dir.resolve("valid.drop"), "spoolmail-drop: 1\norigin: JOB43\nccsid: 819\n"
                + "records: lf\nindex: 0\n\n" + VALID, StandardCharsets.US_ASCII);
        Files.createLink(incoming.resolve("hardlink"), valid);

        SpoolmailRun run = spoolmail(pipeline, "spool", "--once");

        String owner = " cannot be established";
        List<String> expected = List.of(
                "HELD|not a spoolmail drop file (no 'spoolmail-drop: 1' header) (dropped as 'junk' by " + USER + ")",
                "HELD|drop file header ends without its blank line (dropped as 'noblank' by " + USER + ")",
                "HELD|drop file header field 'index': '99999999999999999999' is not a mail object number from 0 to"
                        + " 2147483647 (dropped as 'hugeindex' by " + USER + ")",
                "DELETED|a symbolic link: removed unread, since its owner" + owner + " (dropped as 'link' by " + USER
                        + ")",
                "DELETED|a folder: removed unread, since its owner" + owner + " (dropped as 'folder' by " + USER + ")",
                "DELETED|not a regular file: removed unread, since its owner" + owner + " (dropped as 'fifo' by "
                        + USER + ")",
                "DELETED|a file with 2 names (hard links); its other names keep it: removed unread, since its owner"
                        + owner + " (dropped as 'hardlink' by " + USER + ")");
        List<String> seen = new ArrayList<>();
        Matcher m = LINE.matcher(run.out);
        while (m.find()) {
            seen.add(m.group(2) + "|" + m.group(3));
            String outcome = m.group(2);
            String line = audit(m.group(1), outcome);
            assertTrue(line.contains("\"outcome\":\"" + outcome + "\",\"reason\":\"bad spool file: "
                    + m.group(3) + "\",\"condition-code\":12,"), line);
            assertTrue(line.contains("\"user-id\":{\"value\":\"" + USER + "\",\"established\":" + outcome.equals("HELD")
                    + "}"), line);
        }
        assertEquals(expected.stream().sorted().toList(), seen.stream().sorted().toList(), run.out);
        assertTrue(run.out.endsWith("spool: delivered 0, deferred 0, held 3, failed 4, in flight 0\n"), run.out);
        assertEquals(List.of(), SpoolmailRun.files(incoming, ""));
        assertTrue(Files.readString(valid, StandardCharsets.US_ASCII).endsWith(VALID), "its other name keeps it");
    }

    @Test
    void spoolShouldDeleteJunkDropWithAuditRecordWhenBadSpoolDispositionIsDelete() throws Exception {
        Path pipeline = pipeline("{bad-spool-disposition: delete}");
        Files.writeString(dir.resolve("spool/incoming/junk"), "junk\n", StandardCharsets.US_ASCII);

        SpoolmailRun run = spoolmail(pipeline, "spool", "--once");

        Matcher m = LINE.matcher(run.out);
        assertTrue(m.find(), run.out);
        String id = m.group(1);
        String reason = "not a spoolmail drop file (no 'spoolmail-drop: 1' header) (dropped as 'junk' by " + USER + ")";
        assertEquals(id + " DELETED (bad spool file): " + reason + "\n"
                + "spool: delivered 0, deferred 0, held 0, failed 1, in flight 0\n", run.out);
        assertEquals(record(id, "DELETED", "bad spool file: " + reason, 12, true, "junk", 5, 1208), audit(id, "DELETED"));
        assertEquals(12, spoolmail(pipeline, "queue", "show", id).code, "gone from the queue");
    }

    @Test
    void queuePurgeShouldRemoveItemWithAuditRecordWhenItsDataFileIsMissing() throws Exception {
        Path pipeline = pipeline("{}");
        String id = "20261204T163625-119d95-0004";
        drop(id, "spoolmail-drop: 1\norigin: JOB42\nccsid: 819\nrecords: lf\nindex: 0\nstate: held\nreason: look\n\n"
                + VALID);
        assertEquals(0, spoolmail(pipeline, "spool", "--once").code);
        Files.delete(dir.resolve("spool/queue/data/" + id));

        SpoolmailRun purge = spoolmail(pipeline, "queue", "purge", id);

        assertEquals(0, purge.code, purge.toString());
        assertEquals(id + " purged by " + USER + "\n", purge.out);
        assertEquals(12, spoolmail(pipeline, "queue", "show", id).code, "gone from the queue");
        String line = audit(id, "DISCARDED");
        assertTrue(line.contains("\"reason\":\"purged from the queue by operator " + USER + "; its data file cannot be"
                + " read: " + dir.resolve("spool/queue/data/" + id) + ": no such file\",\"condition-code\":16,"
                + "\"operator\":\"" + USER + "\""), line);
    }

    /** The audit record of a refused input, its time and system name left out (they vary). */
    private static String record(String id, String outcome, String reason, int code, boolean established,
            String origin, long size, int ccsid) {
        return "\"queue-id\":\"" + id + "\",\"outcome\":\"" + outcome + "\",\"reason\":\"" + reason
                + "\",\"condition-code\":" + code + ",\"operator\":null,\"identity\":{\"user-id\":{\"value\":\"" + USER
                + "\",\"established\":" + established + "},\"job-name\":null,\"job-id\":null,\"program\":null,"
                + "\"system-name\":SYS},\"origin\":\"" + origin + "\",\"size-octets\":" + size + ",\"ccsid\":" + ccsid
                + ",\"records\":\"lf\"}";
    }

    private String audit(String id, String outcome) throws Exception {
        return RefusedRecords.line(dir, id, outcome);
    }
}
