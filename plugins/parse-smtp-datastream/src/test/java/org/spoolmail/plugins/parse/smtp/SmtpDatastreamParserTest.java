package org.spoolmail.plugins.parse.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.ReversePath;

/** Commands, paths and data as batch jobs write them. */
class SmtpDatastreamParserTest {

    @TempDir
    Path base;

    @Test
    void parseShouldReturnNullReversePathWhenMailFromEmpty() throws Exception {
        MailObject m = one(Map.of(), "MAIL FROM:<>", "RCPT TO:<b@example.com>", "DATA", "", "bounce", ".");

        assertEquals(ReversePath.nullPath(), m.envelope().reversePath());
    }

    @Test
    void parseShouldIgnoreEsmtpParametersAndSourceRouteWhenGiven() throws Exception {
        MailObject m = one(Map.of(), "EHLO NODE1", "MAIL FROM:<a@example.com> SIZE=1200 BODY=8BITMIME",
                "RCPT TO:<@relay.example.org:b@example.com> NOTIFY=NEVER", "DATA", "", "x", ".");

        assertEquals("<a@example.com>", m.envelope().reversePath().toString());
        assertEquals("<b@example.com>", m.envelope().forwardPaths().get(0).toString());
    }

    @Test
    void parseShouldAcceptBlanksAroundPathAndAnyCaseWhenWritten() throws Exception {
        MailObject m = one(Map.of("default-domain", "example.com"), "mail from : < BATCH@NODE1 >",
                "Rcpt To:   <OPER@NODE2>", "rcpt to:dev@example.com", "data", "", "x", ".");

        assertEquals("<BATCH@NODE1.example.com>", m.envelope().reversePath().toString());
        assertEquals("[<OPER@NODE2.example.com>, <dev@example.com>]", m.envelope().forwardPaths().toString());
    }

    @Test
    void parseShouldKeepAFieldWithBlanksBeforeTheColonInTheHeaderSectionWhenObsoleteSyntax() throws Exception {
        MailObject m = one(Map.of(), "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA",
                "From: a@example.com", "BCC : x@example.com", "Subject\t: totals", "", "body", ".");

        assertEquals(List.of(new HeaderField("From", "a@example.com"), new HeaderField("BCC", "x@example.com"),
                new HeaderField("Subject", "totals")), m.content().headers().fields());
        assertEquals(List.of("body"), Inputs.bodyLines(m));
    }

    @Test
    void parseShouldDiscardOpenTransactionWhenRset() throws Exception {
        List<MailObject> mail = parse(Map.of(), "HELO NODE1", "MAIL FROM:<a@example.com>",
                "RCPT TO:<wrong@example.com>", "RSET", "MAIL FROM:<a@example.com>", "RCPT TO:<right@example.com>",
                "DATA", "", "x", ".", "QUIT");

        assertEquals(1, mail.size());
        assertEquals("[<right@example.com>]", mail.get(0).envelope().forwardPaths().toString());
        assertEquals(Optional.of("5"), mail.get(0).attributes().get("input-record"));
    }

