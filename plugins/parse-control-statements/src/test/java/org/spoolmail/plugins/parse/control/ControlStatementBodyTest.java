package org.spoolmail.plugins.parse.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/** TEXT, TEXTFILE, HTML, HTMLFILE and ATTACH: the MIME tree a deck makes. */
class ControlStatementBodyTest {

    private static final String BOUNDARY = "=_spoolmail_[0-9a-z]{24}";

    @TempDir
    Path dir;

    @Test
    void parseShouldKeepInlineTextAsDeckRecordsWhenTextEndsAtItsMarker() throws Exception {
        MimePart root = parseOne("FROM a@example.com", "TO b@example.com", "TEXT",
                "Line one", "   indented line, trailing blanks kept   ", "", "* not a comment in a body",
                "SUBJECT not a statement in a body", "  endtext  ").content().root();

        assertEquals(ContentType.TEXT_PLAIN, root.contentType());
        assertEquals(Optional.empty(), root.transferEncoding());
        assertEquals(List.of("Line one", "   indented line, trailing blanks kept   ", "",
                "* not a comment in a body", "SUBJECT not a statement in a body"), Decks.records(root).lines());
        assertEquals(Ccsid.UTF_8, Decks.records(root).ccsid());
    }

    @Test
    void parseShouldEndTheBlockAtTheChosenMarkerWhenTextGivesEnd() throws Exception {
        MimePart root = parseOne("FROM a@example.com", "TO b@example.com", "TEXT END=$$", "ENDTEXT is body here",
                "$$").content().root();

        assertEquals(List.of("ENDTEXT is body here"), Decks.lines(root));
    }

    @Test
    void parseShouldSubstituteSymbolsInInlineBodyLinesWhenTheyHoldThem() throws Exception {
        MimePart root = parseOne("FROM a@example.com", "TO b@example.com", "TEXT",
                "Job &JOBNAME (&JOBID) of &USERID on &SYSNAME ended &DATE at &TIME.",
                "AT&T &&DATE &nbsp;", "ENDTEXT").content().root();

        assertEquals(List.of("Job PAYROLL1 (JOB01234) of BATCH1 on SYS1 ended 2026-11-30 at 09:00:00",
                "AT&T &DATE &nbsp;"), Decks.lines(root));
    }

    @Test
    void parseShouldMakeMultipartAlternativeWhenTextAndHtmlAreBothGiven() throws Exception {
        MimePart root = parseOne("FROM a@example.com", "TO b@example.com", "HTML",
                "<p>Totals: <b>42</b></p>", "ENDHTML", "TEXT", "Totals: 42", "ENDTEXT").content().root();

        assertEquals("multipart/alternative", root.contentType().mediaType());
        assertTrue(root.contentType().parameter("boundary").orElseThrow().matches(BOUNDARY));
        assertEquals(List.of("text/plain", "text/html"), root.children().stream()
                .map(c -> c.contentType().mediaType()).toList());
        assertEquals(List.of("Totals: 42"), Decks.lines(root.children().get(0)));
        assertEquals(List.of("<p>Totals: <b>42</b></p>"), Decks.lines(root.children().get(1)));
    }

    @Test
    void parseShouldReadBodyFilesRelativeToTheDeckWhenTextfileAndHtmlfileAreGiven() throws Exception {
        Files.createDirectories(dir.resolve("bodies"));
        Files.write(dir.resolve("bodies/report.txt"), Decks.fixed(Ccsid.of(1047), 80, "REPORT [WEEK 48]", "END"));
        Files.writeString(dir.resolve("bodies/report.html"), "<h1>Report</h1>\r\n<p>caf\u00e9</p>\r\n",
                StandardCharsets.UTF_8);
        MimePart root = parseOne("FROM a@example.com", "TO b@example.com",
                "TEXTFILE bodies/report.txt CCSID=1047 RECFM=FB LRECL=80",
                "HTMLFILE 'bodies/report.html' CCSID=1208 RECFM=CRLF").content().root();

        MimePart text = root.children().get(0);
        MimePart html = root.children().get(1);
        assertEquals(List.of("REPORT [WEEK 48]", "END"), Decks.lines(text));
        assertEquals(Ccsid.of(1047).number(), Decks.records(text).ccsid().number());
        assertEquals(80, Decks.records(text).records().readAllBytes().length / 2 - 4);
        assertEquals(List.of("<h1>Report</h1>", "<p>caf\u00e9</p>"), Decks.lines(html));
        assertEquals("text/html", html.contentType().toString());
    }

