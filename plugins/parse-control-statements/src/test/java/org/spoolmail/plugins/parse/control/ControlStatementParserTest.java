package org.spoolmail.plugins.parse.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;

/** The address, subject and header statements, and the message they make. */
class ControlStatementParserTest {

    @TempDir
    Path dir;

    @Test
    void parseShouldBuildEnvelopeAndHeaderFieldsWhenEveryAddressStatementIsGiven() throws Exception {
        MailObject mail = parseOne(
                "* Weekly payroll totals",
                "FROM     'Payroll Batch' <payroll@example.com>",
                "TO       'HR Reports' <hr.reports@example.com>, audit@example.com",
                "CC       John Smith <john.smith@example.com>",
                "CC       ops@example.com",
                "BCC      archive@example.com, audit@example.com",
                "REPLYTO  helpdesk@example.com",
                "SUBJECT  Payroll totals",
                "TEXT",
                "Totals are attached.",
                "ENDTEXT");

        assertEquals("<payroll@example.com>", mail.envelope().reversePath().toString());
        assertEquals(List.of("hr.reports@example.com", "audit@example.com", "john.smith@example.com",
                "ops@example.com", "archive@example.com"), mail.envelope().forwardPaths().stream()
                        .map(p -> p.mailbox().toString()).toList());
        assertEquals(List.of(new HeaderField("From", "\"Payroll Batch\" <payroll@example.com>"),
                new HeaderField("Reply-To", "helpdesk@example.com"),
                new HeaderField("To", "\"HR Reports\" <hr.reports@example.com>, audit@example.com"),
                new HeaderField("Cc", "\"John Smith\" <john.smith@example.com>, ops@example.com"),
                new HeaderField("Subject", "Payroll totals")), mail.content().headers().fields());
        assertFalse(mail.content().headers().contains("Bcc"));
        assertEquals("text/plain", mail.content().root().contentType().toString());
        assertEquals(List.of("Totals are attached."), Decks.lines(mail.content().root()));
        assertEquals(Optional.of("2"), mail.attributes().get("input-record"));
        assertEquals(Decks.IDENTITY, mail.identity());
    }

    @Test
    void parseShouldReadTheFieldNameBeforeAColonOrATabWhenAHeaderStatementWritesThem() throws Exception {
        MailObject mail = parseOne("FROM a@example.com", "TO b@example.com", "HEADER X-Run : 48",
                "HEADER X-Job:\tPAY1", "HEADER X-Step\tSTEP1", "HEADER\tX-Dept  Payroll", "TEXT", "x", "ENDTEXT");

        assertEquals(List.of(new HeaderField("X-Run", "48"), new HeaderField("X-Job", "PAY1"),
                new HeaderField("X-Step", "STEP1"), new HeaderField("X-Dept", "Payroll")),
                mail.content().headers().fields().subList(2, 6));
    }

    @Test
    void parseShouldKeepCommasInAQuotedDisplayNameWhenTheNameIsQuoted() throws Exception {
        MailObject mail = parseOne("FROM \"Smith, John\" <john@example.com>", "TO 'O''Brien, Pat' pat@example.com");

        assertEquals("\"Smith, John\" <john@example.com>", mail.content().headers().first("From").orElseThrow());
        assertEquals("\"O'Brien, Pat\" <pat@example.com>", mail.content().headers().first("To").orElseThrow());
    }

    @Test
    void parseShouldAddImportanceAndXPriorityWhenImportanceIsHigh() throws Exception {
        MailObject mail = parseOne("FROM a@example.com", "TO b@example.com", "IMPORTANCE high");

        assertEquals(List.of("high"), mail.content().headers().all("Importance"));
        assertEquals(List.of("1 (Highest)"), mail.content().headers().all("X-Priority"));
    }

    @Test
    void parseShouldGiveLowestPriorityWhenImportanceIsLow() throws Exception {
        MailObject mail = parseOne("FROM a@example.com", "TO b@example.com", "IMPORTANCE LOW");

        assertEquals(Optional.of("low"), mail.content().headers().first("Importance"));
        assertEquals(Optional.of("5 (Lowest)"), mail.content().headers().first("X-Priority"));
    }

    @Test
    void parseShouldGiveNormalPriorityWhenImportanceIsNormal() throws Exception {
        MailObject mail = parseOne("FROM a@example.com", "TO b@example.com", "IMPORTANCE Normal");

        assertEquals(Optional.of("normal"), mail.content().headers().first("Importance"));
        assertEquals(Optional.of("3 (Normal)"), mail.content().headers().first("X-Priority"));
    }

