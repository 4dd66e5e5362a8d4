package org.spoolmail.plugins.parse.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;

/** The at-sign setting in addresses only, and control bytes in header records refused with the record. */
class SmtpDatastreamParserAtSignTest {

    private static final String[] GERMAN = {"HELO MVSA", "MAIL FROM:<lohn\u00a7example.de>",
        "RCPT TO:<buchhaltung\u00a7example.de>", "DATA", "From: \"Lohn \u00a7 Gehalt\" <lohn\u00a7example.de>",
        "To: buchhaltung\u00a7example.de", "Subject: gem\u00e4\u00df \u00a7 5", "", "gem\u00e4\u00df \u00a7 5 EStG", "."};

    @TempDir
    Path base;

    @Test
    void parseShouldReadNationalCharacterAsAtInAddressesOnlyWhenAtSignSet() throws Exception {
        for (MailInput input : List.of(Inputs.nl("job.smtp", Ccsid.of(273), GERMAN),
                Inputs.ascii("job.smtp", GERMAN))) {
            MailObject m = Inputs.parser(Map.of("at-sign", "\u00a7"), base).parse(input).get(0);

            assertEquals("<lohn@example.de>", m.envelope().reversePath().toString());
            assertEquals("[<buchhaltung@example.de>]", m.envelope().forwardPaths().toString());
            assertEquals(List.of(new HeaderField("From", "\"Lohn \u00a7 Gehalt\" <lohn@example.de>"),
                    new HeaderField("To", "buchhaltung@example.de"),
                    new HeaderField("Subject", "gem\u00e4\u00df \u00a7 5")), m.content().headers().fields());
            assertEquals(List.of("gem\u00e4\u00df \u00a7 5 EStG"), Inputs.bodyLines(m));
        }
    }

    @Test
    void parseShouldKeepTheNationalCharacterInDisplayNamesAndCommentsWhenOnlyAddrSpecsChange() throws Exception {
        Ccsid danish = Ccsid.of(277);
        assertEquals("\u00d8", new String(new byte[] {0x7C}, danish.charset()));
        MailInput input = Inputs.nl("drift.bin", danish, "HELO MVSA", "MAIL FROM:<drift\u00d8example.no>",
                "RCPT TO:<kontor\u00d8example.no>", "RCPT TO:<oyvind\u00d8example.no>", "DATA",
                "From: \u00d8stfold Drift <drift\u00d8example.no>",
                "To: kontor\u00d8example.no (\u00d8konomi), \"\u00d8yvind \u00d8\" <oyvind\u00d8example.no>",
                "Cc: \u00d8stfold: drift\u00d8example.no;", "Reply-To: \u00d8stfold Drift",
                "Subject: \u00d8konomi", "", "\u00d8konomi", ".");

        MailObject m = Inputs.parser(Map.of("at-sign", "\u00d8"), base).parse(input).get(0);

        assertEquals("<drift@example.no>", m.envelope().reversePath().toString());
        assertEquals(List.of(new HeaderField("From", "\u00d8stfold Drift <drift@example.no>"),
                new HeaderField("To", "kontor@example.no (\u00d8konomi), \"\u00d8yvind \u00d8\" <oyvind@example.no>"),
                new HeaderField("Cc", "\u00d8stfold: drift@example.no;"),
                new HeaderField("Reply-To", "\u00d8stfold Drift"),
                new HeaderField("Subject", "\u00d8konomi")), m.content().headers().fields());
    }

    @Test
    void parseShouldTypeX7cAsSectionSignInCcsid273() {
        assertEquals("\u00a7", new String(new byte[] {0x7C}, Ccsid.of(273).charset()));
    }

    @Test
    void parseShouldRefuseTheAddressWhenAtSignNotSet() throws Exception {
        SmtpDatastreamParser parser = Inputs.parser(Map.of(), base);

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> parser.parse(Inputs.nl("job.smtp", Ccsid.of(273), GERMAN)));

        assertEquals("job.smtp record 2: malformed address '<lohn\u00a7example.de>' in MAIL FROM: ",
                e.getMessage().substring(0, e.getMessage().indexOf("MAIL FROM: ") + 11));
        assertTrue(e.getMessage().endsWith(" (a job on a national keyboard types '\u00a7' for '@': set the parse"
                + " stage's at-sign: \"\u00a7\"; see spoolmail codepages)"), e.getMessage());
    }

    @Test
    void initShouldRefuseAtSignOfTwoCharacters() {
        SmtpDatastreamParser parser = new SmtpDatastreamParser();

        PermanentStageException e = assertThrows(PermanentStageException.class, () -> parser.init(
                org.spoolmail.exits.fake.FakeStageContext.of(parser, Map.of("at-sign", "x'7C'"), base)));

        assertEquals("at-sign 'x'7C'' must be one character other than '@', e.g. \"\u00a7\" for CCSID 273",
                e.getMessage());
    }

    @Test
    void parseShouldRefuseHeaderRecordHoldingEbcdicControlBytes() throws Exception {
        record Case(int ccsid, int octet, String control) {
        }
        for (Case c : List.of(new Case(37, 0x25, "LF (U+000A)"), new Case(37, 0x15, "LF (U+000A)"),
                new Case(37, 0x0D, "CR (U+000D)"), new Case(1047, 0x25, "NEL (U+0085)"),
                new Case(1047, 0x15, "LF (U+000A)"), new Case(1047, 0x0D, "CR (U+000D)"))) {
            Ccsid ccsid = Ccsid.of(c.ccsid());
            byte[] subject = "Subject: PR01 ?Bcc: x@evil.example".getBytes(ccsid.charset());
            subject[14] = (byte) c.octet();
            byte[] all = rdw(ccsid, subject, "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA");

            PermanentStageException e = assertThrows(PermanentStageException.class, () -> Inputs.parser(Map.of(),
                    base).parse(Inputs.bytes("job.bin", all, ccsid, RecordFormat.VARIABLE)), c.toString());

            String hint = c.control().startsWith("NEL") ? " (is the input in another code page? see --codepage)" : "";
            assertEquals("job.bin record 4: header field Subject at position 6: " + c.control()
                    + " is a line break: a line break in a header field is refused" + hint, e.getMessage(),
                    c.toString());
        }
    }

    @Test
    void parseShouldRefuseHeaderRecordHoldingBareCrOrLf() throws Exception {
        for (String control : List.of("\r", "\n")) {
            String text = "MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\nSubject: PR01 " + control
                    + "Bcc: x@evil.example\r\n\r\nbody\r\n.\r\n";
            MailInput input = Inputs.bytes("job.txt", text.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    Ccsid.US_ASCII, RecordFormat.CRLF);

            PermanentStageException e = assertThrows(PermanentStageException.class,
                    () -> Inputs.parser(Map.of(), base).parse(input));

            assertEquals("job.txt record 4: header field Subject at position 6: "
                    + (control.equals("\r") ? "CR (U+000D)" : "LF (U+000A)")
                    + " is a line break: a line break in a header field is refused",
                    e.getMessage());
        }
    }

    /** @return the lines, then the last record, as variable records with RDWs (no separator octets at all) */
    private static byte[] rdw(Ccsid ccsid, byte[] last, String... lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String line : lines) {
            record(out, line.getBytes(ccsid.charset()));
        }
        record(out, last);
        return out.toByteArray();
    }

    private static void record(java.io.ByteArrayOutputStream out, byte[] data) {
        int length = data.length + 4;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(0);
        out.write(0);
        out.writeBytes(data);
    }
}
