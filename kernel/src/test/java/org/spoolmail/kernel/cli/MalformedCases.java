package org.spoolmail.kernel.cli;

import static org.spoolmail.kernel.cli.MalformedInputs.DATASTREAM;
import static org.spoolmail.kernel.cli.MalformedInputs.DECK;
import static org.spoolmail.kernel.cli.MalformedInputs.MESSAGE;
import static org.spoolmail.kernel.cli.MalformedInputs.fixed;
import static org.spoolmail.kernel.cli.MalformedInputs.lf;
import static org.spoolmail.kernel.cli.MalformedInputs.nl;
import static org.spoolmail.kernel.cli.MalformedInputs.put;

import java.util.List;

/**
 * The malformed inputs of {@link MalformedInputsIT} and the exact error each must give after the file name: SMTP
 * datastreams in ASCII and EBCDIC (CCSID 1047, 37, 273; fixed, NL and LF records), control-statement decks and
 * RFC 5322 messages. '~' in a record marks where a control octet is put.
 */
final class MalformedCases {

    private static final String[] START = {"HELO MVSA", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>",
        "DATA"};

    private MalformedCases() {
    }

    static List<MalformedInputs> datastreams() {
        return List.of(
            new MalformedInputs("datastream ASCII: unknown verb", DATASTREAM, 819, "lf",
                    lf("HELO MVSA", "SNED FROM:<a@example.com>"),
                    "record 2: unknown SMTP verb 'SNED'"),
            new MalformedInputs("datastream ASCII: RCPT before MAIL", DATASTREAM, 819, "lf",
                    lf("HELO MVSA", "RCPT TO:<b@example.com>", "MAIL FROM:<a@example.com>"),
                    "record 2: RCPT TO before MAIL FROM"),
            new MalformedInputs("datastream ASCII: DATA without RCPT", DATASTREAM, 819, "lf",
                    lf("HELO MVSA", "MAIL FROM:<a@example.com>", "DATA", "Subject: x", "", "y", "."),
                    "record 3: DATA before RCPT TO"),
            new MalformedInputs("datastream ASCII: input ends before DATA", DATASTREAM, 819, "lf",
                    lf("HELO MVSA", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>"),
                    "record 2: the input ends before the DATA of this MAIL FROM"),
            new MalformedInputs("datastream ASCII: MAIL FROM path never closed", DATASTREAM, 819, "lf",
                    lf(START[0], "MAIL FROM:<a@example.com", START[2], START[3], "Subject: x", "", "y", "."),
                    "record 2: malformed address '<a@example.com' in MAIL FROM: no closing '>'"),
            new MalformedInputs("datastream ASCII: RCPT TO address with two at-signs", DATASTREAM, 819, "lf",
                    lf("HELO MVSA", "MAIL FROM:<a@example.com>", "RCPT TO:<b@c@example.com>"),
                    "record 3: malformed address '<b@c@example.com>' in RCPT TO: address local-part 'b@c' holds "
                            + "'@', which an unquoted local-part may not hold (RFC 5322 section 3.2.3 atext)"),
            new MalformedInputs("datastream ASCII: command record over 510 octets", DATASTREAM, 819, "lf",
                    lf("HELO MVSA", "MAIL FROM:<" + "a".repeat(520) + "@example.com>"),
                    "record 2: command record is 544 octets, longer than max-command-octets 510"),
            new MalformedInputs("datastream ASCII: CR inside a header record", DATASTREAM, 819, "lf",
                    lf(START[0], START[1], START[2], START[3], "Subject: totals\rBcc: spy@example.com", "",
                            "body", "."),
                    "record 5: header field Subject at position 7: CR (U+000D) is a line break: a line break in a "
                            + "header field is refused"),
            new MalformedInputs("datastream ASCII fb:80: LF inside a header record", DATASTREAM, 819, "fb:80",
                    put(fixed(819, 80, START[0], START[1], START[2], START[3], "To: b@example.com~Bcc: spy@x.com",
                            "", "body", "."), 819, '~', 0x0A),
                    "record 5: header field To at position 14: LF (U+000A) is a line break: a line break in a "
                            + "header field is refused"),
            new MalformedInputs("datastream ASCII: continuation line holding CR", DATASTREAM, 819, "lf",
                    lf(START[0], START[1], START[2], START[3], "Subject: totals", " week\r48", "", "body", "."),
                    "record 6: header field Subject at position 12: CR (U+000D) is a line break: a line break in a "
                            + "header field is refused"),
            new MalformedInputs("datastream 1047 fb:80: FROM misspelt", DATASTREAM, 1047, "fb:80",
                    fixed(1047, 80, "HELO MVSA", "MAIL FORM:<A@EXAMPLE.COM>"),
                    "record 2: malformed MAIL FROM command: expected 'MAIL FROM:<address>', got "
                            + "'FORM:<A@EXAMPLE.COM>'"),
            new MalformedInputs("datastream 1047 fb:80: x'25' in the Subject record", DATASTREAM, 1047, "fb:80",
                    put(fixed(1047, 80, START[0], START[1], START[2], START[3], "Subject: TOTALS~BCC: SPY@X.COM",
                            "", "BODY", "."), 1047, '~', 0x25),
                    "record 5: header field Subject at position 7: NEL (U+0085) is a line break: a line break in a "
                            + "header field is refused (is the input in another code page? see --codepage)"),
            new MalformedInputs("datastream 1047 fb:80: x'15' in the From record", DATASTREAM, 1047, "fb:80",
                    put(fixed(1047, 80, START[0], START[1], START[2], START[3], "From: a@example.com~Bcc: s@x.com",
                            "", "BODY", "."), 1047, '~', 0x15),
                    "record 5: header field From at position 14: LF (U+000A) is a line break: a line break in a "
                            + "header field is refused"),
            new MalformedInputs("datastream 1047 fb:80: x'0D' in the To record", DATASTREAM, 1047, "fb:80",
                    put(fixed(1047, 80, START[0], START[1], START[2], START[3], "To: b@example.com~Cc: s@x.com",
                            "", "BODY", "."), 1047, '~', 0x0D),
                    "record 5: header field To at position 14: CR (U+000D) is a line break: a line break in a "
                            + "header field is refused"),
            new MalformedInputs("datastream 37 nl: x'25' in the Subject record", DATASTREAM, 37, "nl",
                    put(nl(37, START[0], START[1], START[2], START[3], "Subject: TOTALS~BCC: SPY@X.COM", "", "BODY",
                            "."), 37, '~', 0x25),
                    "record 5: header field Subject at position 7: LF (U+000A) is a line break: a line break in a "
                            + "header field is refused"),
            new MalformedInputs("datastream 273 fb:80: RCPT TO without a domain", DATASTREAM, 273, "fb:80",
                    fixed(273, 80, "HELO MVSA", "MAIL FROM:<a@example.com>", "RCPT TO:<b>"),
                    "record 3: malformed address '<b>' in RCPT TO: address has no '@': 'b'"));
    }

    static List<MalformedInputs> decks() {
        return List.of(
            new MalformedInputs("deck ASCII: unknown statement", DECK, 819, "lf",
                    lf("FROM a@example.com", "TO b@example.com", "SUBJET totals"),
                    "record 3: unknown statement 'SUBJET' (expected one of FROM, TO, CC, BCC, REPLYTO, SUBJECT, "
                            + "IMPORTANCE, HEADER, TEXT, TEXTFILE, HTML, HTMLFILE, ATTACH, SEND)"),
            new MalformedInputs("deck ASCII: CR in a HEADER value", DECK, 819, "lf",
                    lf("FROM a@example.com", "TO b@example.com", "HEADER X-Run 48\rBcc: spy@example.com"),
                    "record 3: control character U+000D (CR, x'0D' in the record) at column 16: a line break or "
                            + "control character in a statement is refused"),
            new MalformedInputs("deck ASCII fb:80: LF in a SUBJECT value", DECK, 819, "fb:80",
                    put(fixed(819, 80, "FROM a@example.com", "TO b@example.com", "SUBJECT totals~Bcc: s@x.com"),
                            819, '~', 0x0A),
                    "record 3: control character U+000A (LF, x'0A' in the record) at column 15: a line break or "
                            + "control character in a statement is refused"),
            new MalformedInputs("deck 1047 fb:80: x'15' in a SUBJECT value", DECK, 1047, "fb:80",
                    put(fixed(1047, 80, "FROM A@EXAMPLE.COM", "TO B@EXAMPLE.COM", "SUBJECT TOTALS~BCC: S@X.COM"),
                            1047, '~', 0x15),
                    "record 3: control character U+000A (LF, x'15' in the record) at column 15: a line break or "
                            + "control character in a statement is refused"),
            new MalformedInputs("deck 1047 fb:80: x'0D' in a TO value", DECK, 1047, "fb:80",
                    put(fixed(1047, 80, "FROM A@EXAMPLE.COM", "TO B@EXAMPLE.COM~C@EXAMPLE.COM", "SUBJECT X"),
                            1047, '~', 0x0D),
                    "record 2: control character U+000D (CR, x'0D' in the record) at column 17: a line break or "
                            + "control character in a statement is refused"),
            new MalformedInputs("deck 37 fb:80: x'25' in a HEADER value", DECK, 37, "fb:80",
                    put(fixed(37, 80, "FROM A@EXAMPLE.COM", "TO B@EXAMPLE.COM", "HEADER X-RUN 48~BCC: S@X.COM"),
                            37, '~', 0x25),
                    "record 3: control character U+000A (LF, x'25' in the record) at column 16: a line break or "
                            + "control character in a statement is refused"),
            new MalformedInputs("deck ASCII: HEADER sets From", DECK, 819, "lf",
                    lf("FROM a@example.com", "TO b@example.com", "HEADER From boss@example.com"),
                    "record 3: HEADER may not set From: it comes from its own statement or is added when the "
                            + "message is sent"),
            new MalformedInputs("deck ASCII: TEXT never ended", DECK, 819, "lf",
                    lf("FROM a@example.com", "TO b@example.com", "TEXT", "line one"),
                    "record 3: TEXT has no end record 'ENDTEXT': the deck ends after record 4"),
            new MalformedInputs("deck ASCII: TO not an address", DECK, 819, "lf",
                    lf("FROM a@example.com", "TO plan advisor", "SUBJECT x"),
                    "record 2: TO: 'advisor' is not an e-mail address: address has no '@': 'advisor'"),
            new MalformedInputs("deck ASCII: IMPORTANCE unknown", DECK, 819, "lf",
                    lf("FROM a@example.com", "TO b@example.com", "IMPORTANCE URGENT"),
                    "record 3: IMPORTANCE must be HIGH, NORMAL or LOW, not 'URGENT'"),
            new MalformedInputs("deck ASCII: SEND without TO", DECK, 819, "lf",
                    lf("FROM a@example.com", "SUBJECT x", "SEND"),
                    "record 3: the message that starts at record 1 has no recipient: give at least one TO, CC or "
                            + "BCC statement"));
    }

    static List<MalformedInputs> messages() {
        return List.of(
            new MalformedInputs("message ASCII: CR inside the Subject record", MESSAGE, 819, "lf",
                    lf("From: a@example.com", "To: b@example.com", "Subject: x\rBcc: spy@example.com", "", "y"),
                    "record 3: header field Subject at position 2: CR (U+000D) is a line break: a line break in a "
                            + "header field is refused"),
            new MalformedInputs("message ASCII: no recipients", MESSAGE, 819, "lf",
                    lf("From: a@example.com", "Subject: x", "", "y"),
                    "record 3: no recipient: the message has no address in To, Cc or Bcc"),
            new MalformedInputs("message ASCII: To not an address", MESSAGE, 819, "lf",
                    lf("From: a@example.com", "To: b@@example.com", "Subject: x", "", "y"),
                    "record 2: malformed address 'b@@example.com' in To: address local-part 'b@' holds '@', which "
                            + "an unquoted local-part may not hold (RFC 5322 section 3.2.3 atext)"),
            new MalformedInputs("message 1047 fb:80: x'25' in the Subject record", MESSAGE, 1047, "fb:80",
                    put(fixed(1047, 80, "From: a@example.com", "To: b@example.com", "Subject: X~Bcc: s@x.com",
                            "", "Y"), 1047, '~', 0x25),
                    "record 3: header field Subject at position 2: NEL (U+0085) is a line break: a line break in a "
                            + "header field is refused (is the input in another code page? see --codepage)"));
    }
}
