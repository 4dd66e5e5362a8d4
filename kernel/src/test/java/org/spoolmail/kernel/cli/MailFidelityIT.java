package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, mail fidelity, as a job author sees it through {@code send}: the condition code, the stderr line and
 * what reaches the outbox.
 */
class MailFidelityIT {

    @TempDir
    Path dir;

    @Test
    void sendShouldEndWithConditionCode4AndSaySoWhenTheDatastreamIsCutShort() throws Exception {
        Path input = SpoolmailRun.corpus(dir, "lowercase-no-terminator.smtp");

        SpoolmailRun run = SpoolmailRun.send(PipelineFiles.write(dir, PipelineFiles.outbox(), ""), input.toString());

        assertEquals(4, run.code, run.toString());
        String id = run.out.substring(0, run.out.indexOf(' '));
        assertEquals(List.of(id + " DELIVERED <ops.batch@example.com> -> <storage.team@example.com> subject"
                + " \"Nightly volume backup finished\" (condition code 4)"), run.out.lines().toList());
        assertEquals(List.of("spoolmail send: " + id + " WARNING parse: " + input + " record 12: the input ends"
                + " inside the data of the MAIL FROM at record 2, with no \".\" line and no QUIT: the message may be"
                + " cut short; sent as far as it goes", "spoolmail send: condition code 4"), run.err.lines().toList());
        assertEquals(1, SpoolmailRun.files(dir.resolve("outbox"), ".eml").size());
    }

    @Test
    void checkShouldListTheCutShortWarningAsAProblemWithConditionCode4() throws Exception {
        Path input = SpoolmailRun.corpus(dir, "lowercase-no-terminator.smtp");

        SpoolmailRun run = SpoolmailRun.run("check", "-c", PipelineFiles.write(dir, PipelineFiles.outbox(), "")
                .toString(), "--plugins", SpoolmailRun.PLUGINS.toString(), input.toString());

        assertEquals(4, run.code, run.toString());
        List<String> lines = run.out.lines().toList();
        assertEquals(input + ": message 1 (record 2): ready to send (condition code 4)", lines.get(0));
        assertEquals(true, lines.contains("  problem: parse WARNING: " + input + " record 12: the input ends inside"
                + " the data of the MAIL FROM at record 2, with no \".\" line and no QUIT: the message may be cut"
                + " short; sent as far as it goes"), run.out);
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }

    @Test
    void sendShouldWarnOnTheMessagesLineWhenAnEbcdicRecordHoldsALineFeedInsideIt() throws Exception {
        Charset ibm1047 = Charset.forName("IBM1047");
        byte[] total = "GROSS AMOUNT 2,114,905.17 EUR".getBytes(ibm1047);
        total[25] = 0x25;
        Path input = dir.resolve("payroll.bin");
        Files.write(input, cards(ibm1047, List.of("HELO MVSA".getBytes(ibm1047),
                "MAIL FROM:<payroll.batch@example.com>".getBytes(ibm1047),
                "RCPT TO:<audit@example.com>".getBytes(ibm1047), "DATA".getBytes(ibm1047),
                "From: Payroll Batch <payroll.batch@example.com>".getBytes(ibm1047),
                "Subject: PR01 TOTALS".getBytes(ibm1047), new byte[0], "CONTROL TOTALS".getBytes(ibm1047), total,
                ".".getBytes(ibm1047), "QUIT".getBytes(ibm1047))));

        SpoolmailRun run = SpoolmailRun.send(PipelineFiles.write(dir, PipelineFiles.outbox(), ""), "--codepage",
                "1047", "--records", "fb:80", input.toString());

        assertEquals(4, run.code, run.toString());
        String id = run.out.substring(0, run.out.indexOf(' '));
        assertEquals(List.of("spoolmail send: " + id + " WARNING codepage-translate: line 2 column 26: NEL (x'25')"
                + " inside the record replaced with a blank", "spoolmail send: condition code 4"),
                run.err.lines().toList());
        MimeMessage m = Messages.parse(SpoolmailRun.files(dir.resolve("outbox"), ".eml").get(0));
        assertEquals(List.of("CONTROL TOTALS", "GROSS AMOUNT 2,114,905.17 EUR", ""), Messages.textLines(m));
    }

