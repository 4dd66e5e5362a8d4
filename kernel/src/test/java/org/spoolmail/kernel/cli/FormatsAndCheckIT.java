package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Ccsid;

/**
 * Format detection over the parse list of the reference pipeline, {@code --format}, {@code spoolmail check} and
 * {@code spoolmail codepages}, and the corpus in national EBCDIC code pages with their at-signs.
 */
class FormatsAndCheckIT {

    @TempDir
    Path dir;

    @Test
    void sendShouldDeliverTheSeedExampleWhenConvertedToEachCcsidWithItsNationalAtSign() throws Exception {
        for (int number : new int[] {37, 1047, 273, 297}) {
            Path run = Files.createDirectories(dir.resolve("ccsid" + number));
            Ccsid ccsid = Ccsid.of(number);
            String national = new String(new byte[] {0x7C}, ccsid.charset());
            String text = Files.readString(SpoolmailRun.corpus(run, "seed-example.smtp"), StandardCharsets.ISO_8859_1)
                    .replace("@", national);
            Path input = run.resolve("seed.ebcdic");
            Files.write(input, nlRecords(text, ccsid.charset()));
            Path pipeline = pipeline(run, national.equals("@") ? "" : ", at-sign: \"" + national + "\"");

            SpoolmailRun result = SpoolmailRun.send(pipeline, "--codepage", Integer.toString(number), "--records",
                    "nl", input.toString());

            assertEquals(0, result.code, number + ": " + result);
            Path envelope = SpoolmailRun.files(run.resolve("outbox"), ".envelope").get(0);
            assertEquals("MAIL FROM:<foo@bar.com>\nRCPT TO:<wayne@bar.com>\n", Files.readString(envelope), "" + number);
            String eml = Files.readString(SpoolmailRun.files(run.resolve("outbox"), ".eml").get(0),
                    StandardCharsets.UTF_8);
            assertTrue(eml.contains("\r\nFrom: \"Commissioner Gordon\" <foo@bar.com>\r\n"), number + eml);
            assertTrue(eml.contains("\r\nPlease fix the bulb in the searchlight\r\n"), number + eml);
        }
    }

