package org.spoolmail.plugins.parse.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.TextRecords;

/** Decks written on z/OS: EBCDIC card images (FB 80), read with the input's CCSID and record format. */
class EbcdicDeckTest {

    private static final Ccsid IBM1047 = Ccsid.of(1047);

    @TempDir
    Path dir;

    @Test
    void parseShouldReadStatementsAndKeepBodyOctetsWhenTheDeckIsFb80InCcsid1047() throws Exception {
        Path deck = dir.resolve("MAILDECK.bin");
        Files.write(deck, Decks.fixed(IBM1047, 80,
                "* PAYROLL MAIL DECK",
                "FROM     'PAYROLL BATCH' <PAYROLL@EXAMPLE.COM>",
                "TO       HR.REPORTS@EXAMPLE.COM, AUDIT@EXAMPLE.COM",
                "SUBJECT  'PAYROLL RUN PR01 - CONTROL TOTALS [WEEK 48] -",
                "         FOR &JOBNAME'",
                "TEXT",
                "PAYROLL CONTROL TOTALS {RUN PR01}",
                "END OF REPORT | ^ # ~ \\ !",
                "ENDTEXT",
                "SEND"));

        MailObject mail = Decks.parser(dir).parse(Decks.input(deck, IBM1047, RecordFormat.fixed(80),
                Decks.IDENTITY)).get(0);

        assertEquals("<PAYROLL@EXAMPLE.COM>", mail.envelope().reversePath().toString());
        assertEquals(Optional.of("HR.REPORTS@EXAMPLE.COM, AUDIT@EXAMPLE.COM"), mail.content().headers().first("To"));
        assertEquals(Optional.of("\"PAYROLL BATCH\" <PAYROLL@EXAMPLE.COM>"), mail.content().headers().first("From"));
        assertEquals(Optional.of("PAYROLL RUN PR01 - CONTROL TOTALS [WEEK 48] FOR PAYROLL1"),
                mail.content().headers().first("Subject"));
        MimePart root = mail.content().root();
        TextRecords body = Decks.records(root);
        assertEquals(1047, body.ccsid().number());
        assertEquals(List.of("PAYROLL CONTROL TOTALS {RUN PR01}", "END OF REPORT | ^ # ~ \\ !"), Decks.lines(root));
        try (TextRecords.Cursor cursor = body.open()) {
            assertArrayEquals(Arrays.copyOfRange(Files.readAllBytes(deck), 6 * 80, 7 * 80), cursor.next());
        }
    }

    @Test
    void parseShouldDecodeTheEuroSignWhenTheDeckIsCcsid1140() throws Exception {
        Path deck = dir.resolve("EURO.bin");
        Ccsid ibm1140 = Ccsid.of(1140);
        Files.write(deck, Decks.fixed(ibm1140, 80, "FROM A@EXAMPLE.COM", "TO B@EXAMPLE.COM",
                "SUBJECT TOTAL 1.234,56 \u20ac"));
        assertEquals((byte) 0x9F, Files.readAllBytes(deck)[2 * 80 + 23]);

        MailObject mail = Decks.parser(dir).parse(Decks.input(deck, ibm1140, RecordFormat.fixed(80),
                Decks.IDENTITY)).get(0);

        assertEquals(Optional.of("TOTAL 1.234,56 \u20ac"), mail.content().headers().first("Subject"));
    }

    @Test
    void parseShouldReadAVariableDeckWhenTheRecordsHaveRdws() throws Exception {
        Path deck = dir.resolve("VB.bin");
        Ccsid ibm37 = Ccsid.of(37);
        Files.write(deck, Decks.variable(ibm37, "FROM A@EXAMPLE.COM", "TO B@EXAMPLE.COM", "SUBJECT [37] !"));

        MailObject mail = Decks.parser(dir).parse(Decks.input(deck, ibm37, RecordFormat.VARIABLE,
                Decks.IDENTITY)).get(0);

        assertEquals(Optional.of("[37] !"), mail.content().headers().first("Subject"));
    }

    @Test
    void parseShouldDropColumns73To80WhenStripSequenceNumbersAndTheDeckIsFb80() throws Exception {
        Path deck = dir.resolve("NUMBERED.bin");
        String[] statements = {"* PAYROLL MAIL DECK", "FROM     PAYROLL@EXAMPLE.COM", "TO       AUDIT@EXAMPLE.COM",
            "SUBJECT  'PAYROLL RUN PR01 -", "         TOTALS'", "TEXT", "PAYROLL CONTROL TOTALS {RUN PR01}",
            "ENDTEXT", "SEND"};
        String[] numbered = new String[statements.length];
        for (int i = 0; i < statements.length; i++) {
            numbered[i] = String.format(java.util.Locale.ROOT, "%-72s%08d", statements[i], (i + 1) * 100);
        }
        Files.write(deck, Decks.fixed(IBM1047, 80, numbered));
        ControlStatementParser parser = new ControlStatementParser();
        parser.init(org.spoolmail.exits.fake.FakeStageContext.of(parser, java.util.Map.of("time-zone", "UTC",
                "strip-sequence-numbers", "true"), dir));

        MailObject mail = parser.parse(Decks.input(deck, IBM1047, RecordFormat.fixed(80), Decks.IDENTITY)).get(0);

        assertEquals("<PAYROLL@EXAMPLE.COM>", mail.envelope().reversePath().toString());
        assertEquals("[<AUDIT@EXAMPLE.COM>]", mail.envelope().forwardPaths().toString());
        assertEquals(Optional.of("PAYROLL RUN PR01 TOTALS"), mail.content().headers().first("Subject"));
        assertEquals(List.of("PAYROLL CONTROL TOTALS {RUN PR01}"), Decks.lines(mail.content().root()));
        try (TextRecords.Cursor cursor = Decks.records(mail.content().root()).open()) {
            assertEquals(72, cursor.next().length);
        }
    }

    @Test
    void parseShouldTrimRecordEndBytesOfStatementsWhenEveryRecordEndsInX25OrX15OrX0D() throws Exception {
        for (int end : List.of(0x25, 0x15, 0x0D)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (String line : List.of("FROM PAYROLL@EXAMPLE.COM", "TO AUDIT@EXAMPLE.COM", "SUBJECT PR01 [TOTALS]")) {
                byte[] octets = line.getBytes(IBM1047.charset());
                int length = octets.length + 5;
                out.writeBytes(new byte[] {(byte) (length >>> 8), (byte) length, 0, 0});
                out.writeBytes(octets);
                out.write(end);
            }
            Path deck = dir.resolve("ENDS.bin");
            Files.write(deck, out.toByteArray());

            MailObject mail = Decks.parser(dir).parse(Decks.input(deck, IBM1047, RecordFormat.VARIABLE,
                    Decks.IDENTITY)).get(0);

            assertEquals(Optional.of("PR01 [TOTALS]"), mail.content().headers().first("Subject"),
                    "x'" + Integer.toHexString(end) + "'");
            assertEquals("[<AUDIT@EXAMPLE.COM>]", mail.envelope().forwardPaths().toString());
        }
    }
}
