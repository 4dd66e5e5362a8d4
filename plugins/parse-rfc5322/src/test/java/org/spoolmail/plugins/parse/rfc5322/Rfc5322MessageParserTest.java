package org.spoolmail.plugins.parse.rfc5322;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.RecordFormat;

/** sendmail -t semantics on plain RFC 5322 messages, in ASCII and EBCDIC. */
class Rfc5322MessageParserTest {

    private static final String[] MESSAGE = {"From: \"Payroll, Batch\" <payroll@example.com>",
        "To: hr@example.com, \"Doe, Jane\" <jane.doe@example.com> (HR lead)",
        "Cc: audit: a1@example.com, a2@example.com;", "Bcc: secret@example.com, hr@example.com",
        "Subject: PR01 totals", "\tcontinued", "Content-Type: text/plain; charset=ISO-8859-1",
        "Content-Transfer-Encoding: 8bit", "", ".line one", "line two"};

    @TempDir
    Path base;

    @Test
    void parseShouldTakeRecipientsFromToCcBccAndRemoveBccWhenAsciiOrEbcdic() throws Exception {
        for (MailInput input : List.of(lf(MESSAGE), nl(Ccsid.of(1047), MESSAGE))) {
            MailObject m = parser(Map.of()).parse(input).get(0);

            assertEquals("<payroll@example.com>", m.envelope().reversePath().toString());
            assertEquals("[<hr@example.com>, <jane.doe@example.com>, <a1@example.com>, <a2@example.com>,"
                    + " <secret@example.com>]", m.envelope().forwardPaths().toString());
            assertEquals(List.of(new HeaderField("From", "\"Payroll, Batch\" <payroll@example.com>"),
                    new HeaderField("To", "hr@example.com, \"Doe, Jane\" <jane.doe@example.com> (HR lead)"),
                    new HeaderField("Cc", "audit: a1@example.com, a2@example.com;"),
                    new HeaderField("Subject", "PR01 totals\tcontinued")), m.content().headers().fields());
            assertEquals(new ContentType("text", "plain", Map.of("charset", "ISO-8859-1")),
                    m.content().root().contentType());
            assertEquals(Optional.of(ContentTransferEncoding.EIGHT_BIT), m.content().root().transferEncoding());
            PartBody.Records body = (PartBody.Records) m.content().root().body().orElseThrow();
            assertEquals(List.of(".line one", "line two"), body.records().lines());
            assertEquals(input.ccsid(), body.records().ccsid());
        }
    }

    @Test
    void parseShouldReadAFieldWithBlanksBeforeTheColonAsAHeaderFieldWhenObsoleteSyntax() throws Exception {
        MailObject m = parser(Map.of()).parse(lf("From: a@example.com", "To: b@example.com",
                "BCC : x@example.com", "Subject\t: totals", "", "body")).get(0);

        assertEquals("[<b@example.com>, <x@example.com>]", m.envelope().forwardPaths().toString());
        assertEquals(List.of(new HeaderField("From", "a@example.com"), new HeaderField("To", "b@example.com"),
                new HeaderField("Subject", "totals")), m.content().headers().fields());
        assertEquals(List.of("body"), ((PartBody.Records) m.content().root().body().orElseThrow()).records()
                .lines());
    }

    @Test
    void parseShouldRemoveResentBccAndTakeNoRecipientFromResentFieldsWhenTheMessageHoldsThem() throws Exception {
        MailObject m = parser(Map.of()).parse(lf("From: a@example.com", "To: b@example.com",
                "Resent-From: ops@example.com", "Resent-To: c@example.com", "Resent-Bcc: hidden@example.com",
                "Subject: totals", "", "body")).get(0);

        assertEquals("[<b@example.com>]", m.envelope().forwardPaths().toString());
        assertEquals(List.of(new HeaderField("From", "a@example.com"), new HeaderField("To", "b@example.com"),
                new HeaderField("Resent-From", "ops@example.com"), new HeaderField("Resent-To", "c@example.com"),
                new HeaderField("Subject", "totals")), m.content().headers().fields());
    }

