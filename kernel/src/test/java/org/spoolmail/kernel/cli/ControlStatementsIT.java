package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decks of control statements through the whole pipeline ({@code use: control-statements}, PF4J-loaded plugins)
 * to a real SMTP server (GreenMail): binary attachments arrive byte-identical, text attachments from fixed and
 * variable EBCDIC records arrive as UTF-8 lines, and a malformed deck sends nothing.
 */
class ControlStatementsIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void sendShouldDeliverBinaryAttachmentsByteIdenticalWhenTheDeckSaysBinary() throws Exception {
        copy("DTAR020.bin");
        copy("custdat.bin");
        Path deck = write("deck.txt", "* binary extracts",
                "FROM    'Payroll Batch' <payroll@example.com>",
                "TO      hr.reports@example.com",
                "SUBJECT Extracts of &JOBNAME",
                "TEXT", "Two extracts attached.", "ENDTEXT",
                "ATTACH  DTAR020.bin BINARY",
                "ATTACH  custdat.bin NAME=CUSTDAT.BIN TYPE=application/x-ebcdic BINARY",
                "SEND");

        SpoolmailRun run = send("819", "lf", deck);

        assertEquals(0, run.code, run.toString());
        MimeMessage got = only();
        assertEquals("<payroll@example.com>", got.getHeader("Return-Path")[0]);
        assertEquals("Extracts of PAYROLL1", got.getSubject());
        List<Part> leaves = Messages.leaves(got);
        assertEquals(3, leaves.size());
        assertEquals(List.of("Two extracts attached.", ""), Messages.textLines(got));
        assertEquals("DTAR020.bin", leaves.get(1).getFileName());
        assertEquals("base64", leaves.get(1).getHeader("Content-Transfer-Encoding")[0]);
        assertEquals("a1d968393cb7a129093c9082b0abd2468856e5a8197f564c7ca1c5efd6153098", sha256(leaves.get(1)));
        assertEquals("CUSTDAT.BIN", leaves.get(2).getFileName());
        assertEquals("application/x-ebcdic", new ContentType(leaves.get(2).getContentType()).getBaseType());
        assertEquals("80e747af351a611c03342a601faefbe685735bf3b71a177e20ec8ecee6dd7dc0", sha256(leaves.get(2)));
    }

    @Test
    void sendShouldDeliverTextAttachmentsAsUtf8LinesWhenTheyComeFromFixedAndVariableEbcdicRecords() throws Exception {
        Files.write(dir.resolve("fixed.dat"), fixed("IBM-1047", 80, "TOTALS [WEEK 48] {RUN PR01}   ",
                "END OF REPORT | ^ ~ ! # \\", ""));
        Files.write(dir.resolve("variable.dat"), variable("IBM037", "CLAIMS [4471] {OPEN} | ^ ~ !   ", "", "END"));
        byte[] euro = fixed("IBM01140", 80, "AMOUNT 1.234,56 X");
        euro[16] = (byte) 0x9F;
        Files.write(dir.resolve("euro.dat"), euro);
        Path deck = dir.resolve("MAILDECK.bin");
        Files.write(deck, fixed("IBM-1047", 80, "FROM PAYROLL@EXAMPLE.COM", "TO HR.REPORTS@EXAMPLE.COM",
                "SUBJECT 'REPORTS [WEEK 48]'",
                "ATTACH fixed.dat NAME=FIXED.TXT CCSID=1047 RECFM=FB LRECL=80",
                "ATTACH variable.dat NAME=VARIABLE.TXT CCSID=37 RECFM=VB",
                "ATTACH euro.dat NAME=EURO.TXT CCSID=1140 RECFM=FB LRECL=80"));

        SpoolmailRun run = send("1047", "fb:80", deck);

        assertEquals(0, run.code, run.toString());
        MimeMessage got = only();
        assertEquals("REPORTS [WEEK 48]", got.getSubject());
        List<Part> leaves = Messages.leaves(got);
        assertEquals(List.of("FIXED.TXT", "VARIABLE.TXT", "EURO.TXT"), List.of(leaves.get(0).getFileName(),
                leaves.get(1).getFileName(), leaves.get(2).getFileName()));
        assertEquals(List.of("TOTALS [WEEK 48] {RUN PR01}", "END OF REPORT | ^ ~ ! # \\", ""), lines(leaves.get(0)));
        assertEquals(List.of("CLAIMS [4471] {OPEN} | ^ ~ !", "", "END"), lines(leaves.get(1)));
        assertEquals(List.of("AMOUNT 1.234,56 \u20ac"), lines(leaves.get(2)));
        for (Part p : leaves) {
            assertEquals("utf-8", new ContentType(p.getContentType()).getParameter("charset").toLowerCase());
        }
    }

    @Test
    void sendShouldGiveCode12AndDeliverNothingWhenTheDeckIsMalformed() throws Exception {
        Path deck = write("deck.txt", "FROM payroll@example.com", "TO hr.reports@example.com", "SUBJECT ok", "SEND",
                "FROM payroll@example.com", "TO audit@example.com", "HEADER Bcc spy@example.com");

        SpoolmailRun run = send("819", "lf", deck);

        assertEquals(12, run.code, run.toString());
        assertEquals("spoolmail send: " + deck + " record 7: HEADER may not set Bcc: it comes from its own statement"
                + " or is added when the message is sent (condition code 12); nothing from this input was sent",
                run.err.lines().findFirst().orElseThrow());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SUBJCT late|3|unknown statement 'SUBJCT' (expected one of FROM, TO, CC, BCC, REPLYTO, SUBJECT, IMPORTANCE,"
                + " HEADER, TEXT, TEXTFILE, HTML, HTMLFILE, ATTACH, SEND)",
        "ATTACH missing.bin BINARY|3|ATTACH: file {dir}/missing.bin does not exist or is not a file",
        "SUBJECT 'never closed|3|SUBJECT: unbalanced quote: the ' at column 1 of the operands is never closed"
                + " (write '' for the quote itself)",
        "SUBJECT continued -|3|the statement is continued (last character '-') but the deck ends after record 3",
        "TO NODE1USER@NODE1|3|TO: 'NODE1USER@NODE1' has no dot in its domain: write the full domain, e.g."
                + " NODE1USER@node1.example.com"})
    void sendShouldNameDeckAndRecordWithCode12AndSendNothingWhenTheLastStatementIsMalformed(String statement,
            int record, String reason) throws Exception {
        Path deck = write("deck.txt", "FROM payroll@example.com", "TO hr.reports@example.com", statement);

        SpoolmailRun run = send("819", "lf", deck);

        assertEquals(12, run.code, run.toString());
        assertEquals("spoolmail send: " + deck + " record " + record + ": " + reason.replace("{dir}", dir.toString())
                + " (condition code 12); nothing from this input was sent", run.err.lines().findFirst().orElseThrow());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void sendShouldRefuseAnEbcdicLineFeedInAStatementWithCode12WhenTheDeckIsCcsid1047() throws Exception {
        byte[] data = fixed("IBM1047", 80, "FROM PAYROLL@EXAMPLE.COM", "TO HR.REPORTS@EXAMPLE.COM",
                "SUBJECT TOTALS BCC: SPY@EXAMPLE.COM");
        data[2 * 80 + 14] = 0x25;
        Path deck = dir.resolve("MAILDECK.bin");
        Files.write(deck, data);

        SpoolmailRun run = send("1047", "fb:80", deck);

        assertEquals(12, run.code, run.toString());
        assertEquals("spoolmail send: " + deck + " record 3: control character U+0085 (NEL, x'25' in the record) at"
                + " column 15: a line break or control character in a statement is refused"
                + " (is the input in another code page? see --codepage) (condition code 12);"
                + " nothing from this input was sent", run.err.lines().findFirst().orElseThrow());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    private SpoolmailRun send(String ccsid, String records, Path deck) throws Exception {
        return SpoolmailRun.send(pipeline(), "--codepage", ccsid, "--records", records, "--job-name", "PAYROLL1",
                deck.toString());
    }

    private Path pipeline() throws Exception {
        String yaml = """
                version: 1
                input: {ccsid: "819", records: lf}
                pipeline:
                  - stage: parse
                    use: control-statements
                    config: {time-zone: UTC}
                  - exit: verify-sender
                    routines: []
                    time-limit: 5s
                  - stage: mime-encode
                    use: mime-encode
                  - stage: codepage-translate
                    use: codepage-translate
                  - stage: deliver
                %s
                  - stage: log
                    use: audit-log
                    config: {directory: audit}
                """.formatted(PipelineFiles.smtp(smtp.getSmtp().getPort()));
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private static MimeMessage only() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        return received[0];
    }

    private static List<String> lines(Part part) throws Exception {
        List<String> lines = List.of(((String) part.getContent()).split("\r\n", -1));
        return lines.get(lines.size() - 1).isEmpty() ? lines.subList(0, lines.size() - 1) : lines;
    }

    private static String sha256(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    private void copy(String name) throws Exception {
        try (InputStream in = ControlStatementsIT.class.getResourceAsStream("/ebcdic/" + name)) {
            Files.copy(in, dir.resolve(name));
        }
    }

    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
        return file;
    }

    private static byte[] fixed(String charset, int lrecl, String... lines) {
        byte[] data = new byte[lines.length * lrecl];
        java.util.Arrays.fill(data, (byte) 0x40);
        for (int i = 0; i < lines.length; i++) {
            byte[] line = lines[i].getBytes(java.nio.charset.Charset.forName(charset));
            System.arraycopy(line, 0, data, i * lrecl, line.length);
        }
        return data;
    }

    private static byte[] variable(String charset, String... lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String l : lines) {
            byte[] line = l.getBytes(java.nio.charset.Charset.forName(charset));
            out.write((line.length + 4) >>> 8);
            out.write(line.length + 4);
            out.write(0);
            out.write(0);
            out.writeBytes(line);
        }
        return out.toByteArray();
    }
}
