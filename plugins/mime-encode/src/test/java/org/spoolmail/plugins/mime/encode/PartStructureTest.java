package org.spoolmail.plugins.mime.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.TextRecords;

class PartStructureTest {

    private final PartStructure structure = new PartStructure(new Boundaries());

    private static MimePart multipartLeaf(String type, Ccsid ccsid, String... lines) throws Exception {
        return MimePart.leaf(ContentType.parse(type), Optional.empty(),
                new PartBody.Records(TextRecords.ofLines(ccsid, List.of(lines))));
    }

    private static TextRecords records(MimePart part) {
        return ((PartBody.Records) part.body().orElseThrow()).records();
    }

    @Test
    void buildShouldDivideEbcdicRecordsAndKeepTheirOctetsWhenCcsidIs1047() throws Exception {
        Ccsid ebcdic = Ccsid.of(1047);
        MimePart root = multipartLeaf("multipart/mixed; boundary=\"B1\"", ebcdic,
                "preamble", "--B1   ", "Content-Type: text/plain; charset=ISO-8859-1", "",
                "TOTALS [WEEK 48] | ^ !", "--B1--", "epilogue");

        MimePart out = structure.build(root, "mail T");

        MimePart part = out.children().get(0);
        assertEquals("text/plain; charset=ISO-8859-1", part.contentType().toString());
        TextRecords body = records(part);
        assertEquals(ebcdic, body.ccsid());
        assertEquals(1, body.recordCount());
        try (TextRecords.Cursor cursor = body.open()) {
            assertArrayEquals("TOTALS [WEEK 48] | ^ !".getBytes(ebcdic.charset()), cursor.next());
        }
    }

    @Test
    void buildShouldDivideNestedMultipartWhenPartIsItselfMultipart() throws Exception {
        MimePart root = multipartLeaf("multipart/mixed; boundary=OUTER", Ccsid.ISO_8859_1,
                "--OUTER", "Content-Type: multipart/alternative; boundary=INNER", "",
                "--INNER", "", "plain text", "--INNER", "Content-Type: text/html", "", "<p>html</p>", "--INNER--",
                "--OUTER", "Content-Type: text/plain", "", "second", "--OUTER--");

        MimePart out = structure.build(root, "mail T");

        assertEquals(2, out.children().size());
        MimePart alternative = out.children().get(0);
        assertEquals("multipart/alternative", alternative.contentType().mediaType());
        assertEquals(List.of("plain text"), records(alternative.children().get(0)).lines());
        assertEquals(List.of("<p>html</p>"), records(alternative.children().get(1)).lines());
        assertEquals(List.of("second"), records(out.children().get(1)).lines());
        assertNotEquals(out.contentType().parameter("boundary"), alternative.contentType().parameter("boundary"));
    }

    @Test
    void buildShouldKeepDispositionParametersAndAddFilenameWhenOnlyContentTypeNamesIt() throws Exception {
        MimePart root = multipartLeaf("multipart/mixed; boundary=B", Ccsid.ISO_8859_1,
                "--B", "Content-Type: text/plain; name=\"A B.TXT\"", "content-disposition: INLINE; size=12",
                "content-id: <x@y>", "", "data");

        MimePart part = structure.build(root, "mail T").children().get(0);

        assertEquals(List.of(new HeaderField("Content-Disposition", "inline; size=12; filename=\"A B.TXT\""),
                new HeaderField("Content-ID", "<x@y>")), part.headers().fields());
    }

    @Test
    void buildShouldMarkBinaryPartBase64WhenNoEncodingIsSet() throws Exception {
        byte[] packed = {0x0C, 0x15, 0x25, 0x40, 0x7C, 0x00};
        MimePart binary = MimePart.leaf(ContentType.OCTET_STREAM, Optional.empty(),
                new PartBody.Binary(ContentHandle.ofBytes(packed)));
        MimePart text = MimePart.leaf(ContentType.TEXT_PLAIN, Optional.empty(),
                new PartBody.Records(TextRecords.ofLines(Ccsid.ISO_8859_1, List.of("hi"))));
        MimePart root = MimePart.multipart(ContentType.parse("multipart/mixed"), List.of(text, binary));

        MimePart out = structure.build(root, "mail T");

        MimePart marked = out.children().get(1);
        assertEquals(Optional.of(ContentTransferEncoding.BASE64), marked.transferEncoding());
        assertArrayEquals(packed, ((PartBody.Binary) marked.body().orElseThrow()).content().readAllBytes());
        assertEquals(Optional.empty(), out.children().get(0).transferEncoding());
    }

    @Test
    void buildShouldFailNamingTheBoundaryWhenNoRecordIsADelimiter() throws Exception {
        MimePart root = multipartLeaf("multipart/mixed; boundary=MISSING", Ccsid.ISO_8859_1, "--OTHER", "text");

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> structure.build(root, "mail T"));

        assertEquals("mail T: multipart/mixed declares boundary \"MISSING\" but no body record is the delimiter"
                + " line \"--MISSING\"", e.getMessage());
    }

    @Test
    void buildShouldFailNamingThePartWhenTransferEncodingIsUnknown() throws Exception {
        MimePart root = multipartLeaf("multipart/mixed; boundary=B", Ccsid.ISO_8859_1,
                "--B", "--B", "Content-Transfer-Encoding: x-uuencode", "", "begin 644 f");

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> structure.build(root, "mail T"));

        assertEquals("mail T part 2: header line 'Content-Transfer-Encoding: x-uuencode': unknown"
                + " Content-Transfer-Encoding 'x-uuencode'", e.getMessage());
    }
}