    @Test
    void parseShouldTakeReversePathFromSenderBeforeFrom() throws Exception {
        MailObject m = parser(Map.of()).parse(lf("From: a@example.com", "Sender: ops@example.com",
                "To: b@example.com", "", "x")).get(0);

        assertEquals("<ops@example.com>", m.envelope().reversePath().toString());
    }

    @Test
    void parseShouldTakeConfiguredEnvelopeSenderWhenSet() throws Exception {
        MailObject m = parser(Map.of("envelope-sender", "batch@example.com")).parse(lf("From: a@example.com",
                "To: b@example.com", "", "x")).get(0);

        assertEquals("<batch@example.com>", m.envelope().reversePath().toString());
    }

    @Test
    void parseShouldRefuseNamingTheBlankLineAfterTheHeaderWhenNoRecipient() throws Exception {
        PermanentStageException e = failure(lf("From: a@example.com", "Subject: x", "Date: Mon, 30 Nov 2026 09:00:00"
                + " +0000", "", "x"));

        assertEquals("job.eml record 4: no recipient: the message has no address in To, Cc or Bcc", e.getMessage());
        assertEquals(Optional.of(new InputLocation("job.eml", 4)), e.location());
    }

    @Test
    void parseShouldRefuseNamingTheLastHeaderRecordWhenNoRecipientAndNoBlankLine() throws Exception {
        PermanentStageException e = failure(lf("From: a@example.com", "Subject: x", " continued", "BODY LINE ONE"));

        assertEquals("job.eml record 3: no recipient: the message has no address in To, Cc or Bcc", e.getMessage());
    }

    @Test
    void parseShouldRefuseNamingRecordOneWhenTheInputHoldsNoHeaderField() throws Exception {
        PermanentStageException e = failure(lf("just a line of text", "and another"));

        assertEquals("job.eml record 1: no recipient: the message has no address in To, Cc or Bcc", e.getMessage());
    }

    @Test
    void parseShouldRefuseNamingTheRecordWhenAddressMalformed() throws Exception {
        PermanentStageException e = failure(lf("From: a@example.com", "Subject: x", "Cc: ok@example.com,",
                " claims advisor@example.com", "", "x"));

        assertEquals("job.eml record 3: malformed address 'claims advisor@example.com' in Cc: address local-part"
                + " 'claims advisor' holds a blank (U+0020), which an unquoted local-part may not hold (RFC 5322"
                + " section 3.2.3 atext)", e.getMessage());
    }

    @Test
    void parseShouldRefuseWhenNoSender() throws Exception {
        PermanentStageException e = failure(lf("To: b@example.com", "", "x"));

        assertEquals("job.eml: no sender: the message has neither a Sender nor a From field, and no envelope-sender"
                + " is configured", e.getMessage());
    }

    @Test
    void parseShouldRefuseHeaderRecordWithEbcdicLineFeed() throws Exception {
        byte[] subject = "Subject: PR01 Bcc: x@evil.example".getBytes(Ccsid.of(37).charset());
        subject[13] = 0x25;
        byte[] from = "From: a@example.com".getBytes(Ccsid.of(37).charset());
        byte[] to = "To: b@example.com".getBytes(Ccsid.of(37).charset());
        byte[] data = new byte[80 * 3];
        java.util.Arrays.fill(data, (byte) 0x40);
        System.arraycopy(from, 0, data, 0, from.length);
        System.arraycopy(to, 0, data, 80, to.length);
        System.arraycopy(subject, 0, data, 160, subject.length);

        PermanentStageException e = failure(new MailInput("job.eml", ContentHandle.ofBytes(data), Ccsid.of(37),
                RecordFormat.fixed(80), Identity.of("BATCH1", "SYS1", "job.eml")));

        assertEquals("job.eml record 3: header field Subject at position 5: LF (U+000A) is a line break: a line"
                + " break in a header field is refused", e.getMessage());
    }

