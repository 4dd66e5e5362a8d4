package org.spoolmail.plugins.parse.smtp;

import java.nio.charset.Charset;
import java.util.Arrays;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.HeaderRecords;
import org.spoolmail.exits.mail.UndecodableTextException;

/**
 * How the records of one CCSID read as SMTP text: command lines, the end-of-data line, dot-stuffing and header
 * lines. Control octets are compared after decoding, because their code points differ by family: x'25' is an
 * EBCDIC line feed but '%' in ASCII, so stripping it from the raw octets would damage ASCII input. Command and
 * header records are decoded strictly: octets not valid in the CCSID refuse the input with the record and a hint
 * at --codepage. Data lines are not decoded here; codepage-translate decodes them.
 */
final class RecordText {

    /**
     * What trails a command record as padding or a stray line end: blank, NUL, HT (EBCDIC x'05'), ENQ (ASCII
     * x'05'), LF (x'15'/x'25' in CCSID 37), CR (x'0D') and NEL (x'25' in CCSID 1047).
     */
    private static final String COMMAND_PADDING = " \u0000\u0005\t\n\r\u0085";

    private final Ccsid ccsid;
    private final Charset charset;
    private final InputRecords records;
    private final byte[] dot;
    private final byte[] blank;

    RecordText(Ccsid ccsid, InputRecords records) {
        this.ccsid = ccsid;
        this.charset = ccsid.charset();
        this.records = records;
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

    /**
     * Decodes the record most recently read as a command.
     *
     * @param record the record's octets
     * @return the record decoded, without trailing padding or line-end characters
     * @throws PermanentStageException if the octets are not valid text in the CCSID
     */
    String command(byte[] record) throws PermanentStageException {
        return stripTrailing(decoded(record), COMMAND_PADDING);
    }

    /** @return the octets the command text takes in this CCSID */
    int octets(String command) {
        return command.getBytes(charset).length;
    }

    /** @return true if the record is the end of the data: "." alone, padded as a command record may be */
    boolean isEndOfData(byte[] record) {
        // A data line is not refused here for octets the CCSID lacks: codepage-translate names its line.
        return startsWithDot(record) && stripTrailing(new String(record, charset), COMMAND_PADDING).equals(".");
    }

    /** @return the record without its first dot, if it starts with one (RFC 5321 section 4.5.2) */
    byte[] unstuff(byte[] record) {
        return startsWithDot(record) ? Arrays.copyOfRange(record, dot.length, record.length) : record;
    }

    /**
     * Decodes the record most recently read as a header line.
     *
     * @param record the record's octets
     * @return the record decoded as a header line, without trailing padding and line-end characters, as a command
     *     record ({@link HeaderRecords#withoutPadding})
     * @throws PermanentStageException if the octets are not valid text in the CCSID
     */
    String headerLine(byte[] record) throws PermanentStageException {
        return HeaderRecords.withoutPadding(decoded(record));
    }

    private String decoded(byte[] record) throws PermanentStageException {
        try {
            return ccsid.decode(record);
        } catch (UndecodableTextException e) {
            throw records.error(e.getMessage());
        }
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
