package org.spoolmail.plugins.parse.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;

/** Malformed datastreams fail the whole input with the file, the record and the reason. */
class SmtpDatastreamParserErrorTest {

    @TempDir
    Path base;

    @Test
    void parseShouldFailWhenVerbUnknown() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("payroll.bin",
                "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "HLEO NODE1"));

        assertEquals("payroll.bin record 3: unknown SMTP verb 'HLEO'", e.getMessage());
        assertEquals(Optional.of(new InputLocation("payroll.bin", 3)), e.location());
    }

    @Test
    void parseShouldHintAtCodePageAndRecordFormatWhenTheVerbHoldsNonAsciiCharacters() throws Exception {
        byte[] ebcdic = "HELO NODE1\u0007".getBytes(Ccsid.of(1047).charset());
        MailInput input = Inputs.bytes("job.bin", ebcdic, Ccsid.ISO_8859_1, RecordFormat.LF);

        PermanentStageException e = failure(Map.of(), input);

        // EBCDIC "HELO NODE1" read as ISO-8859-1; the BEL (x'2F' in CCSID 1047) is '/', the blank x'40' is '@'
        assertEquals("job.bin record 1: unknown SMTP verb '\u00c8\u00c5\u00d3\u00d6@\u00d5\u00d6\u00c4\u00c5\u00f1/'"
                + " (is the input in another code page or record format? see --codepage and --records)",
                e.getMessage());
    }

