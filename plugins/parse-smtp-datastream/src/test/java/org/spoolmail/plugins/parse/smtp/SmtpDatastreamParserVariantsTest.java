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
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;

/** The issue-3 variants: limits, syntax errors, interlink shape, sequence numbers; ASCII and EBCDIC each. */
class SmtpDatastreamParserVariantsTest {

    private static final Ccsid IBM1047 = Ccsid.of(1047);
    private static final Ccsid IBM037 = Ccsid.of(37);

    @TempDir
    Path base;

    @Test
    void parseShouldKeepLineOver998OctetsWhenLongLinesEncode() throws Exception {
        String longLine = "X".repeat(1200);
        for (MailInput input : List.of(ascii("MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "",
                longLine, "."), Inputs.nl("job.nl", IBM1047, "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>",
                "DATA", "", longLine, "."))) {
            MailObject m = Inputs.parser(Map.of(), base).parse(input).get(0);

            assertEquals(List.of(1200), Inputs.bodyRecordLengths(m));
        }
    }

    @Test
    void parseShouldRefuseNamingTheRecordWhenLineOver998OctetsAndLongLinesRefuse() throws Exception {
        String line999 = "Y".repeat(999) + "   ";
        for (MailInput input : List.of(ascii("MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "",
                "Z".repeat(998) + "  ", line999, "."), Inputs.nl("job.smtp", IBM1047, "MAIL FROM:<a@example.com>",
                "RCPT TO:<b@example.com>", "DATA", "", "Z".repeat(998) + "  ", line999, "."))) {
            PermanentStageException e = failure(Map.of("long-lines", "refuse"), input);

            assertEquals("job.smtp record 6: data line is 999 octets, longer than the 998 RFC 5322 allows"
                    + " (long-lines: refuse)", e.getMessage());
        }
    }

    @Test
    void parseShouldRefuseTheRcptOverMaxRecipients() throws Exception {
        String[] lines = {"HELO NODE1", "MAIL FROM:<a@example.com>", "RCPT TO:<b1@example.com>",
            "RCPT TO:<b2@example.com>", "RCPT TO:<b3@example.com>", "DATA", "", "x", "."};
        for (MailInput input : List.of(ascii(lines), Inputs.nl("job.smtp", IBM037, lines))) {
            PermanentStageException e = failure(Map.of("max-recipients", "2"), input);

            assertEquals("job.smtp record 5: more than max-recipients 2 RCPT TO in the transaction opened at record 2",
                    e.getMessage());
        }
    }

