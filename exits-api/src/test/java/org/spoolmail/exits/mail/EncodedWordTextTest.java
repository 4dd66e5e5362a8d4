package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** RFC 2047 encoded-words already in an input header: decoded on input, so they go out encoded once. */
class EncodedWordTextTest {

    private static HeaderSection read(String... lines) throws Exception {
        return RootPartHeaders.content(HeaderRecordsTest.read(lines), TextRecords.ofLines(Ccsid.UTF_8, List.of("x")))
                .headers();
    }

    @Test
    void contentShouldDecodeEncodedWordsWhenSubjectHoldsThemInQAndBForm() throws Exception {
        HeaderSection h = read("Subject: =?ISO-8859-1?Q?Pr=FCfung_der?= =?UTF-8?B?TMO2aG5l?= f\u00fcr Mai",
                "Comments: =?iso-8859-15?q?Kosten_=A4?=");

        assertEquals(Optional.of("Pr\u00fcfung derL\u00f6hne f\u00fcr Mai"), h.first("Subject"));
        assertEquals(Optional.of("Kosten \u20ac"), h.first("Comments"));
    }

    @Test
    void contentShouldDecodeTheDisplayNameAndKeepTheAddrSpecWhenFromHoldsAnEncodedWord() throws Exception {
        HeaderSection h = read("From: =?ISO-8859-1?Q?=D8stfold_Drift?= <drift@example.no>",
                "To: \"=?UTF-8?Q?J=C3=BCrgen?=\" <j@example.de>, m@example.de (=?UTF-8?Q?M=C3=BCller_=28HR=29?=)");

        assertEquals(Optional.of("\u00d8stfold Drift <drift@example.no>"), h.first("From"));
        assertEquals(Optional.of("\"J\u00fcrgen\" <j@example.de>, m@example.de (M\u00fcller \\(HR\\))"),
                h.first("To"));
    }

    @Test
    void contentShouldQuoteTheDecodedDisplayNameWhenItHoldsACommaOrAnAtSign() throws Exception {
        HeaderSection h = read("From: =?UTF-8?Q?ceo=40example=2Ecom=2C_Boss?= <ops@example.com>");

        assertEquals(Optional.of("\"ceo@example.com, Boss\" <ops@example.com>"), h.first("From"));
        assertEquals(List.of(Mailbox.parse("ops@example.com")), AddressList.parse(h.first("From").get()).addresses());
    }

    @Test
    void contentShouldKeepTheWordAsWrittenWhenItsCharsetIsUnknownOrItsTextHoldsALineBreak() throws Exception {
        HeaderSection h = read("Subject: =?X-UNKNOWN?Q?abc?= =?UTF-8?Q?a=0D=0ABcc:_x@evil.example?=",
                "X-Note: =?UTF-8?B?not base64?=");

        assertEquals(Optional.of("=?X-UNKNOWN?Q?abc?= =?UTF-8?Q?a=0D=0ABcc:_x@evil.example?="), h.first("Subject"));
        assertEquals(Optional.of("=?UTF-8?B?not base64?="), h.first("X-Note"));
    }

    @Test
    void contentShouldLeaveStructuredFieldsAsWrittenWhenTheyLookLikeEncodedWords() throws Exception {
        HeaderSection h = read("Message-ID: <=?UTF-8?Q?a?=@example.com>", "To: <=?UTF-8?Q?x?=@example.com>");

        assertEquals(Optional.of("<=?UTF-8?Q?a?=@example.com>"), h.first("Message-ID"));
        assertEquals(Optional.of("<=?UTF-8?Q?x?=@example.com>"), h.first("To"));
    }

    @Test
    void writeShouldEncodeTheSubjectOnceWhenTheInputHeldAnEncodedWord() throws Exception {
        HeaderSection h = read("From: =?ISO-8859-1?Q?=D8stfold_Drift?= <drift@example.no>",
                "Subject: =?ISO-8859-1?Q?Pr=FCfung?= 4471");
        MailContent content = new MailContent(h, MimePart.leaf(ContentType.TEXT_PLAIN, Optional.empty(),
                new PartBody.Text(ContentHandle.ofBytes(WireBytes.utf8("x\r\n")),
                        java.nio.charset.StandardCharsets.UTF_8)));

        byte[] wire = WireBytes.write(content, WireOptions.SEVEN_BIT);

        String text = WireBytes.ascii(wire);
        assertTrue(text.contains("Subject: =?UTF-8?Q?Pr=C3=BCfung?= 4471\r\n"), text);
        MimeMessage m = WireBytes.parse(wire);
        assertEquals("Pr\u00fcfung 4471", m.getSubject());
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertEquals("\u00d8stfold Drift", from.getPersonal());
        assertEquals("drift@example.no", from.getAddress());
    }
}
