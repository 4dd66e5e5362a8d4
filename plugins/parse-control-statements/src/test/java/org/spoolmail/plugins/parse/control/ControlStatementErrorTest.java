package org.spoolmail.plugins.parse.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;

/** Malformed decks: each fails as a whole with the file, the record and a specific reason. */
class ControlStatementErrorTest {

    private static final String OK = "FROM a@example.com";

    @TempDir
    Path dir;
    private Path deck;

    @BeforeEach
    void files() throws Exception {
        deck = dir.resolve("deck.txt");
        Files.writeString(dir.resolve("report.txt"), "text\n");
        // An RDW that promises 96 octets of data where only 3 follow.
        Files.write(dir.resolve("short.vb"), new byte[] {0, 8, 0, 0, 'a', 'b', 'c', 'd', 0, 100, 0, 0, 'x', 'y', 'z'});
    }

    static Stream<Arguments> malformedDecks() {
        return Stream.of(
                deck(3, "unknown statement 'SUBJCT' (expected one of FROM, TO, CC, BCC, REPLYTO, SUBJECT, IMPORTANCE,"
                        + " HEADER, TEXT, TEXTFILE, HTML, HTMLFILE, ATTACH, SEND)", OK, "TO b@example.com", "SUBJCT Hi"),
                deck(3, "SUBJECT needs a value", OK, "TO b@example.com", "SUBJECT"),
                deck(2, "TO needs an address", OK, "TO"),
                deck(3, "SUBJECT: unbalanced quote: the ' at column 1 of the operands is never closed (write '' for"
                        + " the quote itself)", OK, "TO b@example.com", "SUBJECT 'Weekly totals -", "for week 48"),
                deck(3, "SUBJECT: text after the closing quote: 'b' (put the whole value inside the quotes)", OK,
                        "TO b@example.com", "SUBJECT 'a' b"),
                deck(3, "the statement is continued (last character '+') but the deck ends after record 4", OK,
                        "TO b@example.com", "SUBJECT Weekly totals -", "   for week 48 +"),
                deck(3, "the message that starts at record 1 has no FROM statement", "TO b@example.com",
                        "SUBJECT x", "SEND", OK, "TO c@example.com"),
                deck(6, "the message that starts at record 5 has no recipient: give at least one TO, CC or BCC"
                        + " statement", OK, "TO b@example.com", "SEND", "* second", OK, "SUBJECT no one"),
                deck(3, "HEADER may not set From: it comes from its own statement or is added when the message is"
                        + " sent", OK, "TO b@example.com", "HEADER From boss@example.com"),
                deck(3, "HEADER may not set bcc: it comes from its own statement or is added when the message is"
                        + " sent", OK, "TO b@example.com", "HEADER bcc hidden@example.com"),
                deck(3, "HEADER may not set Content-Type: the MIME structure is made from TEXT, HTML and ATTACH", OK,
                        "TO b@example.com", "HEADER Content-Type text/html"),
                deck(3, "HEADER may not set MIME-Version: the MIME structure is made from TEXT, HTML and ATTACH", OK,
                        "TO b@example.com", "HEADER MIME-Version 1.0"),
                deck(3, "HEADER may not set Message-ID: it comes from its own statement or is added when the message"
                        + " is sent", OK, "TO b@example.com", "HEADER Message-ID <x@example.com>"),
                deck(3, "HEADER may not set Date: it comes from its own statement or is added when the message is"
                        + " sent", OK, "TO b@example.com", "HEADER Date yesterday"),
                deck(3, "HEADER may not set Bcc: it comes from its own statement or is added when the message is"
                        + " sent", OK, "TO b@example.com", "HEADER Bcc: spy@example.com"),
                deck(3, "HEADER may not set Resent-Bcc: it comes from its own statement or is added when the"
                        + " message is sent", OK, "TO b@example.com", "HEADER Resent-Bcc : spy@example.com"),
                deck(4, "the statement at record 3 is continued (last character '-') but this record is blank: a"
                        + " continuation needs a non-blank record", OK, "TO b@example.com", "SUBJECT Payroll -", "",
                        "   "),
                deck(3, "the statement at record 2 is continued (last character '+') but this record is blank: a"
                        + " continuation needs a non-blank record", OK, "TO b@example.com, c@exam+", "  ",
                        "ple.com"),
                deck(3, "HEADER X-Dept needs a value after the field name", OK, "TO b@example.com", "HEADER X-Dept"),
                deck(3, "HEADER: header field name 'X:Dept' holds a character not allowed in a field name", OK,
                        "TO b@example.com", "HEADER X:Dept Payroll"),
                deck(2, "control character U+000D (CR, x'0D' in the record) at column 17: a line break or control"
                        + " character in a statement is refused", OK, "TO b@example.com\rBcc: spy@example.com"),
                deck(2, "TO: 'not-an-address' is not an e-mail address: address has no '@': 'not-an-address'", OK,
                        "TO not-an-address"),
                deck(1, "FROM: 'BATCH@NODE1' has no dot in its domain: write the full domain, e.g."
                        + " BATCH@node1.example.com", "FROM BATCH@NODE1"),
                deck(2, "TO: an empty entry in the address list (two commas, or a comma at an end)", OK,
                        "TO b@example.com,,c@example.com"),
                deck(1, "FROM names one sender, found 2 addresses", "FROM a@example.com, b@example.com"),
                deck(3, "a second FROM statement in one message (end the message with SEND before the next FROM)", OK,
                        "TO b@example.com", "FROM c@example.com"),
                deck(3, "a second SUBJECT statement in one message (continue a long subject with '-' at the end)", OK,
                        "SUBJECT one", "SUBJECT two", "TO b@example.com"),
                deck(3, "TEXT has no end record 'ENDTEXT': the deck ends after record 5", OK, "TO b@example.com",
                        "TEXT", "body", "END TEXT"),
                deck(5, "a second TEXT body in one message", OK, "TO b@example.com", "TEXT", "ENDTEXT", "TEXT",
                        "ENDTEXT"),
                deck(3, "TEXT takes no operand but END=marker, found 'please'", OK, "TO b@example.com", "TEXT please"),
                deck(3, "IMPORTANCE must be HIGH, NORMAL or LOW, not 'URGENT'", OK, "TO b@example.com",
                        "IMPORTANCE URGENT"),
                deck(3, "ATTACH report.txt: say BINARY (sent byte for byte) or TEXT (translated line by line, with"
                        + " CCSID= and RECFM= if not the deck's)", OK, "TO b@example.com", "ATTACH report.txt"),
                deck(3, "ATTACH: unknown operand 'COLOR=red' (expected NAME=, TYPE=, BINARY, TEXT, CCSID=, RECFM= or"
                        + " LRECL=)", OK, "TO b@example.com", "ATTACH report.txt BINARY COLOR=red"),
                deck(3, "ATTACH: BINARY cannot be combined with TEXT, CCSID=, RECFM= or LRECL=", OK, "TO b@example.com",
                        "ATTACH report.txt BINARY CCSID=1047"),
                deck(3, "ATTACH: CCSID=9999: unknown CCSID 9999: this Java runtime has no charset for it", OK,
                        "TO b@example.com", "ATTACH report.txt CCSID=9999"),
                deck(3, "ATTACH: RECFM=FB: fixed-length records need LRECL=, e.g. RECFM=FB LRECL=80", OK,
                        "TO b@example.com", "ATTACH report.txt RECFM=FB"),
                deck(3, "ATTACH: TYPE=multipart/mixed: a multipart type cannot be attached as one file", OK,
                        "TO b@example.com", "ATTACH report.txt TYPE=multipart/mixed BINARY"),
                deck(3, "ATTACH: TYPE=text/plain; name*=UTF-8''evil.exe: give a bare type/subtype such as"
                        + " application/pdf, without parameters, quotes or blanks (NAME= gives the file name)", OK,
                        "TO b@example.com", "ATTACH report.txt \"TYPE=text/plain; name*=UTF-8''evil.exe\" TEXT"),
                deck(3, "ATTACH: TYPE=text/plain;boundary=x: give a bare type/subtype such as application/pdf,"
                        + " without parameters, quotes or blanks (NAME= gives the file name)", OK,
                        "TO b@example.com", "ATTACH report.txt TYPE=text/plain;boundary=x TEXT"),
                deck(3, "ATTACH: TYPE=text/\"plain\": give a bare type/subtype such as application/pdf, without"
                        + " parameters, quotes or blanks (NAME= gives the file name)", OK, "TO b@example.com",
                        "ATTACH report.txt 'TYPE=text/\"plain\"' TEXT"),
                deck(3, "ATTACH: TYPE=message/rfc822 cannot be sent BINARY: a message type may not be"
                        + " base64-encoded (RFC 2046 section 5.2.1); attach it as TEXT, or BINARY with"
                        + " TYPE=application/octet-stream", OK, "TO b@example.com",
                        "ATTACH report.txt TYPE=message/rfc822 BINARY"),
                deck(3, "ATTACH: TYPE=Message/Partial cannot be sent BINARY: a message type may not be"
                        + " base64-encoded (RFC 2046 section 5.2.1); attach it as TEXT, or BINARY with"
                        + " TYPE=application/octet-stream", OK, "TO b@example.com",
                        "ATTACH report.txt BINARY TYPE=Message/Partial"),
                deck(3, "ATTACH needs a file path as its first operand", OK, "TO b@example.com",
                        "ATTACH NAME=x.txt BINARY"),
                deck(3, "ATTACH: operand NAME is given twice", OK, "TO b@example.com",
                        "ATTACH report.txt NAME=a NAME=b BINARY"),
                deck(3, "SEND takes no operands, found 'NOW'", OK, "TO b@example.com", "SEND NOW"),
                deck(1, "SEND without a message: no statement since the deck began or the last SEND", "SEND"));
    }