    @Test
    void parseShouldAddCustomHeaderFieldsInOrderWhenHeaderStatementsAreGiven() throws Exception {
        MailObject mail = parseOne("FROM a@example.com", "TO b@example.com", "HEADER X-Department Payroll & Pensions",
                "HEADER X-Run 'Job &JOBNAME (&JOBID)'");

        assertEquals(List.of(new HeaderField("X-Department", "Payroll & Pensions"),
                new HeaderField("X-Run", "Job PAYROLL1 (JOB01234)")),
                mail.content().headers().fields().subList(2, 4));
    }

    @Test
    void parseShouldJoinWithOneBlankOnMinusAndWithNothingOnPlusWhenSubjectIsContinued() throws Exception {
        MailObject mail = parseOne("FROM a@example.com", "TO b@example.com",
                "SUBJECT 'Quarterly results for the northern   -",
                "         region, prepared by the fin+",
                "         ance department'");

        assertEquals(Optional.of("Quarterly results for the northern region, prepared by the finance department"),
                mail.content().headers().first("Subject"));
    }

    @Test
    void parseShouldKeepNonAsciiSubjectWhenTheDeckIsLatin1() throws Exception {
        MailObject mail = parseOne("FROM a@example.com", "TO b@example.com",
                "SUBJECT Lohnabrechnung gemäß § 5 - Übersicht für Müller -",
                "        (Größe: 3 kg)");

        assertEquals(Optional.of("Lohnabrechnung gemäß § 5 - Übersicht für Müller (Größe: 3 kg)"),
                mail.content().headers().first("Subject"));
    }

    @Test
    void parseShouldTakeATrailingMinusLiterallyWhenTheValueIsQuoted() throws Exception {
        MailObject mail = parseOne("FROM a@example.com", "TO b@example.com", "SUBJECT 'Balance -'");

        assertEquals(Optional.of("Balance -"), mail.content().headers().first("Subject"));
    }

    @Test
    void parseShouldMakeOneMessagePerSendWhenTheDeckHoldsSeveral() throws Exception {
        List<MailObject> mails = Decks.parser(dir).parse(Decks.ascii(dir.resolve("deck.txt"),
                "FROM a@example.com", "TO b@example.com", "SUBJECT first", "SEND",
                "* the second message shares nothing with the first",
                "FROM c@example.com", "TO d@example.com", "SUBJECT second", "SEND",
                "FROM e@example.com", "TO f@example.com", "SUBJECT third, no SEND: the deck's end sends it"));

        assertEquals(3, mails.size());
        assertEquals(List.of("<a@example.com>", "<c@example.com>", "<e@example.com>"),
                mails.stream().map(m -> m.envelope().reversePath().toString()).toList());
        assertEquals(List.of(List.of(ForwardPath.parse("b@example.com")), List.of(ForwardPath.parse("d@example.com")),
                List.of(ForwardPath.parse("f@example.com"))), mails.stream().map(m -> m.envelope().forwardPaths())
                        .toList());
        assertEquals(List.of("first", "second", "third, no SEND: the deck's end sends it"), mails.stream()
                .map(m -> m.content().headers().first("Subject").orElseThrow()).toList());
        assertEquals(List.of("1", "6", "10"), mails.stream().map(m -> m.attributes().get("input-record")
                .orElseThrow()).toList());
    }

    @Test
    void parseShouldReadKeywordsInAnyCaseWhenStatementsAreIndented() throws Exception {
        MailObject mail = parseOne("   from a@example.com", "\tTo b@example.com", "  subject Hi");

        assertEquals(Optional.of("Hi"), mail.content().headers().first("Subject"));
    }

    @Test
    void parseShouldSendAnEmptyTextBodyWhenTheMessageHasNoBody() throws Exception {
        MimePart root = parseOne("FROM a@example.com", "TO b@example.com").content().root();

        assertEquals("text/plain", root.contentType().mediaType());
        assertEquals(0, Decks.records(root).recordCount());
        assertEquals(Ccsid.UTF_8, Decks.records(root).ccsid());
    }

    @Test
    void recognisesShouldAcceptADeckAndRefuseOtherFormatsWhenGivenTheirFirstRecords() {
        ControlStatementParser parser = Decks.parser(dir);

        assertTrue(parser.recognises(List.of("* payroll mail", "", "FROM payroll@example.com")));
        assertTrue(parser.recognises(List.of("SUBJECT Daily report")));
        assertTrue(parser.recognises(List.of("SEND")));
        assertFalse(parser.recognises(List.of("HELO MVSA", "MAIL FROM:<a@example.com>")));
        assertFalse(parser.recognises(List.of("From: a@example.com", "To: b@example.com")));
        assertFalse(parser.recognises(List.of("From a@example.com Mon Nov 30 09:00:00 2026")));
        assertFalse(parser.recognises(List.of("* only comments")));
    }

    private MailObject parseOne(String... lines) throws Exception {
        List<MailObject> mails = Decks.parser(dir).parse(Decks.ascii(dir.resolve("deck.txt"), lines));
        assertEquals(1, mails.size());
        return mails.get(0);
    }
}
