package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SMTP smuggling (CVE-2023-51764) against a real Postfix that refuses bare line ends: fixed 80-byte records whose
 * bytes hold bare LF, bare CR and "&lt;LF&gt;.&lt;CR&gt;&lt;LF&gt;" followed by a second transaction reach Postfix
 * as exactly one message with CRLF line ends only, and the smuggled transaction is delivered nowhere. First, a plain
 * socket shows that this Postfix really refuses a bare LF from 127.0.0.1, so its acceptance proves the line ends.
 */
class PostfixSmugglingIT {

    @TempDir
    Path run;

    private PostfixServer postfix;

    @BeforeEach
    void setUp() {
        postfix = PostfixServer.require();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "line one\\nline two\\r\\n | 550 5.5.2 | 0",
        "line one\\r\\nline two\\r\\n | 250 2.0.0 | 1"})
    void postfixShouldRefuseBareLineFeedFromLoopbackWhenForbidBareNewlineIsReject(String body, String reply,
            int delivered) throws Exception {
        String rcpt = postfix.uniqueRecipient("raw");
        String header = "From: raw@example.com\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" + rcpt
                + ">\r\nSubject: raw\r\n\r\n";
        String data = header + body.replace("\\r", "\r").replace("\\n", "\n") + ".\r\n";

        String answer = RawSmtp.send(postfix.host, postfix.port, rcpt, data.getBytes(StandardCharsets.US_ASCII));

        assertTrue(answer.startsWith(reply), answer);
        if (delivered == 0) {
            assertTrue(answer.contains("bare <LF> received"), answer);
            assertEquals(List.of(), postfix.maildir.settled(rcpt));
        } else {
            assertEquals(header + "line one\r\nline two\r\n",
                    new String(postfix.maildir.takeOnly(rcpt).wire(), StandardCharsets.US_ASCII));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"819", "1047"})
    void sendShouldDeliverExactlyOneMessageWithCrlfOnlyWhenRecordsHoldBareLineEndsAndASmuggledTransaction(
            String ccsid) throws Exception {
        String rcpt = postfix.uniqueRecipient("smuggle" + ccsid);
        String smuggled = postfix.uniqueRecipient("smuggled" + ccsid);
        FixedRecords records = new FixedRecords(Integer.parseInt(ccsid), 80);
        List<String> body = SmugglingDeck.write(records, rcpt, smuggled);
        Path input = run.resolve("smuggle.bin");
        Files.write(input, records.octets());
        Path pipeline = PipelineFiles.write(run,
                postfix.deliverStage(postfix.trustStore(run.resolve("postfix.p12"))), "");

        SpoolmailRun result = SpoolmailRun.send(pipeline, "--codepage", ccsid, "--records", "fb:80",
                input.toString());

        // The line-end octets inside the records are blanked, never passed on, and said (condition code 4).
        assertEquals(4, result.code, result.toString());
        String lineEnd = ccsid.equals("819") ? "x'0A'" : "x'15'";
        assertTrue(result.err.contains(" WARNING codepage-translate: line 1 column 8: LF (" + lineEnd + ") inside the"
                + " record replaced with a blank; 16 such characters (line ends, NULs) in all"), result.toString());
        Delivery delivery = postfix.maildir.takeOnly(rcpt);
        assertEquals(List.of(), postfix.maildir.settled(smuggled));
        assertEquals(0, delivery.crCount());
        ParsedMail mail = ParsedMail.of(delivery.wire());
        assertEquals("Records with line ends inside", mail.subject());
        assertEquals(1, mail.leaves().size());
        assertEquals(String.join("\n", body),
                String.join("\n", new String(mail.leaves().get(0).octets(), StandardCharsets.UTF_8).split("\r\n")));
        assertArrayEquals(Datastreams.crlf(body), mail.leaves().get(0).octets());
    }
}
