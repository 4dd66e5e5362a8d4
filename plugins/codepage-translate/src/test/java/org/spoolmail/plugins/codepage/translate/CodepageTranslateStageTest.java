package org.spoolmail.plugins.codepage.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.TextRecords;

class CodepageTranslateStageTest {

    private static final Ccsid IBM1047 = Ccsid.of(1047);
    /** Built by hand: IBM037 looks for "IBM37", but the JDK names it IBM037 (reported to exits-api). */
    private static final Ccsid IBM037 = new Ccsid(37, Charset.forName("IBM037"));

    @TempDir
    Path base;

    private MailObject translate(MailObject mail, Map<String, Object> config) throws Exception {
        CodepageTranslateStage stage = new CodepageTranslateStage();
        stage.init(FakeStageContext.of(stage, config, base));
        return stage.process(mail).mail();
    }

    private MimePart translateLeaf(MimePart leaf) throws Exception {
        return translate(SpoolRecords.mail(leaf), Map.of()).content().root();
    }

    static String text(MimePart part) throws Exception {
        PartBody.Text body = (PartBody.Text) part.body().orElseThrow();
        return new String(body.content().readAllBytes(), body.charset());
    }

    private static List<byte[]> payroll() {
        return SpoolRecords.read("payroll-fb80-ibm1047.bin", RecordFormat.fixed(80));
    }

    @Test
    void processShouldTranslatePayrollBodyExactlyWhenRecordsAreCcsid1047() throws Exception {
        List<byte[]> body = SpoolRecords.body(payroll(), IBM1047.charset());
        MailObject mail = SpoolRecords.mail(SpoolRecords.leaf("text/plain", null, SpoolRecords.of(IBM1047, body)));

        MailObject out = translate(mail, Map.of());

        MimePart root = out.content().root();
        assertEquals("PAYROLL CONTROL TOTALS {RUN PR01}\r\n"
                + "EMPLOYEES PAID ........ 1,482\r\n"
                + "GROSS AMOUNT .......... 2,114,905.17\r\n"
                + ".\r\n"
                + "..\r\n"
                + ".HIDDEN LINE STARTS WITH ONE DOT AFTER UNSTUFFING\r\n"
                + "END OF REPORT | STATUS=OK ^ #48 ~ \\ !\r\n", text(root));
        assertEquals(StandardCharsets.UTF_8, ((PartBody.Text) root.body().orElseThrow()).charset());
        assertEquals("text/plain; charset=utf-8", root.contentType().toString());
        assertEquals(Optional.empty(), root.transferEncoding());
        assertEquals("CCSID 1047 -> UTF-8, 1 part", out.trace().get(0).reason());
        assertEquals("TRANSLATED", out.trace().get(0).decision());
        assertEquals("codepage-translate", out.trace().get(0).stage());
    }

    @Test
    void processShouldKeepSquareBracketsWhenSubjectRecordIsCcsid1047() throws Exception {
        byte[] subject = payroll().get(8);

        MimePart out = translateLeaf(SpoolRecords.leaf("text/plain", null,
                SpoolRecords.of(IBM1047, List.of(subject))));

        assertEquals("Subject: PAYROLL RUN PR01 - CONTROL TOTALS [WEEK 48]\r\n", text(out));
    }

    @Test
    void processShouldGiveOtherCharactersWhenSameOctetsAreLabelledCcsid37() throws Exception {
        byte[] subject = payroll().get(8);
        byte[] report = payroll().get(16);

        MimePart out = translateLeaf(SpoolRecords.leaf("text/plain", null,
                SpoolRecords.of(IBM037, List.of(subject, report))));

        assertEquals("Subject: PAYROLL RUN PR01 - CONTROL TOTALS ÝWEEK 48¨\r\n"
                + "END OF REPORT | STATUS=OK ¬ #48 ~ \\ !\r\n", text(out));
    }

