package org.spoolmail.plugins.parse.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.TraceEntry;

/** The spool corpus (../shared/corpus/spool), with the values its README gives. */
class SmtpDatastreamParserCorpusTest {

    @TempDir
    Path base;

    @Test
    void parseShouldReadTheFaqExampleWhenAsciiLf() throws Exception {
        List<MailObject> mail = Inputs.parser(Map.of(), base)
                .parse(Inputs.corpus("seed-example.smtp", Ccsid.UTF_8, RecordFormat.LF));

        assertEquals(1, mail.size());
        MailObject m = mail.get(0);
        assertEquals("<foo@bar.com>", m.envelope().reversePath().toString());
        assertEquals(List.of("wayne@bar.com"), recipients(m));
        assertEquals(List.of(new HeaderField("Date", "Fri, 16 Jul 2010 13:41:30 -0400"),
                new HeaderField("From", "\"Commissioner Gordon\" <foo@bar.com>"),
                new HeaderField("Subject", "DAILY REPORT OF DISK UTILIZATION"),
                new HeaderField("To", "\"Bruce Wayne\" <wayne@bar.com>")), m.content().headers().fields());
        assertEquals(List.of("Please fix the bulb in the searchlight"), Inputs.bodyLines(m));
        assertEquals(ContentType.TEXT_PLAIN, m.content().root().contentType());
        assertEquals(Optional.empty(), m.content().root().transferEncoding());
        assertEquals(Map.of("origin", "seed-example.smtp", "input-record", "2"), m.attributes().values());
        assertEquals(Inputs.IDENTITY, m.identity());
    }

    @Test
    void parseShouldEndDataAtEndOfInputWhenLowercaseAndNoTerminator() throws Exception {
        List<MailObject> mail = Inputs.parser(Map.of(), base)
                .parse(Inputs.corpus("lowercase-no-terminator.smtp", Ccsid.UTF_8, RecordFormat.LF));

        assertEquals(1, mail.size());
        MailObject m = mail.get(0);
        assertEquals("<ops.batch@example.com>", m.envelope().reversePath().toString());
        assertEquals(List.of("storage.team@example.com"), recipients(m));
        assertEquals(Optional.of("Operations Batch <ops.batch@example.com>"), m.content().headers().first("From"));
        assertEquals(Optional.of("Nightly volume backup finished"), m.content().headers().first("Subject"));
        assertEquals(Optional.of("Mon, 07 Sep 98 02:15:00 PST"), m.content().headers().first("Date"));
        assertEquals(List.of("The nightly full-volume dump completed.",
                "Volumes processed: 42   Tracks copied: 1,204,117",
                "If this mail does not arrive, check the writer name and SYSOUT class."), Inputs.bodyLines(m));
        assertEquals(List.of(80, 80, 80), Inputs.bodyRecordLengths(m), "body records keep their padding");
    }

    @Test
    void parseShouldWarnNamingTheLastRecordWhenTheDataEndsWithoutDotAndQuit() throws Exception {
        MailObject m = Inputs.parser(Map.of(), base)
                .parse(Inputs.corpus("lowercase-no-terminator.smtp", Ccsid.UTF_8, RecordFormat.LF)).get(0);

        List<TraceEntry> warnings = m.trace().stream().filter(t -> t.decision().equals("WARNING")).toList();
        assertEquals(1, warnings.size(), m.trace().toString());
        assertEquals("parse", warnings.get(0).stage());
        assertEquals("lowercase-no-terminator.smtp record 12: the input ends inside the data of the MAIL FROM at"
                + " record 2, with no \".\" line and no QUIT: the message may be cut short; sent as far as it goes",
                warnings.get(0).reason());
    }

