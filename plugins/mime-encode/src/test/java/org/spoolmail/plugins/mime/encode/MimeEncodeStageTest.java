package org.spoolmail.plugins.mime.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.TextRecords;
import org.spoolmail.exits.mail.TraceEntry;

class MimeEncodeStageTest {

    @TempDir
    Path base;

    private MailObject encode(MailObject mail, Map<String, Object> config) throws StageException {
        MimeEncodeStage stage = new MimeEncodeStage();
        stage.init(FakeStageContext.of(stage, config, base));
        return stage.process(mail).mail();
    }

    private static List<String> strippedLines(MimePart part) throws IOException {
        TextRecords records = ((PartBody.Records) part.body().orElseThrow()).records();
        return records.lines().stream().map(SpoolFixture::strip).toList();
    }

    @Test
    void processShouldDivideInventoryIntoTextAndCsvAttachmentWhenHeadersRunIntoBoundary() throws Exception {
        MailObject mail = SpoolFixture.messages("inventory-no-separator.smtp", RecordFormat.LF, Ccsid.UTF_8)
                .get(0);

        MimePart root = encode(mail, Map.of()).content().root();

        assertEquals("multipart/mixed", root.contentType().mediaType());
        assertEquals(2, root.children().size());
        MimePart text = root.children().get(0);
        assertEquals("text/plain", text.contentType().toString());
        assertEquals(Optional.empty(), text.transferEncoding());
        assertEquals(List.of("Attached is the element inventory for the release."), strippedLines(text));
        MimePart csv = root.children().get(1);
        assertEquals("text/csv; name=ELEMENTS.CSV", csv.contentType().toString());
        assertEquals(Optional.of(ContentTransferEncoding.SEVEN_BIT), csv.transferEncoding());
        assertEquals(Optional.of("ELEMENTS.CSV"), csv.fileName());
        assertEquals(List.of(new HeaderField("Content-Disposition", "attachment; filename=\"ELEMENTS.CSV\"")),
                csv.headers().fields());
        assertEquals(List.of("ELEMENT,TYPE,SYSTEM,SUBSYS,VV.LL,LAST ACTION",
                "PAYCALC,COBOL,FINANCE,PAYROLL,01.07,GENERATE",
                "PAYRPT,COBOL,FINANCE,PAYROLL,01.02,MOVE",
                "PAYJCL,JCL,FINANCE,PAYROLL,02.11,ADD"), strippedLines(csv));
    }

    @Test
    void processShouldKeepRecordOctetsAndCcsidWhenDividing() throws Exception {
        MailObject mail = SpoolFixture.messages("inventory-no-separator.smtp", RecordFormat.LF, Ccsid.UTF_8)
                .get(0);

        MimePart csv = encode(mail, Map.of()).content().root().children().get(1);

        TextRecords records = ((PartBody.Records) csv.body().orElseThrow()).records();
        assertEquals(Ccsid.UTF_8, records.ccsid());
        assertEquals(4, records.recordCount());
        String first = "ELEMENT,TYPE,SYSTEM,SUBSYS,VV.LL,LAST ACTION";
        assertEquals(first + " ".repeat(80 - first.length()), records.lines().get(0));
    }

    @Test
    void processShouldReplaceInputBoundaryWithFreshRandomOneWhenDividing() throws Exception {
        MailObject mail = SpoolFixture.messages("inventory-no-separator.smtp", RecordFormat.LF, Ccsid.UTF_8)
                .get(0);

        String boundary = encode(mail, Map.of()).content().root().contentType().parameter("boundary").orElseThrow();

        assertTrue(boundary.matches("=_spoolmail_[A-Za-z0-9]{24}"), boundary);
    }

    @Test
    void processShouldKeepQuotedPrintableAndCharsetWhenClaimsPartsAreHandMade() throws Exception {
        List<MailObject> mails = SpoolFixture.messages("claims-rset-multi.smtp", RecordFormat.LF, Ccsid.UTF_8);
        List<String> expected = List.of("Le dossier 4471 a été validé par le service.",
                "La police 8812 arrive à échéance le 31/12.");

        assertEquals(2, mails.size());
        for (int i = 0; i < 2; i++) {
            MimePart root = encode(mails.get(i), Map.of()).content().root();
            assertEquals(1, root.children().size(), "no empty part after the last delimiter");
            MimePart part = root.children().get(0);
            assertEquals("text/plain; charset=ISO-8859-1", part.contentType().toString());
            assertEquals(Optional.of(ContentTransferEncoding.QUOTED_PRINTABLE), part.transferEncoding());
            byte[] decoded = SpoolFixture.decodeQuotedPrintable(strippedLines(part));
            assertEquals(expected.get(i), new String(decoded, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void processShouldAddDateAndMessageIdWhenMissing() throws Exception {
        MailObject mail = SpoolFixture.messages("inventory-no-separator.smtp", RecordFormat.LF, Ccsid.UTF_8)
                .get(0);

        MailObject out = encode(mail, Map.of());

        assertEquals(Optional.of("Mon, 30 Nov 2026 09:00:00 +0000"), out.content().headers().first("Date"));
        assertTrue(out.content().headers().first("Message-ID").orElseThrow()
                .matches("<20261130090000\\.[0-9a-f]{16}@example\\.com>"));
        assertEquals(List.of("1.0"), out.content().headers().all("MIME-Version"));
        TraceEntry trace = out.trace().get(0);
        assertEquals("mime-encode", trace.stage());
        assertEquals("ENCODED", trace.decision());
        assertEquals("2 parts; added Date, Message-ID", trace.reason());
    }
}