    @ParameterizedTest
    @MethodSource("malformedDecks")
    void parseShouldRefuseTheDeckNamingFileAndRecordWhenAStatementIsMalformed(long record, String reason,
            String[] lines) throws Exception {
        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> Decks.parser(dir).parse(Decks.ascii(deck, lines)));

        assertEquals(deck + " record " + record + ": " + reason, e.getMessage());
        assertEquals(Optional.of(new InputLocation(deck.toString(), record)), e.location());
    }

    @Test
    void parseShouldNameTheAbsolutePathWhenAnAttachedFileIsMissing() throws Exception {
        PermanentStageException e = refused(Decks.ascii(deck, OK, "TO b@example.com", "ATTACH data/missing.bin BINARY"));

        assertEquals(deck + " record 3: ATTACH: file " + dir.resolve("data/missing.bin")
                + " does not exist or is not a file", e.getMessage());
    }

    @Test
    void parseShouldNameTheFilesRecordWhenATextAttachmentHasAMalformedRdw() throws Exception {
        PermanentStageException e = refused(Decks.ascii(deck, OK, "TO b@example.com", "ATTACH short.vb RECFM=VB"));

        assertEquals(deck + " record 3: ATTACH: file " + dir.resolve("short.vb") + " (RECFM vb): record 2: RDW says 96"
                + " octets of data, only 3 remain", e.getMessage());
    }

    @Test
    void parseShouldRefuseTheDeckWhenItHoldsOnlyComments() throws Exception {
        PermanentStageException e = refused(Decks.ascii(deck, "* nothing to send", ""));

        assertEquals(deck + ": the deck holds no message: write at least FROM, TO and SEND statements",
                e.getMessage());
    }

    @Test
    void parseShouldRefuseJobnameWhenTheRunHasNoJobName() throws Exception {
        Decks.ascii(deck, OK, "TO b@example.com", "SUBJECT Output of &JOBNAME");
        MailInput input = Decks.input(deck, Ccsid.ISO_8859_1, RecordFormat.LF, Identity.of("BATCH1", "SYS1", "t"));

        assertEquals(deck + " record 3: symbol &JOBNAME has no value in this run (no job name is known: give"
                + " --job-name or SPOOLMAIL_JOBNAME); write &&JOBNAME for the text itself", refused(input).getMessage());
    }

    @Test
    void parseShouldRefuseEbcdicLineEndsInAStatementWhenTheDeckIsCcsid1047() throws Exception {
        for (byte[] octet : new byte[][] {{0x25, (byte) 0x85, 'N', 'E', 'L'}, {0x15, 0x0A, 'L', 'F'},
                {0x0D, 0x0D, 'C', 'R'}}) {
            byte[] data = Decks.fixed(Ccsid.of(1047), 80, OK, "TO B@EXAMPLE.COM", "SUBJECT TOTALS BCC: X@EXAMPLE.COM");
            data[2 * 80 + 14] = octet[0];
            Files.write(deck, data);
            String name = new String(octet, 2, octet.length - 2, java.nio.charset.StandardCharsets.US_ASCII);

            PermanentStageException e = refused(Decks.input(deck, Ccsid.of(1047), RecordFormat.fixed(80),
                    Decks.IDENTITY));

            String hint = name.equals("NEL") ? " (is the input in another code page? see --codepage)" : "";
            assertEquals(String.format("%s record 3: control character U+%04X (%s, x'%02X' in the record) at column 15:"
                    + " a line break or control character in a statement is refused%s", deck, octet[1] & 0xFF, name,
                    octet[0], hint), e.getMessage());
        }
    }

    @Test
    void parseShouldHintAtTheCodePageWhenAUtf8DeckIsReadAsIso88591() throws Exception {
        Files.write(deck, String.join("\n", OK, "TO b@example.com", "SUBJECT Abrechnung gem\u00e4\u00df Tarif", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        PermanentStageException e = refused(Decks.input(deck, Ccsid.ISO_8859_1, RecordFormat.LF, Decks.IDENTITY));

        // UTF-8 "\u00df" is x'C39F': read as ISO-8859-1, x'9F' is the C1 control U+009F
        assertEquals(deck + " record 3: control character U+009F (control, x'9F' in the record) at column 26:"
                + " a line break or control character in a statement is refused"
                + " (is the input in another code page? see --codepage)", e.getMessage());
    }

    @Test
    void parseShouldRefuseLatin1OctetsWhenTheDeckIsReadAsUtf8() throws Exception {
        Files.write(deck, String.join("\n", OK, "TO b@example.com", "SUBJECT Hi", "TEXT", "Gr\u00fc\u00dfe",
                "ENDTEXT", "SEND", "").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        PermanentStageException e = refused(Decks.input(deck, Ccsid.UTF_8, RecordFormat.LF, Decks.IDENTITY));

        assertEquals(deck + " record 5: octet x'FC' at column 3 is not valid text in CCSID 1208 (UTF-8)"
                + " (is the input in another code page? see --codepage)", e.getMessage());
        assertEquals(java.util.Optional.of(new org.spoolmail.exits.mail.InputLocation(deck.toString(), 5)),
                e.location());
    }

    @Test
    void parseShouldNameTheRecordOnceWhenADeckRecordIsLongerThanOneMebibyte() throws Exception {
        Decks.ascii(deck, OK, "SUBJECT " + "x".repeat(1024 * 1024), "TO b@example.com");

        PermanentStageException e = refused(Decks.input(deck, Ccsid.ISO_8859_1, RecordFormat.LF, Decks.IDENTITY));

        assertEquals(deck + " record 2 is longer than 1048576 octets", e.getMessage());
        assertEquals(Optional.of(new InputLocation(deck.toString(), 2)), e.location());
    }

    @Test
    void parseShouldNameTheRecordOnceWhenTheDecksOwnRdwIsMalformed() throws Exception {
        byte[] records = Decks.variable(Ccsid.ISO_8859_1, OK, "TO b@example.com");
        Files.write(deck, java.util.Arrays.copyOf(records, records.length - 3));

        PermanentStageException e = refused(Decks.input(deck, Ccsid.ISO_8859_1, RecordFormat.VARIABLE,
                Decks.IDENTITY));

        assertEquals(deck + " record 2: RDW says 16 octets of data, only 13 remain", e.getMessage());
    }

    @Test
    void parseShouldRefuseNamingTheStatementWhenAMessageHasMoreThanTheDefault2000Recipients() throws Exception {
        StringBuilder to = new StringBuilder("TO r0@example.com");
        for (int i = 1; i < 1995; i++) {
            to.append(", r").append(i).append("@example.com");
        }
        String fiveCc = "CC " + String.join(", ", java.util.Collections.nCopies(5, "c@example.com"));
        Decks.ascii(deck, OK, to.toString(), fiveCc, "SEND", OK, to.toString(), fiveCc, "BCC z@example.com");

        PermanentStageException e = refused(Decks.input(deck, Ccsid.ISO_8859_1, RecordFormat.LF, Decks.IDENTITY));

        assertEquals(deck + " record 8: more than max-recipients 2000 addresses in the TO, CC and BCC statements of"
                + " the message that starts at record 5", e.getMessage());
    }

    @Test
    void parseShouldRefuseNamingTheStatementWhenAConfiguredMaxRecipientsIsPassed() throws Exception {
        Decks.ascii(deck, OK, "TO b@example.com", "CC c@example.com, d@example.com");
        ControlStatementParser parser = new ControlStatementParser();
        parser.init(org.spoolmail.exits.fake.FakeStageContext.of(parser, java.util.Map.of("max-recipients", "2"),
                dir));

        PermanentStageException e = assertThrows(PermanentStageException.class, () -> parser.parse(
                Decks.input(deck, Ccsid.ISO_8859_1, RecordFormat.LF, Decks.IDENTITY)));

        assertEquals(deck + " record 3: more than max-recipients 2 addresses in the TO, CC and BCC statements of"
                + " the message that starts at record 1", e.getMessage());
    }

    @Test
    void parseShouldRefuseABinaryAttachmentWhenTheFileReportsSizeZeroButHoldsData() throws Exception {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "needs Linux /proc");
        Decks.ascii(deck, OK, "TO b@example.com", "ATTACH /proc/self/status BINARY");

        PermanentStageException e = refused(Decks.input(deck, Ccsid.ISO_8859_1, RecordFormat.LF, Decks.IDENTITY));

        assertEquals(deck + " record 3: ATTACH: file /proc/self/status reports a size of 0 octets but holds data (a"
                + " generated file such as /proc/...): copy it to a regular file and attach the copy", e.getMessage());
    }

    @Test
    void parseShouldRefuseAnAttachmentWhenThePathIsADeviceOrFolder() throws Exception {
        Decks.ascii(deck, OK, "TO b@example.com", "ATTACH /dev/null BINARY");

        PermanentStageException e = refused(Decks.input(deck, Ccsid.ISO_8859_1, RecordFormat.LF, Decks.IDENTITY));

        assertEquals(deck + " record 3: ATTACH: file /dev/null does not exist or is not a file", e.getMessage());
    }

    private PermanentStageException refused(MailInput input) {
        return assertThrows(PermanentStageException.class, () -> Decks.parser(dir).parse(input));
    }

    private static Arguments deck(long record, String reason, String... lines) {
        return Arguments.of(record, reason, lines);
    }
}
