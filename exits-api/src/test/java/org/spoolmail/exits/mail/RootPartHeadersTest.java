package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.PermanentStageException;

class RootPartHeadersTest {

    @Test
    void contentShouldMoveContentFieldsToTheRootPartWhenGiven() throws Exception {
        TextRecords body = body("caf=E9");

        MailContent content = RootPartHeaders.content(HeaderRecordsTest.read("MIME-Version: 1.0",
                "content-type: TEXT/PLAIN; CHARSET=ISO-8859-1", "Content-Transfer-Encoding: QUOTED-PRINTABLE"), body);

        assertEquals(new ContentType("text", "plain", Map.of("charset", "ISO-8859-1")),
                content.root().contentType());
        assertEquals(Optional.of(ContentTransferEncoding.QUOTED_PRINTABLE), content.root().transferEncoding());
        assertEquals(List.of(new HeaderField("MIME-Version", "1.0")), content.headers().fields());
        assertEquals(Optional.of(new PartBody.Records(body)), content.root().body());
    }

    @Test
    void contentShouldTakeContentEncodingAsTransferEncodingWhenNoRealOne() throws Exception {
        MailContent content = RootPartHeaders.content(HeaderRecordsTest.read("Subject: x", "CONTENT-ENCODING: 7BIT"),
                body("x"));

        assertEquals(Optional.of(ContentTransferEncoding.SEVEN_BIT), content.root().transferEncoding());
        assertEquals(List.of(new HeaderField("Subject", "x")), content.headers().fields());
    }

    @Test
    void contentShouldKeepContentEncodingWhenItNamesNoTransferEncoding() throws Exception {
        MailContent content = RootPartHeaders.content(HeaderRecordsTest.read("Content-Encoding: gzip"), body("x"));

        assertEquals(Optional.empty(), content.root().transferEncoding());
        assertEquals(List.of(new HeaderField("Content-Encoding", "gzip")), content.headers().fields());
    }

    @Test
    void contentShouldPreferTransferEncodingWhenBothAreGiven() throws Exception {
        MailContent content = RootPartHeaders.content(HeaderRecordsTest.read("Content-Transfer-Encoding: base64",
                "Content-Encoding: 7bit"), body("eA=="));

        assertEquals(Optional.of(ContentTransferEncoding.BASE64), content.root().transferEncoding());
        assertEquals(List.of(new HeaderField("Content-Encoding", "7bit")), content.headers().fields());
    }

    @Test
    void contentShouldUseTextPlainWhenContentTypeUnreadable() throws Exception {
        MailContent content = RootPartHeaders.content(HeaderRecordsTest.read("Content-Type: plain text"), body("x"));

        assertEquals(ContentType.TEXT_PLAIN, content.root().contentType());
        assertEquals(List.of(), content.headers().fields());
    }

    @Test
    void contentShouldUseTextPlainWhenNoContentType() throws Exception {
        MailContent content = RootPartHeaders.content(HeaderRecordsTest.read("Subject: x"), body("x"));

        assertEquals(ContentType.TEXT_PLAIN, content.root().contentType());
        assertEquals(Optional.empty(), content.root().transferEncoding());
        assertEquals(List.of(new HeaderField("Subject", "x")), content.headers().fields());
    }

    @Test
    void contentShouldRefuseNamingTheRecordWhenTheTransferEncodingIsUnknown() throws Exception {
        HeaderRecords headers = HeaderRecordsTest.read("Subject: x", "Content-Type: text/plain",
                "Content-Transfer-Encoding: x-uuencode");

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> RootPartHeaders.content(headers, body("x")));

        assertEquals("job.smtp record 3: unknown Content-Transfer-Encoding 'x-uuencode'", e.getMessage());
    }

    private static TextRecords body(String line) throws IOException {
        return TextRecords.ofLines(Ccsid.ISO_8859_1, List.of(line));
    }
}
