package org.spoolmail.plugins.codepage.translate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;
import java.util.Optional;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.TextRecords;
import org.spoolmail.exits.mail.UndecodableTextException;

/**
 * Turns records into text lines: each record decoded strictly with a charset (octets not valid in it are refused,
 * never replaced with U+FFFD), any line-end character (CR, LF, NEL, U+2028, U+2029: what x'0D', x'15' and x'25'
 * decode to) and any NUL replaced with a blank, trailing blanks and NULs stripped if asked, and the line written
 * with CRLF in the target charset. Line ends come only from the record boundaries. NUL is not allowed in text (RFC
 * 5322 section 2.3, RFC 2045 section 2.7) and would go out as quoted-printable =00; a blank keeps the columns of a
 * report (COBOL low-values print as blanks). Such characters at the end of a record are padding or a record-end
 * byte and go silently; inside the text they are counted, with the place of the first, for a warning. Streams
 * record by record. Thread-safe: all state is local to a call.
 */
final class RecordTranscoder {

    /**
     * The translated text.
     *
     * @param content the octets, every line ending CRLF
     * @param blanked how many line-end characters and NULs inside records became blanks
     * @param first the first of them, when there is one
     */
    record Result(ContentHandle content, long blanked, Optional<Blanked> first) {
    }

    /**
     * A control character inside a record that became a blank.
     *
     * @param line the line (record) of the part, 1-based
     * @param column the column of the character in the decoded line, 1-based
     * @param character the character
     * @param octet the record's octet at that column in a single-byte CCSID (e.g. x'25'), or -1 if unknown
     */
    record Blanked(long line, int column, char character, int octet) {

        /** @return e.g. {@code line 2 column 7: NEL (x'25')} */
        String describe() {
            String name = switch (character) {
                case '\r' -> "CR";
                case '\n' -> "LF";
                case '\u0085' -> "NEL";
                case '\0' -> "NUL";
                default -> String.format(Locale.ROOT, "U+%04X", (int) character);
            };
            String code = octet >= 0 ? String.format(Locale.ROOT, "x'%02X'", octet)
                    : String.format(Locale.ROOT, "U+%04X", (int) character);
            return "line " + line + " column " + column + ": " + name + " (" + code + ")";
        }
    }

    /** A character the target charset cannot hold. */
    static final class UnmappableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long recordNumber;

        UnmappableException(long recordNumber) {
            super("record " + recordNumber + " holds a character the target charset cannot encode");
            this.recordNumber = recordNumber;
        }

        long recordNumber() {
            return recordNumber;
        }
    }

    /** Octets not valid in the source charset, at a line (record) of the part. */
    static final class UndecodableException extends Exception {
        private static final long serialVersionUID = 1L;

        UndecodableException(long recordNumber, UndecodableTextException cause) {
            super("line " + recordNumber + ": " + cause.getMessage(), cause);
        }
    }

    Result transcode(TextRecords records, Charset source, Charset target, boolean strip)
            throws IOException, UnmappableException, UndecodableException {
        CharsetEncoder encoder = target.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        SpillingBuffer out = new SpillingBuffer();
        boolean octetsKnown = records.ccsid().isSingleByte() && records.ccsid().charset().equals(source);
        long replaced = 0;
        Optional<Blanked> first = Optional.empty();
        long number = 0;
        try (TextRecords.Cursor cursor = records.open()) {
            byte[] record;
            while ((record = cursor.next()) != null) {
                number++;
                StringBuilder line = new StringBuilder(decode(records.ccsid(), source, record, number));
                int end = contentEnd(line);
                for (int i = 0; i < line.length(); i++) {
                    if (isBlanked(line.charAt(i))) {
                        if (i < end) {
                            replaced++;
                            first = first.isPresent() ? first : Optional.of(new Blanked(number, i + 1,
                                    line.charAt(i), octetsKnown && i < record.length ? record[i] & 0xFF : -1));
                        }
                        line.setCharAt(i, ' ');
                    }
                }
                if (strip) {
                    stripTrailing(line);
                }
                write(out, encoder, line.append("\r\n"), number);
            }
            return new Result(out.finish(), replaced, first);
        } catch (IOException | UnmappableException | UndecodableException | RuntimeException e) {
            out.discard();
            throw e;
        }
    }

    /** Decodes with the CCSID (named in errors as such) or, for a part that declares its charset, with that. */
    private static String decode(Ccsid ccsid, Charset source, byte[] record, long number)
            throws UndecodableException {
        try {
            return ccsid.charset().equals(source) ? ccsid.decode(record) : Ccsid.decode(record, source);
        } catch (UndecodableTextException e) {
            throw new UndecodableException(number, e);
        }
    }

    private static void write(SpillingBuffer out, CharsetEncoder encoder, CharSequence line, long number)
            throws IOException, UnmappableException {
        ByteBuffer bytes;
        try {
            bytes = encoder.encode(CharBuffer.wrap(line));
        } catch (CharacterCodingException e) {
            throw new UnmappableException(number);
        }
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    }

    /** @return true for what never stays in a line: a line-end character (it would make one) and NUL */
    private static boolean isBlanked(char c) {
        return c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\0';
    }

    /** @return the index after the last character that is neither a blank nor blanked: the record's padding */
    private static int contentEnd(CharSequence line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || isBlanked(line.charAt(end - 1)))) {
            end--;
        }
        return end;
    }

    private static void stripTrailing(StringBuilder line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\0')) {
            end--;
        }
        line.setLength(end);
    }
}
