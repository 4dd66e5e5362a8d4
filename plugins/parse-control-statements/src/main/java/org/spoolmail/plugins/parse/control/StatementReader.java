package org.spoolmail.plugins.parse.control;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.HeaderField;

/**
 * Reads statements from the records of a deck: blank records and comments (first non-blank character '*') are
 * skipped; a statement whose last non-blank character is '-' continues on the next record with one blank between,
 * '+' continues with nothing between (the next record's leading blanks dropped in both cases), and the record
 * that continues it may not be blank (nor missing), so a value is never cut short silently; a control character
 * in a statement record (CR, LF, NEL, x'0D', x'15', x'25' as decoded, any C0 or C1 control but TAB) is refused,
 * never turned into a line break. Also reads the body records of an inline TEXT or HTML block. Not thread-safe.
 */
final class StatementReader {

    private final DeckRecords records;
    private final DeckContext deck;

    StatementReader(DeckRecords records, DeckContext deck) {
        this.records = records;
        this.deck = deck;
    }

    /**
     * Reads the next statement.
     *
     * @return the statement, or null at the end of the deck
     * @throws PermanentStageException if a statement is malformed
     * @throws IOException if reading fails
     */
    Statement next() throws PermanentStageException, IOException {
        DeckRecord first;
        String text;
        do {
            first = records.next();
            if (first == null) {
                return null;
            }
            text = checked(first).strip();
        } while (text.isEmpty() || text.charAt(0) == '*');
        StringBuilder joined = new StringBuilder();
        String piece = text;
        while (piece.endsWith("-") || piece.endsWith("+")) {
            char marker = piece.charAt(piece.length() - 1);
            joined.append(piece, 0, piece.length() - 1);
            trimTrailing(joined);
            joined.append(marker == '-' && joined.length() > 0 ? " " : "");
            DeckRecord next = records.next();
            if (next == null) {
                throw deck.error(first.number(), "the statement is continued (last character '" + marker
                        + "') but the deck ends after record " + records.lastNumber());
            }
            piece = checked(next).strip();
            if (piece.isEmpty()) {
                throw deck.error(next.number(), "the statement at record " + first.number() + " is continued (last"
                        + " character '" + marker + "') but this record is blank: a continuation needs a non-blank"
                        + " record");
            }
        }
        joined.append(piece);
        return statement(joined.toString(), first.number());
    }

    /**
     * Reads the body records of an inline block up to its end marker, handing each to {@code body} as it is read:
     * a block may be far larger than the heap, so its records are never collected here.
     *
     * @param opener the TEXT or HTML statement
     * @param marker the end marker, compared ignoring case and surrounding blanks
     * @param body takes each body record, raw
     * @throws PermanentStageException if the deck ends before the marker, or {@code body} refuses a record
     * @throws IOException if reading fails
     */
    void block(Statement opener, String marker, BlockBody body) throws PermanentStageException, IOException {
        DeckRecord r;
        while ((r = records.next()) != null) {
            if (r.stripped().strip().equalsIgnoreCase(marker)) {
                return;
            }
            body.add(r);
        }
        throw deck.error(opener.record(), opener.keyword() + " has no end record '" + marker
                + "': the deck ends after record " + records.lastNumber());
    }

    /** Takes the body records of an inline block one by one. */
    interface BlockBody {
        /**
         * @param r one body record
         * @throws PermanentStageException if the record cannot be taken (a symbol without a value)
         * @throws IOException if the record cannot be kept
         */
        void add(DeckRecord r) throws PermanentStageException, IOException;
    }

    private Statement statement(String text, long record) throws PermanentStageException {
        int blank = 0;
        while (blank < text.length() && text.charAt(blank) != ' ' && text.charAt(blank) != '\t') {
            blank++;
        }
        String word = text.substring(0, blank);
        Keyword keyword = Keyword.of(word).orElseThrow(() -> deck.error(record, "unknown statement '" + word
                + "' (expected one of " + Keyword.list() + ")"));
        return new Statement(keyword, text.substring(blank).strip(), record);
    }

    /** @return the record's text without trailing padding, after refusing any control character in it */
    private String checked(DeckRecord r) throws PermanentStageException {
        String text = r.stripped();
        int bad = HeaderField.firstControl(text);
        if (bad >= 0) {
            char c = text.charAt(bad);
            String octet = octetOf(r, text, bad);
            String hint = c >= 0x80 && c <= 0x9F ? " " + Ccsid.CODE_PAGE_HINT : "";
            throw deck.error(r.number(), String.format(Locale.ROOT, "control character U+%04X (%s%s) at column %d:"
                    + " a line break or control character in a statement is refused%s", (int) c, name(c), octet,
                    bad + 1, hint));
        }
        return text;
    }

    /**
     * Names the octet the character came from: in a single-byte CCSID the octet at its column (x'25' and x'15'
     * both decode to LF in CCSID 37); in a multi-byte one (UTF-8) the octet that encodes it, if it is one.
     *
     * @return {@code , x'0D' in the record}, or "" if the character is not one octet
     */
    private String octetOf(DeckRecord r, String text, int bad) {
        int at = bad;
        if (!deck.ccsid().isSingleByte()) {
            Charset charset = deck.ccsid().charset();
            byte[] own = String.valueOf(text.charAt(bad)).getBytes(charset);
            at = text.substring(0, bad).getBytes(charset).length;
            if (own.length != 1 || at >= r.octets().length || r.octets()[at] != own[0]) {
                return "";
            }
        }
        return at < r.octets().length ? String.format(Locale.ROOT, ", x'%02X' in the record", r.octets()[at] & 0xFF)
                : "";
    }

    private static String name(char c) {
        return switch (c) {
            case '\r' -> "CR";
            case '\n' -> "LF";
            case '\u0085' -> "NEL";
            case '\u2028' -> "LINE SEPARATOR";
            case '\u2029' -> "PARAGRAPH SEPARATOR";
            default -> "control";
        };
    }

    private static void trimTrailing(StringBuilder b) {
        while (b.length() > 0 && (b.charAt(b.length() - 1) == ' ' || b.charAt(b.length() - 1) == '\t')) {
            b.setLength(b.length() - 1);
        }
    }
}