    @Test
    void parseShouldMarkFollowingMailWhenStartTls() throws Exception {
        List<MailObject> mail = parse(Map.of(), "EHLO NODE1", "MAIL FROM:<a@example.com>",
                "RCPT TO:<b@example.com>", "DATA", "", "plain", ".", "STARTTLS", "EHLO NODE1",
                "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "", "secret", ".", "QUIT");

        assertEquals(Optional.empty(), mail.get(0).attributes().get("requires-tls"));
        assertEquals(Optional.of("true"), mail.get(1).attributes().get("requires-tls"));
    }

    @Test
    void parseShouldEndDataWhenDotPaddedWithBlanks() throws Exception {
        MailObject m = one(Map.of(), "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "", "x",
                ".      ", "QUIT");

        assertEquals(List.of("x"), Inputs.bodyLines(m));
    }

    @Test
    void parseShouldStripPaddingWhenCommandRecordEndsWithControlOctets() throws Exception {
        byte[] data = ("HELO NODE1\u0000\u0000\nMAIL FROM:<a@example.com>\r\u0005\n"
                + "RCPT TO:<b@example.com>  \u0000\nDATA\r\r\n\nx\n.\u0000\nQUIT\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        MailObject m = Inputs.parser(Map.of(), base)
                .parse(Inputs.bytes("job.smtp", data, Ccsid.ISO_8859_1, RecordFormat.LF)).get(0);

        assertEquals("<a@example.com>", m.envelope().reversePath().toString());
        assertEquals(List.of("x"), Inputs.bodyLines(m));
    }

    @Test
    void parseShouldStripEbcdicLineEndsWhenCommandRecordEndsWithX15OrX25() throws Exception {
        byte[] mail = Inputs.ebcdic("MAIL FROM:<a@example.com>");
        byte[] mailX25 = java.util.Arrays.copyOf(mail, mail.length + 2);
        mailX25[mail.length] = 0x25;
        mailX25[mail.length + 1] = 0x00;
        byte[] rcpt = Inputs.ebcdic("RCPT TO:<b@example.com>");
        byte[] rcptX15 = java.util.Arrays.copyOf(rcpt, rcpt.length + 2);
        rcptX15[rcpt.length] = 0x15;
        rcptX15[rcpt.length + 1] = 0x0D;

        MailObject m = Inputs.parser(Map.of(), base).parse(Inputs.cards("job.bin", List.of(mailX25, rcptX15,
                Inputs.ebcdic("DATA"), Inputs.ebcdic(""), Inputs.ebcdic("x"), Inputs.ebcdic(".")))).get(0);

        assertEquals("[<b@example.com>]", m.envelope().forwardPaths().toString());
    }

    @Test
    void parseShouldUnfoldHeaderFieldWhenContinued() throws Exception {
        MailObject m = one(Map.of(), "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA",
                "Subject: first half   ", "\tand second half", "", "x", ".");

        assertEquals(List.of(new HeaderField("Subject", "first half\tand second half")),
                m.content().headers().fields());
    }

    @Test
    void parseShouldMoveContentFieldsToRootPartWhenGiven() throws Exception {
        MailObject m = one(Map.of(), "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA",
                "MIME-Version: 1.0", "content-type: TEXT/PLAIN; CHARSET=ISO-8859-1",
                "Content-Transfer-Encoding: QUOTED-PRINTABLE", "", "caf=E9", ".");

        assertEquals(new ContentType("text", "plain", Map.of("charset", "ISO-8859-1")),
                m.content().root().contentType());
        assertEquals(Optional.of(ContentTransferEncoding.QUOTED_PRINTABLE), m.content().root().transferEncoding());
        assertEquals(List.of(new HeaderField("MIME-Version", "1.0")), m.content().headers().fields());
    }

    @Test
    void parseShouldTakeContentEncodingAsTransferEncodingWhenNoRealOne() throws Exception {
        MailObject m = one(Map.of(), "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA",
                "Subject: x", "CONTENT-ENCODING: 7BIT", "", "x", ".");

        assertEquals(Optional.of(ContentTransferEncoding.SEVEN_BIT), m.content().root().transferEncoding());
        assertEquals(List.of(new HeaderField("Subject", "x")), m.content().headers().fields());
    }

    @Test
    void parseShouldUseTextPlainWhenContentTypeUnreadable() throws Exception {
        MailObject m = one(Map.of(), "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA",
                "Content-Type: plain text", "", "x", ".");

        assertEquals(ContentType.TEXT_PLAIN, m.content().root().contentType());
        assertEquals(List.of(), m.content().headers().fields());
    }

    @Test
    void parseShouldStartBodyWhenFirstDataLineIsNoHeader() throws Exception {
        MailObject m = one(Map.of(), "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA",
                "Totals follow", "Run: PR01", ".");

        assertEquals(List.of(), m.content().headers().fields());
        assertEquals(List.of("Totals follow", "Run: PR01"), Inputs.bodyLines(m));
    }

    @Test
    void initShouldFailWhenDefaultDomainHasNoDot() {
        SmtpDatastreamParser parser = new SmtpDatastreamParser();

        PermanentStageException e = assertThrows(PermanentStageException.class, () -> parser.init(
                org.spoolmail.exits.fake.FakeStageContext.of(parser, Map.of("default-domain", "NODE1"), base)));

        assertEquals("default-domain 'NODE1' has no dot: it must be a fully qualified domain such as example.com",
                e.getMessage());
    }

    @Test
    void recognisesShouldBeTrueWhenFirstRecordIsHeloEhloOrMailFrom() {
        SmtpDatastreamParser parser = new SmtpDatastreamParser();

        assertTrue(parser.recognises(List.of("", "helo NODE7", "mail from:<a@b.c>")));
        assertTrue(parser.recognises(List.of("EHLO")));
        assertTrue(parser.recognises(List.of("MAIL FROM: <BATCH@NODE1>")));
        assertFalse(parser.recognises(List.of("From: a@example.com", "HELO NODE1")));
        assertFalse(parser.recognises(List.of("HELOISE")));
        assertFalse(parser.recognises(List.of()));
    }

    private MailObject one(Map<String, Object> config, String... lines) throws Exception {
        List<MailObject> mail = parse(config, lines);
        assertEquals(1, mail.size());
        return mail.get(0);
    }

    private List<MailObject> parse(Map<String, Object> config, String... lines) throws Exception {
        return Inputs.parser(config, base).parse(Inputs.ascii("job.smtp", lines));
    }
}
