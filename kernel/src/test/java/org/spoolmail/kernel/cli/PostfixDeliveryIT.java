package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code spoolmail send} through the reference pipeline with {@code deliver-smtp} to a real Postfix on 127.0.0.1
 * (STARTTLS required, the test certificate as the only trusted one), read back from the Maildir it delivers into and
 * decoded by two independent MIME parsers (Angus Mail and mime4j, see {@link ParsedMail}): subjects and display
 * names in five scripts, 300-character subjects, a 200-character non-ASCII attachment name, a 5,000-character line
 * and body lines that are or start with "." all arrive exactly, and no line of the message exceeds 998 octets.
 * Skipped without the test Postfix of {@code .ci/postfix-setup} (see {@link PostfixServer}).
 */
class PostfixDeliveryIT {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=");
    private static final Pattern RECEIVED_OVER_TLS = Pattern.compile("with (ESMTPS|UTF8SMTPS) id ");

    @TempDir
    Path run;

    private PostfixServer postfix;
    private Path pipeline;

    @BeforeEach
    void setUp() throws Exception {
        postfix = PostfixServer.require();
        pipeline = PipelineFiles.write(run, postfix.deliverStage(postfix.trustStore(run.resolve("postfix.p12"))), "");
    }

    @ParameterizedTest
    @EnumSource(Script.class)
    void sendShouldDeliverSubjectNamesAndBodyExactlyWhenTheyAreInThisScript(Script script) throws Exception {
        String rcpt = postfix.uniqueRecipient(script.name().toLowerCase(Locale.ROOT));
        String subject = script.subject();
        String cc = script.otherName + " (" + script.displayName + ")";
        String data = Datastreams.header("From", "\"" + script.displayName + "\" <batch@example.com>")
                + Datastreams.header("To", "\"" + script.otherName + "\" <" + rcpt + ">, \"" + script.displayName
                        + "\" <team@example.org>")
                + Datastreams.header("Cc", "\"" + cc + "\" <cc@example.net>")
                + Datastreams.header("Subject", subject) + "\n" + String.join("\n", script.body) + "\n";

        Delivery delivery = send(rcpt, data);

        ParsedMail mail = ParsedMail.of(delivery.wire());
        assertEquals(300, subject.codePointCount(0, subject.length()));
        assertEquals(subject, mail.subject());
        assertEquals(List.of(ParsedMail.mailbox(script.displayName, "batch@example.com")), mail.from());
        assertEquals(List.of(ParsedMail.mailbox(script.otherName, rcpt),
                ParsedMail.mailbox(script.displayName, "team@example.org")), mail.to());
        assertEquals(List.of(ParsedMail.mailbox(cc, "cc@example.net")), mail.cc());
        assertEquals(1, mail.leaves().size());
        assertEquals("text/plain", mail.leaves().get(0).mediaType());
        assertArrayEquals(Datastreams.crlf(script.body), mail.leaves().get(0).octets());
        assertWireLimits(delivery);
    }

    @Test
    void sendShouldDeliverAttachmentNameLongLineAndDotLinesExactlyWhenTheJobBuiltTheMime() throws Exception {
        String rcpt = postfix.uniqueRecipient("mime");
        String name = Datastreams.attachmentName();
        String longLine = Datastreams.longLine();
        List<String> text = List.of("Guten Tag,", ".", "..", ".hidden line", ". a blank after the dot", longLine,
                "a line that ends with a dot .", "Mit freundlichen Grüßen");
        byte[] attachment = Datastreams.attachmentOctets();
        String data = Datastreams.header("From", "\"Zoë Ångström\" <batch@example.com>")
                + Datastreams.header("To", "<" + rcpt + ">")
                + Datastreams.header("Subject", "Anhang für Sie")
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"JOB4711\"\n\n"
                + "--JOB4711\nContent-Type: text/plain; charset=UTF-8\n\n" + String.join("\n", text) + "\n"
                + "--JOB4711\nContent-Type: application/octet-stream; name=\"" + name + "\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + Datastreams.base64Lines(attachment)
                + "--JOB4711--\n";

        Delivery delivery = send(rcpt, data);

        ParsedMail mail = ParsedMail.of(delivery.wire());
        assertEquals(200, name.codePointCount(0, name.length()));
        assertEquals(5000, longLine.length());
        assertEquals("Anhang für Sie", mail.subject());
        assertEquals(List.of("text/plain", "application/octet-stream"),
                mail.leaves().stream().map(ParsedMail.Leaf::mediaType).toList());
        assertEquals(new String(Datastreams.crlf(text), StandardCharsets.UTF_8),
                new String(mail.leaves().get(0).octets(), StandardCharsets.UTF_8));
        assertEquals("", mail.leaves().get(0).filename());
        assertEquals(name, mail.leaves().get(1).filename());
        assertEquals(sha256(attachment), sha256(mail.leaves().get(1).octets()));
        assertArrayEquals(attachment, mail.leaves().get(1).octets());
        assertWireLimits(delivery);
    }

    /** Sends one message through spoolmail to Postfix and takes it from the Maildir. */
    private Delivery send(String rcpt, String data) throws Exception {
        Path input = run.resolve("input.smtp");
        Files.writeString(input, Datastreams.transaction(rcpt, data), StandardCharsets.UTF_8);
        SpoolmailRun result = SpoolmailRun.send(pipeline, "--codepage", "1208", "--records", "lf", input.toString());
        assertEquals(0, result.code, result.toString());
        assertTrue(result.out.contains(" DELIVERED <batch@example.com> -> <" + rcpt + ">"), result.toString());
        return postfix.maildir.takeOnly(rcpt);
    }

    /** Over TLS, no bare CR, no line over 998 octets, every encoded-word at most 75 characters. */
    private static void assertWireLimits(Delivery delivery) {
        assertTrue(delivery.prependedLines().stream().anyMatch(l -> RECEIVED_OVER_TLS.matcher(l).find()),
                delivery.prependedLines().toString());
        assertEquals(0, delivery.crCount());
        int longest = delivery.lineLengths().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertTrue(longest <= 998, "longest line: " + longest + " octets");
        Matcher words = ENCODED_WORD.matcher(new String(delivery.wire(), StandardCharsets.US_ASCII));
        while (words.find()) {
            assertTrue(words.group().length() <= 75, words.group());
        }
    }

    private static String sha256(byte[] octets) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(octets));
    }
}
