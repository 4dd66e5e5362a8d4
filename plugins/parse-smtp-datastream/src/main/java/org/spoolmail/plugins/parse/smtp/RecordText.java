package org.spoolmail.plugins.parse.smtp;

import java.nio.charset.Charset;
import java.util.Arrays;

import org.spoolmail.exits.mail.Ccsid;

/**
 * How the records of one CCSID read as SMTP text: command lines, the end-of-data line, dot-stuffing and header
 * lines. Control octets are compared after decoding, because their code points differ by family: x'25' is an
 * EBCDIC line feed but '%' in ASCII, so stripping it from the raw octets would damage ASCII input.
 */
final class RecordText {

    /**
     * What trails a command record as padding or a stray line end: blank, NUL, HT (EBCDIC x'05'), ENQ (ASCII
     * x'05'), LF (x'15'/x'25' in CCSID 37), CR (x'0D') and NEL (x'25' in CCSID 1047).
     */
    private static final String COMMAND_PADDING = " \u0000\u0005\t\n\r\u0085";
    /** What trails a header record as padding: blank and NUL. Anything else stays, so a line end is refused. */
    private static final String HEADER_PADDING = " \u0000";

    private final Charset charset;
    private final byte[] dot;
    private final byte[] blank;

    RecordText(Ccsid ccsid) {
        this.charset = ccsid.charset();
        this.dot = ".".getBytes(charset);
        this.blank = " ".getBytes(charset);
    }

    /** @return the octets of the record without its trailing blanks (record padding, not content) */
    int contentOctets(byte[] record) {
        int end = record.length;
        if (blank.length == 1) {
            while (end > 0 && (record[end - 1] == blank[0] || record[end - 1] == 0)) {
                end--;
            }
        }
        return end;
    }

    /** @return the record decoded, without trailing padding or line-end characters */
    String command(byte[] record) {
        return stripTrailing(new String(record, charset), COMMAND_PADDING);
    }

    /** @return the octets the command text takes in this CCSID */
    int octets(String command) {
        return command.getBytes(charset).length;
    }

    /** @return true if the record is the end of the data: "." alone, padded as a command record may be */
    boolean isEndOfData(byte[] record) {
        return startsWithDot(record) && command(record).equals(".");
    }

    /** @return the record without its first dot, if it starts with one (RFC 5321 section 4.5.2) */
    byte[] unstuff(byte[] record) {
        return startsWithDot(record) ? Arrays.copyOfRange(record, dot.length, record.length) : record;
    }

    /** @return the record decoded as a header line, without trailing blanks and NULs */
    String headerLine(byte[] record) {
        return stripTrailing(new String(record, charset), HEADER_PADDING);
    }

    private boolean startsWithDot(byte[] record) {
        return record.length >= dot.length && Arrays.equals(record, 0, dot.length, dot, 0, dot.length);
    }

    private static String stripTrailing(String text, String padding) {
        int end = text.length();
        while (end > 0 && padding.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }
}