    @Test
    void processShouldDecodeUmlautsAndSectionSignWhenCcsidIs273() throws Exception {
        Ccsid german = Ccsid.of(273);
        TextRecords records = TextRecords.ofLines(german, List.of("gemäß § 5" + " ".repeat(71)));

        MimePart out = translateLeaf(SpoolRecords.leaf("text/plain", null, records));

        assertEquals("gemäß § 5\r\n", text(out));
    }

    @Test
    void processShouldTranslateCsvAttachmentWithoutPaddingWhenRecordsAreBlankPadded() throws Exception {
        List<byte[]> all = SpoolRecords.read("inventory-no-separator.smtp", RecordFormat.LF);
        List<byte[]> csv = all.subList(all.size() - 4, all.size());
        MimePart leaf = SpoolRecords.leaf("text/csv; name=\"ELEMENTS.CSV\"", ContentTransferEncoding.SEVEN_BIT,
                SpoolRecords.of(Ccsid.ISO_8859_1, csv));

        MimePart out = translateLeaf(leaf);

        assertEquals("ELEMENT,TYPE,SYSTEM,SUBSYS,VV.LL,LAST ACTION\r\n"
                + "PAYCALC,COBOL,FINANCE,PAYROLL,01.07,GENERATE\r\n"
                + "PAYRPT,COBOL,FINANCE,PAYROLL,01.02,MOVE\r\n"
                + "PAYJCL,JCL,FINANCE,PAYROLL,02.11,ADD\r\n", text(out));
        assertEquals("text/csv; name=ELEMENTS.CSV; charset=utf-8", out.contentType().toString());
        assertEquals(Optional.empty(), out.transferEncoding());
    }