    @Test
    void parseShouldNotWarnWhenTheDataEndsWithDotAndNoQuit() throws Exception {
        MailObject m = Inputs.parser(Map.of(), base).parse(Inputs.ascii("job.smtp", "HELO NODE1",
                "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "Subject: x", "", "text", "."))
                .get(0);

        assertEquals(List.of(), m.trace());
    }

    @Test
    void parseShouldDecodeCcsid1047AndUnstuffDotsWhenFixed80() throws Exception {
        List<MailObject> mail = Inputs.parser(Map.of(), base)
                .parse(Inputs.corpus("payroll-fb80-ibm1047.bin", Ccsid.of(1047), RecordFormat.fixed(80)));

        assertEquals(1, mail.size());
        MailObject m = mail.get(0);
        assertEquals("<payroll.batch@example.com>", m.envelope().reversePath().toString());
        assertEquals(List.of("hr.reports@example.com", "audit@example.com"), recipients(m));
        assertEquals(List.of(new HeaderField("From", "Payroll Batch <payroll.batch@example.com>"),
                new HeaderField("To", "hr.reports@example.com"),
                new HeaderField("Cc", "audit@example.com"),
                new HeaderField("Subject", "PAYROLL RUN PR01 - CONTROL TOTALS [WEEK 48]")),
                m.content().headers().fields());
        assertEquals(List.of("PAYROLL CONTROL TOTALS {RUN PR01}",
                "EMPLOYEES PAID ........ 1,482",
                "GROSS AMOUNT .......... 2,114,905.17",
                ".",
                "..",
                ".HIDDEN LINE STARTS WITH ONE DOT AFTER UNSTUFFING",
                "END OF REPORT | STATUS=OK ^ #48 ~ \\ !"), Inputs.bodyLines(m));
        assertEquals(List.of(80, 80, 80, 79, 79, 79, 80), Inputs.bodyRecordLengths(m));
        assertEquals(Ccsid.of(1047), Inputs.body(m).ccsid());
    }

    @Test
    void parseShouldReturnTwoQualifiedMailObjectsWhenRsetOpensEachAndDefaultDomainSet() throws Exception {
        List<MailObject> mail = Inputs.parser(Map.of("default-domain", "example.com"), base)
                .parse(Inputs.corpus("claims-rset-multi.smtp", Ccsid.UTF_8, RecordFormat.LF));

        assertEquals(2, mail.size());
        assertEquals(List.of("claims.advisor@example.com"), recipients(mail.get(0)));
        assertEquals(List.of("underwriting@example.com"), recipients(mail.get(1)));
        for (MailObject m : mail) {
            assertEquals("<BATCH@NODE1.example.com>", m.envelope().reversePath().toString());
            assertEquals(new ContentType("multipart", "mixed", Map.of("boundary", "==SPLIT")),
                    m.content().root().contentType());
            assertEquals(Optional.of("1.0"), m.content().headers().first("MIME-Version"));
            assertEquals(Optional.of("plan advisor"), m.content().headers().first("TO"));
            assertEquals(Optional.of("Claims Batch <BATCH@NODE1.example.com>"), m.content().headers().first("From"));
        }
        assertEquals(List.of("parse NOTE claims-rset-multi.smtp record 7: header field TO 'plan advisor' holds no"
                + " address; kept as written"), mail.get(0).trace().stream()
                        .map(t -> t.stage() + " " + t.decision() + " " + t.reason()).toList());
        assertEquals(Optional.of("Claim 4471 status changed"), mail.get(0).content().headers().first("Subject"));
        assertEquals(List.of("--==SPLIT", "CONTENT-TYPE: TEXT/PLAIN; CHARSET= \"ISO-8859-1\"",
                "CONTENT-TRANSFER-ENCODING: QUOTED-PRINTABLE", "",
                "Le dossier 4471 a =E9t=E9 valid=E9 par le service.", "--==SPLIT"), Inputs.bodyLines(mail.get(0)));
        assertEquals(Collections.nCopies(6, 102), Inputs.bodyRecordLengths(mail.get(1)));
        assertEquals(List.of("3", "20"), mail.stream().map(m -> m.attributes().get("input-record").orElseThrow())
                .toList());
    }

    @Test
    void parseShouldFailNamingTheRecordWhenDotlessDomainAndNoDefaultDomain() throws Exception {
        PermanentStageException e = assertThrows(PermanentStageException.class, () -> Inputs.parser(Map.of(), base)
                .parse(Inputs.corpus("claims-rset-multi.smtp", Ccsid.UTF_8, RecordFormat.LF)));

        assertEquals("claims-rset-multi.smtp record 3: MAIL FROM domain NODE1 has no dot and no default-domain is"
                + " configured", e.getMessage());
        assertEquals(Optional.of(new InputLocation("claims-rset-multi.smtp", 3)), e.location());
    }

    @Test
    void parseShouldEndHeaderSectionAtFirstNonHeaderLineWhenNoBlankLine() throws Exception {
        List<MailObject> mail = Inputs.parser(Map.of(), base)
                .parse(Inputs.corpus("inventory-no-separator.smtp", Ccsid.UTF_8, RecordFormat.LF));

        assertEquals(1, mail.size());
        MailObject m = mail.get(0);
        assertEquals("<scm.admin@example.com>", m.envelope().reversePath().toString());
        assertEquals(List.of("release.team@example.com"), recipients(m));
        assertEquals(List.of(new HeaderField("From", "SCM Admin <scm.admin@example.com>"),
                new HeaderField("TO", "release.team@example.com"),
                new HeaderField("Subject", "Element inventory for release 26.4"),
                new HeaderField("MIME-Version", "1.0")), m.content().headers().fields());
        assertEquals(new ContentType("multipart", "mixed", Map.of("boundary", "MIME")),
                m.content().root().contentType());
        List<String> body = Inputs.bodyLines(m);
        assertEquals(12, body.size());
        assertEquals("--MIME", body.get(0));
        assertEquals("CONTENT-ENCODING: 7BIT", body.get(5));
        assertEquals("PAYJCL,JCL,FINANCE,PAYROLL,02.11,ADD", body.get(11));
        assertTrue(m.content().root().body().isPresent(), "a multipart stays one leaf until mime-encode");
    }

    private static List<String> recipients(MailObject m) {
        return m.envelope().forwardPaths().stream().map(ForwardPath::mailbox).map(Object::toString).toList();
    }
}