    @Test
    void parseShouldTake2000RecipientsWhenDefaultLimit() throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("MAIL FROM:<a@example.com>"));
        for (int i = 1; i <= 2000; i++) {
            lines.add("RCPT TO:<r" + i + "@example.com>");
        }
        lines.addAll(List.of("DATA", "", "x", "."));
        MailObject m = Inputs.parser(Map.of(), base).parse(ascii(lines.toArray(new String[0]))).get(0);
        lines.add(1, "RCPT TO:<r0@example.com>");

        assertEquals(2000, m.envelope().forwardPaths().size());
        assertEquals("job.smtp record 2002: more than max-recipients 2000 RCPT TO in the transaction opened at"
                + " record 1", failure(Map.of(), ascii(lines.toArray(new String[0]))).getMessage());
    }

    @Test
    void parseShouldSkipAndTraceBadCommandsWhenWithinMaxSyntaxErrors() throws Exception {
        String[] lines = {"HELO NODE1", "HLEO NODE1", "MAIL FROM:<a@example.com>", "RCPT TO:<claims advisor@x.com>",
            "RCPT TO:<b@example.com>", "DATA", "Subject: kept", "", "x", ".", "QUIT"};
        for (MailInput input : List.of(ascii(lines), Inputs.nl("job.smtp", IBM1047, lines))) {
            List<MailObject> mail = Inputs.parser(Map.of("max-syntax-errors", "2"), base).parse(input);

            assertEquals(1, mail.size());
            assertEquals("[<b@example.com>]", mail.get(0).envelope().forwardPaths().toString());
            assertEquals(List.of("parse SKIPPED job.smtp record 2: unknown SMTP verb 'HLEO'",
                    "parse SKIPPED job.smtp record 4: malformed address '<claims advisor@x.com>' in RCPT TO: address"
                    + " local-part 'claims advisor' holds a blank (U+0020), which an unquoted local-part may not hold"
                    + " (RFC 5322 section 3.2.3 atext)"),
                    mail.get(0).trace().stream().map(t -> t.stage() + " " + t.decision() + " " + t.reason())
                            .toList());
        }
    }

    @Test
    void parseShouldRefuseTheWholeInputWhenOneSyntaxErrorMoreThanMax() throws Exception {
        String[] lines = {"HLEO NODE1", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "", "x",
            ".", "MAIL FROM:<a@example.com>", "DATA", "lost", ".", "QUIT"};
        for (MailInput input : List.of(ascii(lines), Inputs.nl("job.smtp", IBM037, lines))) {
            PermanentStageException e = failure(Map.of("max-syntax-errors", "1"), input);

            assertEquals("job.smtp record 9: DATA before RCPT TO (syntax error 2, more than max-syntax-errors 1:"
                    + " the input is refused as a whole)", e.getMessage());
        }
    }

    @Test
    void parseShouldSkipTheMessageOfARefusedDataWhenWithinMaxSyntaxErrors() throws Exception {
        MailObject m = Inputs.parser(Map.of("max-syntax-errors", "1"), base).parse(ascii("MAIL FROM:<a@example.com>",
                "DATA", "NOT A COMMAND", ".", "RCPT TO:<b@example.com>", "DATA", "", "kept", ".")).get(0);

        assertEquals(List.of("kept"), Inputs.bodyLines(m));
        assertEquals("job.smtp record 2: DATA before RCPT TO", m.trace().get(0).reason());
    }

    @Test
    void parseShouldReadEnvelopeFromXLinesWhenInterlinkShape() throws Exception {
        String[] lines = {"X-FROM: Payroll <payroll.batch@NODE1>", "X-TO: hr.reports@example.com,",
            "x-to:   <audit@example.com>, ops@example.com", "From: payroll.batch@example.com",
            "Subject: PR01 totals", "", ". one dot stays", "."};
        for (MailInput input : List.of(ascii(lines), Inputs.nl("job.smtp", IBM1047, lines))) {
            List<MailObject> mail = Inputs.parser(Map.of("default-domain", "example.com"), base).parse(input);

            assertEquals(1, mail.size());
            MailObject m = mail.get(0);
            assertEquals("<payroll.batch@NODE1.example.com>", m.envelope().reversePath().toString());
            assertEquals("[<hr.reports@example.com>, <audit@example.com>, <ops@example.com>]",
                    m.envelope().forwardPaths().toString());
            assertEquals(List.of(new HeaderField("From", "payroll.batch@example.com"),
                    new HeaderField("Subject", "PR01 totals")), m.content().headers().fields());
            assertEquals(List.of(". one dot stays", "."), Inputs.bodyLines(m));
            assertEquals(Optional.of("1"), m.attributes().get("input-record"));
        }
    }

    @Test
    void parseShouldRefuseInterlinkFileWithoutXTo() throws Exception {
        PermanentStageException e = failure(Map.of(), ascii("X-FROM: a@example.com", "Subject: x", "", "body"));

        assertEquals("job.smtp record 2: interlink file without an X-TO: line before the message", e.getMessage());
    }

    @Test
    void parseShouldDropColumns73To80WhenStripSequenceNumbers() throws Exception {
        String[] lines = {"HELO NODE1", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA",
            "Subject: numbered deck", "", "LINE ONE", "."};
        for (Ccsid ccsid : List.of(Ccsid.ISO_8859_1, IBM1047)) {
            MailObject m = Inputs.parser(Map.of("strip-sequence-numbers", "true"), base)
                    .parse(Inputs.numberedCards("job.smtp", ccsid, lines)).get(0);

            assertEquals(Optional.of("numbered deck"), m.content().headers().first("Subject"));
            assertEquals(List.of("LINE ONE"), Inputs.bodyLines(m));
            assertEquals(List.of(72), Inputs.bodyRecordLengths(m));
        }
    }

    @Test
    void parseShouldKeepSequenceNumbersAndMissTheEndOfDataWhenNotStripped() throws Exception {
        MailObject m = Inputs.parser(Map.of(), base).parse(Inputs.numberedCards("job.smtp", IBM1047, "HELO NODE1",
                "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "", "LINE ONE", ".")).get(0);

        assertEquals(List.of(" ".repeat(72) + "00000500", "LINE ONE" + " ".repeat(64) + "00000600",
                " ".repeat(71) + "00000700"), Inputs.bodyLines(m), "the '.' line is only unstuffed");
    }

    private PermanentStageException failure(Map<String, Object> config, MailInput input) throws Exception {
        SmtpDatastreamParser parser = Inputs.parser(config, base);
        return assertThrows(PermanentStageException.class, () -> parser.parse(input));
    }

    private static MailInput ascii(String... lines) {
        return Inputs.ascii("job.smtp", lines);
    }
}