    @Test
    void sendShouldAddFromTakenFromTheReversePathWhenTheMessageHasNone() throws Exception {
        Path input = dir.resolve("nofrom.smtp");
        Files.writeString(input, "HELO MVSA\nMAIL FROM:<payroll.batch@example.com>\nRCPT TO:<audit@example.com>\n"
                + "DATA\nTo: audit@example.com\nSubject: PR01\n\ntotals\n.\nQUIT\n", StandardCharsets.US_ASCII);

        SpoolmailRun run = SpoolmailRun.send(PipelineFiles.write(dir, PipelineFiles.outbox(), ""), input.toString());

        assertEquals(0, run.code, run.toString());
        MimeMessage m = Messages.parse(SpoolmailRun.files(dir.resolve("outbox"), ".eml").get(0));
        assertArrayEquals(new String[] {"payroll.batch@example.com"}, m.getHeader("From"));
        String audit = Files.readString(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0),
                StandardCharsets.UTF_8);
        assertEquals(true, audit.contains("From payroll.batch@example.com taken from the reverse-path"
                + " <payroll.batch@example.com> (the message had none; RFC 5322 section 3.6 requires one)"), audit);
    }

    @Test
    void sendShouldNameTheMissingOptionsWhenAnEbcdicDataSetIsReadWithoutCodepageAndRecords() throws Exception {
        Path input = SpoolmailRun.corpus(dir, "payroll-fb80-ibm1047.bin");

        SpoolmailRun run = SpoolmailRun.send(detectingPipeline(), input.toString());

        assertEquals(12, run.code, run.toString());
        String first = run.err.lines().findFirst().orElseThrow();
        assertEquals(true, first.startsWith("spoolmail send: " + input + ": the input is in none of the formats"
                + " smtp-datastream, control-statements, rfc5322-message (first record: '"), first);
        assertEquals(true, first.endsWith("'); it reads as smtp-datastream with --codepage 1047 --records fb:80 (for"
                + " EBCDIC give the CCSID it was written in, e.g. 37, 273 or 1047): are those options missing? Else"
                + " name one with --format (condition code 12); nothing from this input was sent"), first);
    }

    @Test
    void sendShouldNameTheRecordFormatWhenAnEbcdicFileWithNlLineEndsIsReadAsLf() throws Exception {
        Charset ibm037 = Charset.forName("IBM037");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (String line : List.of("HELO MVSA", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA",
                "Subject: x", "", "text", ".", "QUIT")) {
            data.writeBytes(line.getBytes(ibm037));
            data.write(0x15);
        }
        Path input = dir.resolve("job.txt");
        Files.write(input, data.toByteArray());

        SpoolmailRun run = SpoolmailRun.send(detectingPipeline(), input.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals(true, run.err.contains("'); it reads as smtp-datastream with --codepage 1047 --records nl (for"
                + " EBCDIC give the CCSID it was written in, e.g. 37, 273 or 1047): are those options missing? Else"
                + " name one with --format (condition code 12)"), run.err);
    }

    @Test
    void sendShouldDeliverEncodedWordsOnceAndKeepTheDisplayNameWhenCcsid277HasANationalAtSign() throws Exception {
        Charset ibm277 = Charset.forName("IBM277");
        Path input = dir.resolve("drift.bin");
        Files.write(input, cards(ibm277, List.of("HELO MVSA".getBytes(ibm277),
                "MAIL FROM:<drift\u00d8example.no>".getBytes(ibm277),
                "RCPT TO:<kontor\u00d8example.no>".getBytes(ibm277), "DATA".getBytes(ibm277),
                "From: \u00d8stfold Drift <drift\u00d8example.no>".getBytes(ibm277),
                "To: =?ISO-8859-1?Q?=D8konomi?= <kontor\u00d8example.no>".getBytes(ibm277),
                "Subject: =?ISO-8859-1?Q?Pr=F8vekj=F8ring?= 48".getBytes(ibm277), new byte[0],
                "OK".getBytes(ibm277), ".".getBytes(ibm277), "QUIT".getBytes(ibm277))));
        assertEquals(0x7C, Files.readAllBytes(input)[80 + 16] & 0xFF);

        SpoolmailRun run = SpoolmailRun.send(pipeline("smtp-datastream", "{at-sign: \"\u00d8\"}"), "--codepage",
                "277", "--records", "fb:80", input.toString());

        assertEquals(0, run.code, run.toString());
        Path eml = SpoolmailRun.files(dir.resolve("outbox"), ".eml").get(0);
        String raw = Files.readString(eml, StandardCharsets.US_ASCII);
        assertEquals(true, raw.contains("\r\nSubject: =?UTF-8?B?UHLDuHZla2rDuHJpbmc=?= 48\r\n"), raw);
        MimeMessage m = Messages.parse(eml);
        assertEquals("Pr\u00f8vekj\u00f8ring 48", m.getSubject());
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertEquals("\u00d8stfold Drift", from.getPersonal());
        assertEquals("drift@example.no", from.getAddress());
        InternetAddress to = (InternetAddress) m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0];
        assertEquals("\u00d8konomi", to.getPersonal());
        assertEquals("kontor@example.no", to.getAddress());
    }

    /** The reference pipeline's parse stage (three parsers, format detected), CCSID 1208 and LF records. */
    private Path detectingPipeline() throws Exception {
        return pipeline("[smtp-datastream, control-statements, rfc5322-message]",
                "smtp-datastream: {default-domain: example.com}");
    }

    private Path pipeline(String parsers, String parseConfig) throws Exception {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, """
                version: 1
                input: {ccsid: "1208", records: lf}
                pipeline:
                  - stage: parse
                    use: %s
                    config:
                      %s
                  - stage: mime-encode
                    use: mime-encode
                  - stage: codepage-translate
                    use: codepage-translate
                  - stage: deliver
                    use: deliver-outbox
                    config: {directory: outbox}
                  - stage: log
                    use: audit-log
                    config: {directory: audit}
                """.formatted(parsers, parseConfig), StandardCharsets.UTF_8);
        return file;
    }

    /** @return the records as fixed 80-octet card images, padded with EBCDIC blanks */
    static byte[] cards(Charset ebcdic, List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte blank = " ".getBytes(ebcdic)[0];
        for (byte[] r : records) {
            byte[] card = new byte[80];
            java.util.Arrays.fill(card, blank);
            System.arraycopy(r, 0, card, 0, r.length);
            out.writeBytes(card);
        }
        return out.toByteArray();
    }
}