    @Test
    void parseShouldMakeABase64BinaryAttachmentWithItsNameWhenAttachIsBinary() throws Exception {
        byte[] packed = {0x00, 0x0D, 0x15, 0x25, 0x40, 0x7C, (byte) 0x9F, 0x0C};
        Files.write(dir.resolve("DTAR020.bin"), packed);
        MimePart root = parseOne("FROM a@example.com", "TO b@example.com", "TEXT", "See attachment.", "ENDTEXT",
                "ATTACH DTAR020.bin NAME=&JOBNAME..BIN BINARY").content().root();

        assertEquals("multipart/mixed", root.contentType().mediaType());
        assertTrue(root.contentType().parameter("boundary").orElseThrow().matches(BOUNDARY));
        MimePart attachment = root.children().get(1);
        assertEquals("application/octet-stream; name=PAYROLL1.BIN", attachment.contentType().toString());
        assertEquals(Optional.of(ContentTransferEncoding.BASE64), attachment.transferEncoding());
        assertEquals(Optional.of("attachment; filename=\"PAYROLL1.BIN\""),
                attachment.headers().first("Content-Disposition"));
        PartBody.Binary body = (PartBody.Binary) attachment.body().orElseThrow();
        assertArrayEquals(packed, body.content().readAllBytes());
        assertEquals(Optional.of("PAYROLL1.BIN"), attachment.fileName());
    }

    @Test
    void parseShouldReadATextAttachmentInItsOwnCcsidAndRecordFormatWhenAttachIsText() throws Exception {
        Files.write(dir.resolve("fixed.dat"), Decks.fixed(Ccsid.of(1047), 80, "[1047] {A|B} !^~", "LINE 2"));
        Files.write(dir.resolve("variable.dat"), Decks.variable(Ccsid.of(37), "[037] {A|B} !^~", "", "LINE 3"));
        MimePart root = parseOne("FROM a@example.com", "TO b@example.com",
                "ATTACH fixed.dat NAME='Fixed report.txt' CCSID=1047 RECFM=FB LRECL=80",
                "ATTACH variable.dat TYPE=text/csv CCSID=37 RECFM=VB").content().root();

        assertEquals("multipart/mixed", root.contentType().mediaType());
        MimePart fixed = root.children().get(0);
        MimePart variable = root.children().get(1);
        assertEquals("text/plain; name=\"Fixed report.txt\"", fixed.contentType().toString());
        assertEquals(Optional.of("attachment; filename=\"Fixed report.txt\""),
                fixed.headers().first("Content-Disposition"));
        assertEquals(List.of("[1047] {A|B} !^~", "LINE 2"), Decks.lines(fixed));
        assertEquals(1047, Decks.records(fixed).ccsid().number());
        assertEquals("text/csv; name=variable.dat", variable.contentType().toString());
        assertEquals(List.of("[037] {A|B} !^~", "", "LINE 3"), Decks.lines(variable));
        assertEquals(37, Decks.records(variable).ccsid().number());
        assertEquals(Optional.empty(), variable.transferEncoding());
    }

    @Test
    void parseShouldTakeTheDecksCcsidAndRecordFormatWhenAttachSaysOnlyText() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "caf\u00e9\nna\u00efve\n", StandardCharsets.UTF_8);
        MimePart attachment = parseOne("FROM a@example.com", "TO b@example.com", "ATTACH notes.txt TEXT")
                .content().root().children().get(0);

        assertEquals(List.of("caf\u00e9", "na\u00efve"), Decks.lines(attachment));
        assertEquals(Ccsid.UTF_8, Decks.records(attachment).ccsid());
    }

    @Test
    void parseShouldResolveRelativePathsAgainstTheWorkingFolderWhenTheDeckIsStdin() throws Exception {
        Path here = Path.of("").toAbsolutePath().resolve("pom.xml");
        Path deck = dir.resolve("deck.txt");
        Decks.ascii(deck, "FROM a@example.com", "TO b@example.com", "ATTACH pom.xml BINARY");
        MailObject mail = Decks.parser(dir).parse(new org.spoolmail.exits.mail.MailInput("stdin",
                org.spoolmail.exits.mail.ContentHandle.ofFile(deck), Ccsid.ISO_8859_1,
                org.spoolmail.exits.mail.RecordFormat.LF, Decks.IDENTITY)).get(0);

        PartBody.Binary body = (PartBody.Binary) mail.content().root().children().get(0).body().orElseThrow();
        assertArrayEquals(Files.readAllBytes(here), body.content().readAllBytes());
    }

    private MailObject parseOne(String... lines) throws Exception {
        List<MailObject> mails = Decks.parser(dir).parse(Decks.ascii(dir.resolve("deck.txt"), lines));
        assertEquals(1, mails.size());
        return mails.get(0);
    }
}
