package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;

class HeaderEncodingTest {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?UTF-8\\?[BQ]\\?[^?\\s]*\\?=");

    private static MailContent content(HeaderSection headers) {
        MimePart root = MimePart.leaf(ContentType.TEXT_PLAIN, Optional.empty(),
                new PartBody.Text(ContentHandle.ofBytes("hi\r\n".getBytes(StandardCharsets.US_ASCII)),
                        StandardCharsets.US_ASCII));
        return new MailContent(headers.with("MIME-Version", "1.0"), root);
    }

    private static String mixedSubject(int codePoints) {
        String pieces = "Grüße aus Köln, Καλημέρα κόσμε! 日本語のテキスト 😀🎉 Straße ";
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (s.codePointCount(0, s.length()) < codePoints) {
            int cp = pieces.codePointAt(i % pieces.length());
            s.appendCodePoint(cp == ' ' && s.codePointCount(0, s.length()) == codePoints - 1 ? 'x' : cp);
            i += Character.charCount(cp);
            i %= pieces.length();
        }
        return s.toString();
    }

    /** @return the field's wire lines, from its name to the last continuation line */
    private static List<String> fieldLines(byte[] wire, String name) {
        List<String> out = new ArrayList<>();
        for (String line : WireBytes.lines(wire)) {
            if (line.startsWith(name + ":") || (!out.isEmpty() && (line.startsWith(" ") || line.startsWith("\t")))) {
                out.add(line);
            } else if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    @Test
    void writeShouldEncodeSubjectInWholeCharacterWordsWhenMixedScripts() throws Exception {
        String subject = mixedSubject(300);
        assertEquals(300, subject.codePointCount(0, subject.length()));

        byte[] wire = WireBytes.write(content(HeaderSection.EMPTY.with("Subject", subject)), WireOptions.SEVEN_BIT);

        List<String> lines = fieldLines(wire, "Subject");
        assertTrue(lines.size() > 5, "folded into several lines");
        for (String line : lines) {
            assertTrue(line.length() <= 78, "line of " + line.length() + ": " + line);
            assertTrue(line.chars().allMatch(c -> c < 0x80), "ASCII only: " + line);
        }
        Matcher m = ENCODED_WORD.matcher(String.join("\r\n", lines));
        int words = 0;
        while (m.find()) {
            words++;
            assertTrue(m.group().length() <= 75, "encoded-word of " + m.group().length() + ": " + m.group());
            assertFalse(MimeUtility.decodeWord(m.group()).contains("\uFFFD"), "whole characters: " + m.group());
        }
        assertTrue(words > 5);
        WireBytes.assertCrlfOnly(wire);
        MimeMessage parsed = WireBytes.parse(wire);
        assertEquals(subject, parsed.getSubject());
        assertEquals(subject, MimeUtility.decodeText(MimeUtility.unfold(parsed.getHeader("Subject", null))));
    }

    @Test
    void writeShouldMergeAdjacentWordsIntoOneRunWhenTheyNeedEncoding() throws Exception {
        String subject = "Bericht für Jürgen Müller =?x?= Ende";

        byte[] wire = WireBytes.write(content(HeaderSection.EMPTY.with("Subject", subject)), WireOptions.SEVEN_BIT);

        assertEquals(List.of("Subject: Bericht =?UTF-8?B?ZsO8ciBKw7xyZ2VuIE3DvGxsZXIgPT94Pz0=?= Ende"),
                fieldLines(wire, "Subject"));
        assertEquals(subject, WireBytes.parse(wire).getSubject());
    }

    @Test
    void writeShouldEncodeOnlyDisplayNameWhenFromHasNonAsciiPhrase() throws Exception {
        byte[] wire = WireBytes.write(content(HeaderSection.EMPTY.with("From", "Jürgen Müller <jm@example.org>")),
                WireOptions.SEVEN_BIT);

        assertEquals(List.of("From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <jm@example.org>"), fieldLines(wire, "From"));
        InternetAddress from = (InternetAddress) WireBytes.parse(wire).getFrom()[0];
        assertEquals("Jürgen Müller", from.getPersonal());
        assertEquals("jm@example.org", from.getAddress());
    }

    @Test
    void writeShouldSplitAddressListAtTopLevelCommasWhenPhraseQuoted() throws Exception {
        String to = "\"Müller, Jürgen\" <jm@example.org>, plain@example.org, \"Doe, John\" <jd@example.org>";

        byte[] wire = WireBytes.write(content(HeaderSection.EMPTY.with("To", to)), WireOptions.SEVEN_BIT);

        InternetAddress[] rcpts = (InternetAddress[]) WireBytes.parse(wire).getRecipients(Message.RecipientType.TO);
        assertEquals(3, rcpts.length);
        assertEquals("Müller, Jürgen", rcpts[0].getPersonal());
        assertEquals("jm@example.org", rcpts[0].getAddress());
        assertEquals("plain@example.org", rcpts[1].getAddress());
        assertEquals("Doe, John", rcpts[2].getPersonal());
        assertEquals(List.of("To: =?UTF-8?B?TcO8bGxlciwgSsO8cmdlbg==?= <jm@example.org>, plain@example.org,",
                " \"Doe, John\" <jd@example.org>"), fieldLines(wire, "To"));
    }

    @Test
    void writeShouldEncodeCommentWhenAddressCarriesNonAsciiComment() throws Exception {
        byte[] wire = WireBytes.write(content(HeaderSection.EMPTY.with("Reply-To",
                "jm@example.org (Jürgen Müller), desk@example.org")), WireOptions.SEVEN_BIT);

        assertEquals(List.of("Reply-To: jm@example.org (=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?=), desk@example.org"),
                fieldLines(wire, "Reply-To"));
        InternetAddress[] replyTo = (InternetAddress[]) WireBytes.parse(wire).getReplyTo();
        assertEquals("jm@example.org", replyTo[0].getAddress());
        assertEquals("Jürgen Müller", replyTo[0].getPersonal());
    }

    @Test
    void writeShouldFoldAtWhiteSpaceWhenLongAsciiSubject() throws Exception {
        String subject = "Daily batch report for job PAYROLL1 step STEP0042 on system SYS1 with return code 0004"
                + " and  two   blanks\tand a tab";

        byte[] wire = WireBytes.write(content(HeaderSection.EMPTY.with("Subject", subject)), WireOptions.SEVEN_BIT);

        List<String> lines = fieldLines(wire, "Subject");
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).length() <= 78 && lines.get(1).length() <= 78);
        assertEquals(subject, WireBytes.parse(wire).getSubject());
    }

    @Test
    void writeShouldKeepUtf8WhenRelayOffersSmtpUtf8() throws IOException {
        byte[] wire = WireBytes.write(content(HeaderSection.EMPTY.with("Subject", "Grüße")),
                new WireOptions(true, true));

        assertTrue(new String(wire, StandardCharsets.UTF_8).startsWith("Subject: Grüße\r\n"));
    }

    @Test
    void writeShouldThrowWhenAddrSpecNonAsciiWithoutSmtpUtf8() {
        MailContent c = content(HeaderSection.EMPTY.with("To", "Jürgen <jürgen@example.org>"));

        assertThrows(IllegalStateException.class, () -> WireBytes.write(c, WireOptions.SEVEN_BIT));
    }
}