    @Test
    void processShouldKeepQuotedPrintableAndDeclaredCharsetWhenClaimsPartsAreEncoded() throws Exception {
        List<byte[]> all = SpoolRecords.read("claims-rset-multi.smtp", RecordFormat.LF);
        List<byte[]> qp = all.stream()
                .filter(r -> SpoolRecords.text(r, StandardCharsets.ISO_8859_1).contains("=E9")).toList();
        List<String> expected = List.of("Le dossier 4471 a été validé par le service.",
                "La police 8812 arrive à échéance le 31/12.");

        assertEquals(2, qp.size());
        for (int i = 0; i < 2; i++) {
            MimePart leaf = SpoolRecords.leaf("TEXT/PLAIN; CHARSET= \"ISO-8859-1\"",
                    ContentTransferEncoding.QUOTED_PRINTABLE, SpoolRecords.of(Ccsid.ISO_8859_1, List.of(qp.get(i))));

            MimePart out = translateLeaf(leaf);

            assertEquals("text/plain; charset=ISO-8859-1", out.contentType().toString());
            assertEquals(Optional.of(ContentTransferEncoding.QUOTED_PRINTABLE), out.transferEncoding());
            assertEquals(StandardCharsets.US_ASCII, ((PartBody.Text) out.body().orElseThrow()).charset());
            byte[] decoded = SpoolRecords.decodeQuotedPrintable(text(out));
            assertEquals(expected.get(i) + "\r\n", new String(decoded, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void processShouldTranslateOnlyCharactersWhenQuotedPrintableCameFromEbcdic() throws Exception {
        MimePart leaf = SpoolRecords.leaf("text/plain; charset=iso-8859-1", ContentTransferEncoding.QUOTED_PRINTABLE,
                TextRecords.ofLines(IBM1047, List.of("caf=E9 [ok]")));

        MimePart out = translateLeaf(leaf);

        assertEquals("caf=E9 [ok]\r\n", text(out));
        assertEquals("text/plain; charset=iso-8859-1", out.contentType().toString());
    }

    @Test
    void processShouldRelabelTruthfullyWhenEbcdicPartDeclaresIsoCharset() throws Exception {
        MimePart leaf = SpoolRecords.leaf("text/plain; charset=ISO-8859-1", null,
                TextRecords.ofLines(IBM1047, List.of("Prüfung [1]")));

        MimePart out = translateLeaf(leaf);

        assertEquals("Prüfung [1]\r\n", text(out));
        assertEquals("text/plain; charset=utf-8", out.contentType().toString());
    }

    @Test
    void processShouldDecodeWithDeclaredCharsetWhenInputIsAsciiFamily() throws Exception {
        TextRecords records = SpoolRecords.of(Ccsid.ISO_8859_1, List.of("Grüße".getBytes(StandardCharsets.UTF_8)));

        MimePart out = translateLeaf(SpoolRecords.leaf("text/plain; charset=UTF-8", null, records));

        assertEquals("Grüße\r\n", text(out));
    }

    @Test
    void processShouldReplaceLineEndCharactersInsideRecordsWithBlanksAndCountThem() throws Exception {
        byte[] nel = {(byte) 0xC1, 0x25, (byte) 0xC2};
        byte[] lf = {(byte) 0xC3, 0x15, (byte) 0xC4, 0x0D, (byte) 0xC5};
        MailObject mail = SpoolRecords.mail(SpoolRecords.leaf("text/plain", null,
                SpoolRecords.of(IBM1047, List.of(nel, lf))));

        MailObject out = translate(mail, Map.of());

        assertEquals("A B\r\nC D E\r\n", text(out.content().root()));
        assertEquals("CCSID 1047 -> UTF-8, 1 part; 3 control characters inside records replaced with blanks",
                out.trace().get(0).reason());
    }

    @Test
    void processShouldKeepTrailingBlanksWhenStrippingIsOff() throws Exception {
        MailObject mail = SpoolRecords.mail(SpoolRecords.leaf("text/plain", null,
                TextRecords.ofLines(IBM1047, List.of("A  ", "", "B"))));

        MailObject out = translate(mail, Map.of("strip-trailing-blanks", "false"));

        assertEquals("A  \r\n\r\nB\r\n", text(out.content().root()));
    }

    @Test
    void processShouldSendUtf8WhenTargetCharsetCannotHoldTheText() throws Exception {
        MailObject mail = SpoolRecords.mail(SpoolRecords.leaf("text/plain", null,
                TextRecords.ofLines(Ccsid.of(1140), List.of("Preis 5 €"))));

        MailObject out = translate(mail, Map.of("target-charset", "ISO-8859-1"));

        MimePart root = out.content().root();
        assertEquals("Preis 5 €\r\n", text(root));
        assertEquals("text/plain; charset=utf-8", root.contentType().toString());
        assertEquals("CCSID 1140 -> ISO-8859-1, 1 part; 1 part sent as UTF-8: ISO-8859-1 cannot hold its text",
                out.trace().get(0).reason());
    }

    @Test
    void processShouldUseTargetCharsetWhenItHoldsTheText() throws Exception {
        MailObject mail = SpoolRecords.mail(SpoolRecords.leaf("text/plain", null,
                TextRecords.ofLines(Ccsid.of(273), List.of("Grüße"))));

        MimePart root = translate(mail, Map.of("target-charset", "ISO-8859-1")).content().root();

        PartBody.Text body = (PartBody.Text) root.body().orElseThrow();
        assertEquals(StandardCharsets.ISO_8859_1, body.charset());
        assertEquals("Grüße\r\n", new String(body.content().readAllBytes(), Charset.forName("ISO-8859-1")));
        assertEquals("text/plain; charset=iso-8859-1", root.contentType().toString());
    }

    @Test
    void processShouldTranslateEveryTextLeafAndLeaveBinaryWhenMultipart() throws Exception {
        byte[] packed = {0x0C, 0x15, 0x25, 0x40};
        MimePart binary = MimePart.leaf(ContentType.OCTET_STREAM, Optional.of(ContentTransferEncoding.BASE64),
                new PartBody.Binary(org.spoolmail.exits.mail.ContentHandle.ofBytes(packed)));
        MimePart a = SpoolRecords.leaf("text/plain", null, TextRecords.ofLines(IBM1047, List.of("one")));
        MimePart b = SpoolRecords.leaf("text/html", null, TextRecords.ofLines(IBM037, List.of("<b>two</b>")));
        MimePart root = MimePart.multipart(ContentType.parse("multipart/mixed; boundary=x"), List.of(a, b, binary));

        MailObject out = translate(SpoolRecords.mail(root), Map.of());

        List<MimePart> children = out.content().root().children();
        assertEquals("one\r\n", text(children.get(0)));
        assertEquals("<b>two</b>\r\n", text(children.get(1)));
        assertEquals(binary, children.get(2));
        assertEquals("CCSID 37, 1047 -> UTF-8, 2 parts", out.trace().get(0).reason());
    }

    @Test
    void processShouldWarnNamingLineColumnAndOctetWhenAControlByteInsideAnEbcdicRecordBecomesABlank()
            throws Exception {
        for (Object[] c : new Object[][] {{37, 0x25, "LF (x'25')"}, {37, 0x15, "LF (x'15')"},
            {1047, 0x25, "NEL (x'25')"}, {1047, 0x0D, "CR (x'0D')"}, {273, 0x00, "NUL (x'00')"}}) {
            Ccsid ccsid = Ccsid.of((Integer) c[0]);
            byte[] total = "TOTAL 1234 EUR".getBytes(ccsid.charset());
            total[10] = (byte) (int) (Integer) c[1];
            MailObject mail = SpoolRecords.mail(SpoolRecords.leaf("text/plain", null, SpoolRecords.of(ccsid,
                    List.of("CONTROL TOTALS".getBytes(ccsid.charset()), total))));

            MailObject out = translate(mail, Map.of());

            assertEquals("CONTROL TOTALS\r\nTOTAL 1234 EUR\r\n", text(out.content().root()), c[2].toString());
            assertEquals(2, out.trace().size());
            assertEquals("WARNING", out.trace().get(1).decision());
            assertEquals("codepage-translate", out.trace().get(1).stage());
            assertEquals("line 2 column 11: " + c[2] + " inside the record replaced with a blank",
                    out.trace().get(1).reason());
        }
    }

    @Test
    void processShouldBlankNulInsideATextLineAndWarnWhenTheInputIsAscii() throws Exception {
        MailObject mail = SpoolRecords.mail(SpoolRecords.leaf("text/plain", null, SpoolRecords.of(Ccsid.ISO_8859_1,
                List.of("ID\u0000\u0000 NAME\u0000".getBytes(StandardCharsets.ISO_8859_1)))));

        MailObject out = translate(mail, Map.of());

        assertEquals("ID   NAME\r\n", text(out.content().root()));
        assertEquals("line 1 column 3: NUL (x'00') inside the record replaced with a blank; 2 such characters"
                + " (line ends, NULs) in all", out.trace().get(1).reason());
    }

    @Test
    void processShouldTrimRecordEndBytesSilentlyWhenEveryRecordEndsInX25() throws Exception {
        byte[] line = "PAYROLL RUN PR01".getBytes(IBM1047.charset());
        byte[] withEnd = java.util.Arrays.copyOf(line, line.length + 3);
        withEnd[line.length] = 0x40;
        withEnd[line.length + 1] = 0x0D;
        withEnd[line.length + 2] = 0x25;
        MailObject mail = SpoolRecords.mail(SpoolRecords.leaf("text/plain", null, SpoolRecords.of(IBM1047,
                List.of(withEnd, withEnd))));

        MailObject out = translate(mail, Map.of());

        assertEquals("PAYROLL RUN PR01\r\nPAYROLL RUN PR01\r\n", text(out.content().root()));
        assertEquals(List.of("TRANSLATED"), out.trace().stream().map(t -> t.decision()).toList());
    }
}