    @Test
    void parseShouldFailWhenRcptBeforeMail() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp",
                "HELO NODE1", "NOOP", "VERB ON", "TICK 1", "RCPT TO:<b@example.com>"));

        assertEquals("job.smtp record 5: RCPT TO before MAIL FROM", e.getMessage());
    }

    @Test
    void parseShouldFailWhenDataBeforeRcpt() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp",
                "HELO NODE1", "MAIL FROM:<a@example.com>", "DATA", "Subject: x", "", "text", "."));

        assertEquals("job.smtp record 3: DATA before RCPT TO", e.getMessage());
    }

    @Test
    void parseShouldFailWhenDataBeforeMail() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "HELO NODE1", "DATA"));

        assertEquals("job.smtp record 2: DATA before MAIL FROM", e.getMessage());
    }

    @Test
    void parseShouldFailWhenHeaderFieldHoldsEbcdicLineFeed() throws Exception {
        byte[] subject = Inputs.ebcdic("Subject: PAYROLL RUN PR01 ");
        byte[] withX25 = java.util.Arrays.copyOf(subject, subject.length + 5);
        withX25[subject.length] = 0x25;
        System.arraycopy(Inputs.ebcdic("Bcc:"), 0, withX25, subject.length + 1, 4);
        MailInput input = Inputs.cards("payroll.bin", List.of(Inputs.ebcdic("HELO MVSA"),
                Inputs.ebcdic("MAIL FROM:<payroll.batch@example.com>"), Inputs.ebcdic("RCPT TO:<audit@example.com>"),
                Inputs.ebcdic("DATA"), Inputs.ebcdic("From: Payroll Batch <payroll.batch@example.com>"), withX25,
                Inputs.ebcdic(""), Inputs.ebcdic("TOTALS"), Inputs.ebcdic(".")));

        PermanentStageException e = failure(Map.of(), input);

        assertEquals("payroll.bin record 6: header field Subject at position 18: NEL (U+0085) is a line break:"
                + " a line break in a header field is refused (is the input in another code page? see --codepage)", e.getMessage());
    }

    @Test
    void parseShouldFailWhenContinuationLineHoldsControlCharacter() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "MAIL FROM:<a@example.com>",
                "RCPT TO:<b@example.com>", "DATA", "Subject: first", "  second\u0007", "", "text"));

        assertEquals("job.smtp record 5: header field Subject at position 14: control character U+0007 is"
                + " refused in a header field", e.getMessage());
    }

    @Test
    void parseShouldFailWhenCommandRecordLongerThanMaxCommandOctets() throws Exception {
        String local = "a".repeat(500);
        PermanentStageException e = failure(Map.of(), Inputs.ascii("long.smtp", "HELO NODE1",
                "MAIL FROM:<" + local + "@example.com>"));

        assertEquals("long.smtp record 2: command record is 524 octets, longer than max-command-octets 510",
                e.getMessage());
    }

    @Test
    void parseShouldFailWhenCommandLongerThanConfiguredMaximum() throws Exception {
        PermanentStageException e = failure(Map.of("max-command-octets", "20"), Inputs.ascii("job.smtp",
                "MAIL FROM:<ops.batch@example.com>"));

        assertEquals("job.smtp record 1: command record is 33 octets, longer than max-command-octets 20",
                e.getMessage());
    }

    @Test
    void parseShouldFailWhenInputEmpty() throws Exception {
        PermanentStageException e = failure(Map.of(),
                Inputs.bytes("empty.smtp", new byte[0], Ccsid.ISO_8859_1, RecordFormat.LF));

        assertEquals("empty.smtp: no SMTP transaction (MAIL FROM, RCPT TO, DATA) found", e.getMessage());
        assertEquals(Optional.of(new InputLocation("empty.smtp", 0)), e.location());
    }

    @Test
    void parseShouldFailWhenOnlyHeloAndQuit() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "HELO NODE1", "QUIT"));

        assertEquals("job.smtp: no SMTP transaction (MAIL FROM, RCPT TO, DATA) found", e.getMessage());
    }

    @Test
    void parseShouldFailWhenInputEndsBeforeData() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "HELO NODE1",
                "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>"));

        assertEquals("job.smtp record 2: the input ends before the DATA of this MAIL FROM", e.getMessage());
    }

    @Test
    void parseShouldFailWhenAddressMalformed() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "MAIL FROM:<a@example.com>",
                "RCPT TO:<claims advisor@example.com>"));

        assertEquals("job.smtp record 2: malformed address '<claims advisor@example.com>' in RCPT TO: address"
                + " local-part 'claims advisor' holds a blank (U+0020), which an unquoted local-part may not hold"
                + " (RFC 5322 section 3.2.3 atext)", e.getMessage());
    }

    @Test
    void parseShouldFailWhenAddressHasNoClosingBracket() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "MAIL FROM:<a@example.com"));

        assertEquals("job.smtp record 1: malformed address '<a@example.com' in MAIL FROM: no closing '>'",
                e.getMessage());
    }

    @Test
    void parseShouldFailWhenRecipientIsNullPath() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "MAIL FROM:<>", "RCPT TO:<>"));

        assertEquals("job.smtp record 2: malformed address '<>' in RCPT TO: a recipient cannot be empty",
                e.getMessage());
    }

    @Test
    void parseShouldFailWhenMailLacksFromKeyword() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "MAIL <a@example.com>"));

        assertEquals("job.smtp record 1: malformed MAIL FROM command: expected 'MAIL FROM:<address>', got"
                + " '<a@example.com>'", e.getMessage());
    }

    @Test
    void parseShouldFailWhenMailInsideOpenTransaction() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "MAIL FROM:<a@example.com>",
                "RCPT TO:<b@example.com>", "MAIL FROM:<c@example.com>"));

        assertEquals("job.smtp record 3: MAIL FROM inside the transaction opened at record 1 (DATA or RSET must"
                + " come first)", e.getMessage());
    }

    @Test
    void parseShouldFailWhenRecipientDomainDotlessAndNoDefaultDomain() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "MAIL FROM:<a@example.com>",
                "RCPT TO:<OPER@NODE2>"));

        assertEquals("job.smtp record 2: RCPT TO domain NODE2 has no dot and no default-domain is configured",
                e.getMessage());
    }

    @Test
    void parseShouldFailWhenContentTransferEncodingUnknown() throws Exception {
        PermanentStageException e = failure(Map.of(), Inputs.ascii("job.smtp", "MAIL FROM:<a@example.com>",
                "RCPT TO:<b@example.com>", "DATA", "Subject: x", "Content-Transfer-Encoding: x-uuencode", "",
                "begin 644 a.bin", "."));

        assertEquals("job.smtp record 5: unknown Content-Transfer-Encoding 'x-uuencode'", e.getMessage());
    }

    @Test
    void parseShouldFailNamingTheRecordWhenRdwTruncated() throws Exception {
        byte[] data = {0x00, 0x08, 0x00, 0x00, 'H', 'E', 'L', 'O', 0x00, 0x20};
        PermanentStageException e = failure(Map.of(),
                Inputs.bytes("job.vb", data, Ccsid.ISO_8859_1, RecordFormat.VARIABLE));

        assertEquals("job.vb: record 2: truncated record descriptor word", e.getMessage());
        assertEquals(Optional.of(new InputLocation("job.vb", 2)), e.location());
    }

    private PermanentStageException failure(Map<String, Object> config, MailInput input) throws Exception {
        SmtpDatastreamParser parser = Inputs.parser(config, base);
        return assertThrows(PermanentStageException.class, () -> parser.parse(input));
    }
}