    @Test
    void sendShouldDeliverDtar020ByteIdenticalWhenBase64PartIsHandBuiltInADatastream() throws Exception {
        byte[] dtar;
        try (var in = getClass().getResourceAsStream("/ebcdic/DTAR020.bin")) {
            dtar = in.readAllBytes();
        }
        StringBuilder b = new StringBuilder("HELO MVSA\nMAIL FROM:<batch@example.com>\nRCPT TO:<ops@example.com>\n"
                + "DATA\nFrom: batch@example.com\nTo: ops@example.com\nSubject: DTAR020\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"B1\"\n\n--B1\nContent-Type: text/plain\n\nSee file.\n"
                + "--B1\nContent-Type: application/octet-stream; name=\"DTAR020.bin\"\n"
                + "Content-Transfer-Encoding: base64\n\n");
        b.append(Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(dtar));
        b.append("\n--B1--\n.\nQUIT\n");
        Charset ibm037 = Ccsid.of(37).charset();
        Path input = dir.resolve("dtar.bin");
        Files.write(input, nlRecords(b.toString(), ibm037));

        SpoolmailRun run = SpoolmailRun.send(pipeline(dir, ""), "--codepage", "37", "--records", "nl",
                input.toString());

        assertEquals(0, run.code, run.toString());
        jakarta.mail.internet.MimeMessage m;
        try (var in = Files.newInputStream(SpoolmailRun.files(dir.resolve("outbox"), ".eml").get(0))) {
            m = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    in);
        }
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        jakarta.mail.Part attachment = parts.getBodyPart(1);
        assertEquals("DTAR020.bin", attachment.getFileName());
        byte[] received = attachment.getInputStream().readAllBytes();
        assertEquals("a1d968393cb7a129093c9082b0abd2468856e5a8197f564c7ca1c5efd6153098",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(received)));
    }

    @Test
    void checkShouldPrintEnvelopeHeadersAndPartsWithoutSendingWhenRfc5322Message() throws Exception {
        Path message = dir.resolve("note.eml");
        Files.writeString(message, "From: Ops <ops@example.com>\nTo: a@example.com, \"Doe, J\" <j@example.com>\n"
                + "Bcc: audit@example.com\nSubject: Weekly totals\n\nAll green.\n", StandardCharsets.US_ASCII);

        SpoolmailRun run = SpoolmailRun.run("check", "-c", pipeline(dir, "").toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString(), message.toString());

        assertEquals(0, run.code, run.toString());
        assertEquals(List.of(message + ": message 1 (record 1): ready to send (condition code 0)",
                "  MAIL FROM:<ops@example.com>",
                "  RCPT TO:<a@example.com>, <j@example.com>, <audit@example.com>",
                "  From: Ops <ops@example.com>",
                "  To: a@example.com, \"Doe, J\" <j@example.com>",
                "  Subject: Weekly totals",
                "  part 1: text/plain, 12 octets, charset UTF-8"), run.out.lines().toList());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("audit"), ".jsonl"));
    }

    @Test
    void checkShouldNameFileAndRecordWithCode12WhenSkippedOrRefused() throws Exception {
        Path input = dir.resolve("job.smtp");
        Files.writeString(input, "HELO MVSA\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.com>\nDATA\n"
                + "Subject: x\n\nbody\n.\nHLEO MVSA\n", StandardCharsets.US_ASCII);

        SpoolmailRun run = SpoolmailRun.run("check", "-c", pipeline(dir, "").toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString(), input.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals(List.of("spoolmail check: " + input + " record 9: unknown SMTP verb 'HLEO' (condition code 12);"
                + " nothing from this input would be sent", "spoolmail check: condition code 12"),
                run.err.lines().toList());
    }

    @Test
    void sendShouldNameTheBrokenRecordStructureWhenNotEvenTheFirstRecordCanBeRead() throws Exception {
        // A VB data set whose first RDW (x'FFFF') gives a length far beyond the file's 10 octets.
        Path input = Files.write(dir.resolve("job.vb"), new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 0,
                (byte) 0xC8, (byte) 0xC5, (byte) 0xD3, (byte) 0xD6, 0x40, (byte) 0xE7});

        SpoolmailRun run = SpoolmailRun.send(pipeline(dir, ""), "--codepage", "1047", "--records", "vb",
                input.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals("spoolmail send: " + input + ": the input is in none of the formats smtp-datastream,"
                + " rfc5322-message (first record: ''; the records cannot be read as vb: record 1: RDW says 65531"
                + " octets of data, only 6 remain); name one with --format (condition code 12); nothing from this"
                + " input was sent", run.err.lines().findFirst().orElseThrow());
    }

    @Test
    void sendShouldRefuseWithCode12WhenNoParserRecognisesTheInput() throws Exception {
        Path input = dir.resolve("notes.txt");
        Files.writeString(input, "\nplease send the totals\n", StandardCharsets.US_ASCII);

        SpoolmailRun run = SpoolmailRun.send(pipeline(dir, ""), input.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals("spoolmail send: " + input + ": the input is in none of the formats smtp-datastream,"
                + " rfc5322-message (first record: 'please send the totals'); name one with --format (condition"
                + " code 12); nothing from this input was sent", run.err.lines().findFirst().orElseThrow());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }

    @Test
    void sendShouldUseTheNamedParserWhenFormatGiven() throws Exception {
        Path input = dir.resolve("odd.eml");
        Files.writeString(input, "Subject: no sender line first\nFrom: a@example.com\nTo: b@example.com\n\nx\n",
                StandardCharsets.US_ASCII);

        SpoolmailRun datastream = SpoolmailRun.send(pipeline(dir, ""), "--format", "smtp-datastream",
                input.toString());

        assertEquals(12, datastream.code, datastream.toString());
        assertEquals("spoolmail send: " + input + " record 1: unknown SMTP verb 'Subject:' (condition code 12);"
                + " nothing from this input was sent", datastream.err.lines().findFirst().orElseThrow());
    }

    @Test
    void codepagesShouldListTheNationalAtSignsOfTheEbcdicCcsids() {
        SpoolmailRun run = SpoolmailRun.run("codepages");

        assertEquals(0, run.code, run.toString());
        List<String> lines = run.out.lines().toList();
        assertEquals("CCSID  charset    x'7C'  '@'", lines.get(0));
        for (String line : List.of("   37  IBM037     '@'    x'7C'", "  273  IBM273     '\u00a7'    x'B5'",
                "  277  IBM277     '\u00d8'    x'80'", "  278  IBM278     '\u00d6'    x'EC'",
                "  280  IBM280     '\u00a7'    x'B5'", "  284  IBM284     '@'    x'7C'",
                "  285  IBM285     '@'    x'7C'", "  297  IBM297     '\u00e0'    x'44'",
                "  500  IBM500     '@'    x'7C'", "  871  IBM871     '\u00d0'    x'AC'",
                " 1047  IBM1047    '@'    x'7C'", " 1140  IBM01140   '@'    x'7C'",
                " 1141  IBM01141   '\u00a7'    x'B5'", " 1142  IBM01142   '\u00d8'    x'80'",
                " 1143  IBM01143   '\u00d6'    x'EC'", " 1144  IBM01144   '\u00a7'    x'B5'",
                " 1145  IBM01145   '@'    x'7C'", " 1146  IBM01146   '@'    x'7C'",
                " 1147  IBM01147   '\u00e0'    x'44'", " 1148  IBM01148   '@'    x'7C'",
                " 1149  IBM01149   '\u00d0'    x'AC'")) {
            assertTrue(lines.contains(line), line + " in\n" + run.out);
        }
    }

    /** @return each line encoded in the charset and ended with EBCDIC NL x'15', as a z/OS UNIX file */
    private static byte[] nlRecords(String text, Charset charset) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String line : text.split("\n")) {
            out.writeBytes(line.getBytes(charset));
            out.write(0x15);
        }
        return out.toByteArray();
    }

    /** The reference pipeline's shape with a parse list of two formats, delivering to the outbox. */
    private static Path pipeline(Path dir, String datastreamExtra) throws Exception {
        String yaml = """
                version: 1
                input: {ccsid: "819", records: lf}
                pipeline:
                  - stage: parse
                    use: [smtp-datastream, rfc5322-message]
                    config:
                      smtp-datastream: {default-domain: example.com%s}
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
                """.formatted(datastreamExtra);
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
