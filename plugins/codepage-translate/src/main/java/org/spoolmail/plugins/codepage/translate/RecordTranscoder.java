package org.spoolmail.plugins.codepage.translate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.TextRecords;
import org.spoolmail.exits.mail.UndecodableTextException;

/**
 * Turns records into text lines: each record decoded strictly with a charset (octets not valid in it are refused,
 * never replaced with U+FFFD), any line-end character inside it (CR, LF,
 * NEL, U+2028, U+2029: what x'0D', x'15' and x'25' decode to) replaced with a blank, trailing blanks and NULs
 * stripped if asked, and the line written with CRLF in the target charset. Line ends come only from the record
 * boundaries. Streams record by record. Thread-safe: all state is local to a call.
 */
final class RecordTranscoder {

    /**
     * The translated text.
     *
     * @param content the octets, every line ending CRLF
     * @param replacedLineEnds how many line-end characters inside records became blanks
     */
    record Result(ContentHandle content, long replacedLineEnds) {
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
        long replaced = 0;
        long number = 0;
        try (TextRecords.Cursor cursor = records.open()) {
            byte[] record;
            while ((record = cursor.next()) != null) {
                number++;
                StringBuilder line = new StringBuilder(decode(records.ccsid(), source, record, number));
                replaced += blankLineEnds(line);
                if (strip) {
                    stripTrailing(line);
                }
                write(out, encoder, line.append("\r\n"), number);
            }
            return new Result(out.finish(), replaced);
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

    private static long blankLineEnds(StringBuilder line) {
        long count = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                line.setCharAt(i, ' ');
                count++;
            }
        }
        return count;
    }

    private static void stripTrailing(StringBuilder line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\0')) {
            end--;
        }
        line.setLength(end);
    }
}