    @Test
    void recognisesShouldBeTrueWhenFirstRecordIsHeaderFieldAndNoVerb() {
        Rfc5322MessageParser parser = new Rfc5322MessageParser();

        assertTrue(parser.recognises(List.of("", "From: a@example.com", "To: b@example.com")));
        assertTrue(parser.recognises(List.of("Subject: x")));
        assertFalse(parser.recognises(List.of("HELO NODE1")));
        assertFalse(parser.recognises(List.of("MAIL FROM:<a@example.com>")));
        assertFalse(parser.recognises(List.of("X-FROM: a@example.com")));
        assertFalse(parser.recognises(List.of("SUBJECT Weekly totals")));
        assertFalse(parser.recognises(List.of()));
    }

    @Test
    void parseShouldRefuseLatin1HeaderWhenReadAsUtf8() throws Exception {
        byte[] data = "From: a@example.com\nTo: b@example.com\nSubject: M\u00fcller\n\ntext\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        MailInput input = new MailInput("job.eml", ContentHandle.ofBytes(data), Ccsid.UTF_8, RecordFormat.LF,
                Identity.of("BATCH1", "SYS1", "job.eml"));

        PermanentStageException e = failure(input);

        assertEquals("job.eml record 3: octet x'FC' at column 11 is not valid text in CCSID 1208 (UTF-8)"
                + " (is the input in another code page? see --codepage)", e.getMessage());
    }

    private PermanentStageException failure(MailInput input) throws Exception {
        Rfc5322MessageParser parser = parser(Map.of());
        return assertThrows(PermanentStageException.class, () -> parser.parse(input));
    }

    @Test
    void parseShouldTrimRecordEndBytesOfHeaderRecordsWhenEveryRecordEndsInX25OrX15OrX0D() throws Exception {
        for (int end : List.of(0x25, 0x15, 0x0D)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (String line : List.of("From: Payroll Batch <payroll@example.com>", "To: hr@example.com",
                    "Subject: PR01 totals", "", "line one")) {
                byte[] octets = line.getBytes(Ccsid.of(1047).charset());
                int length = octets.length + 5;
                out.writeBytes(new byte[] {(byte) (length >>> 8), (byte) length, 0, 0});
                out.writeBytes(octets);
                out.write(end);
            }
            MailInput input = new MailInput("job.eml", ContentHandle.ofBytes(out.toByteArray()), Ccsid.of(1047),
                    RecordFormat.VARIABLE, Identity.of("BATCH1", "SYS1", "job.eml"));

            MailObject m = parser(Map.of()).parse(input).get(0);

            assertEquals(List.of(new HeaderField("From", "Payroll Batch <payroll@example.com>"),
                    new HeaderField("To", "hr@example.com"), new HeaderField("Subject", "PR01 totals")),
                    m.content().headers().fields(), "x'" + Integer.toHexString(end) + "'");
        }
    }

    private Rfc5322MessageParser parser(Map<String, Object> config) throws StageException {
        Rfc5322MessageParser parser = new Rfc5322MessageParser();
        parser.init(FakeStageContext.of(parser, config, base));
        return parser;
    }

    private static MailInput lf(String... lines) {
        byte[] data = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return new MailInput("job.eml", ContentHandle.ofBytes(data), Ccsid.UTF_8, RecordFormat.LF,
                Identity.of("BATCH1", "SYS1", "job.eml"));
    }

    private static MailInput nl(Ccsid ccsid, String... lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String line : lines) {
            out.writeBytes(line.getBytes(ccsid.charset()));
            out.write(0x15);
        }
        return new MailInput("job.eml", ContentHandle.ofBytes(out.toByteArray()), ccsid, RecordFormat.NL,
                Identity.of("BATCH1", "SYS1", "job.eml"));
    }
}
