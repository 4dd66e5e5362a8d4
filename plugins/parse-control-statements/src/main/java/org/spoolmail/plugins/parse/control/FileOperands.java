package org.spoolmail.plugins.parse.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.InputFiles;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * The operands of a statement that names a file (ATTACH, TEXTFILE, HTMLFILE): the path first, then keyword
 * operands {@code NAME=}, {@code TYPE=}, {@code CCSID=}, {@code RECFM=}, {@code LRECL=} and the flags
 * {@code BINARY} and {@code TEXT}. A text file's CCSID and record format default to the deck's.
 *
 * @param file the file, opened once through the input's {@link InputFiles}
 * @param name the attachment's file name; the file's own name by default
 * @param type the content type as written, if any: a bare type/subtype (parameters are the stages' to add)
 * @param binary true for BINARY
 * @param ccsid the CCSID of a text file
 * @param format the record format of a text file
 */
record FileOperands(InputFiles.Opened file, String name, Optional<ContentType> type, boolean binary, Ccsid ccsid,
        RecordFormat format) {

    private static final Set<String> KEYS = Set.of("NAME", "TYPE", "CCSID", "RECFM", "LRECL");
    private static final Set<String> TEXT_KEYS = Set.of("CCSID", "RECFM", "LRECL");
    /** A media type without parameters: restricted-name "/" restricted-name (RFC 6838 section 4.2). */
    private static final Pattern BARE_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"
            + "/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

    /**
     * Reads the operands.
     *
     * @param s the statement
     * @param deck the deck, for symbols, defaults, paths and errors
     * @return the operands
     * @throws PermanentStageException if an operand is unknown, repeated or malformed, or the file cannot be read
     */
    static FileOperands read(Statement s, DeckContext deck) throws PermanentStageException {
        List<Words.Word> words;
        try {
            words = Words.split(s.operands(), false);
        } catch (Words.UnbalancedQuoteException e) {
            throw deck.error(s.record(), s.keyword() + ": " + e.getMessage());
        }
        if (words.isEmpty() || (!words.get(0).quoted() && KEYS.contains(key(words.get(0).text())))) {
            throw deck.error(s.record(), s.keyword() + " needs a file path as its first operand");
        }
        Map<String, String> keyed = new LinkedHashMap<>();
        for (Words.Word w : words.subList(1, words.size())) {
            String key = key(w.text());
            String value = w.text().contains("=") ? w.text().substring(w.text().indexOf('=') + 1) : "";
            boolean flag = !w.text().contains("=") && (key.equals("BINARY") || key.equals("TEXT"));
            boolean allowed = s.keyword() == Keyword.ATTACH ? flag || KEYS.contains(key) : TEXT_KEYS.contains(key);
            if (!allowed) {
                throw deck.error(s.record(), s.keyword() + ": unknown operand '" + w.text() + "' (expected "
                        + (s.keyword() == Keyword.ATTACH ? "NAME=, TYPE=, BINARY, TEXT, " : "") + "CCSID=, RECFM="
                        + " or LRECL=)");
            }
            if (keyed.put(key, deck.substitute(value, s.record())) != null) {
                throw deck.error(s.record(), s.keyword() + ": operand " + key + " is given twice");
            }
        }
        InputFiles.Opened file = deck.open(deck.substitute(words.get(0).text(), s.record()), s);
        return of(file, keyed, s, deck);
    }

    private static FileOperands of(InputFiles.Opened file, Map<String, String> keyed, Statement s, DeckContext deck)
            throws PermanentStageException {
        boolean binary = keyed.containsKey("BINARY");
        boolean textual = keyed.containsKey("TEXT") || keyed.keySet().stream().anyMatch(TEXT_KEYS::contains);
        if (binary && textual) {
            throw deck.error(s.record(), "ATTACH: BINARY cannot be combined with TEXT, CCSID=, RECFM= or LRECL=");
        }
        if (s.keyword() == Keyword.ATTACH && !binary && !textual) {
            throw deck.error(s.record(), "ATTACH " + file.fileName() + ": say BINARY (sent byte for byte) or"
                    + " TEXT (translated line by line, with CCSID= and RECFM= if not the deck's)");
        }
        String name = Optional.ofNullable(keyed.get("NAME")).filter(n -> !n.isBlank())
                .orElse(file.fileName());
        Optional<ContentType> type = keyed.containsKey("TYPE") ? Optional.of(type(keyed.get("TYPE"), s, deck))
                : Optional.empty();
        if (binary && type.isPresent() && type.get().type().equalsIgnoreCase("message")) {
            throw deck.error(s.record(), "ATTACH: TYPE=" + keyed.get("TYPE") + " cannot be sent BINARY: a message"
                    + " type may not be base64-encoded (RFC 2046 section 5.2.1); attach it as TEXT, or BINARY with"
                    + " TYPE=application/octet-stream");
        }
        Ccsid ccsid = keyed.containsKey("CCSID") ? ccsid(keyed.get("CCSID"), s, deck) : deck.ccsid();
        RecordFormat format = format(keyed.get("RECFM"), keyed.get("LRECL"), s, deck);
        return new FileOperands(file, name, type, binary, ccsid, format);
    }

    private static ContentType type(String value, Statement s, DeckContext deck) throws PermanentStageException {
        try {
            if (!BARE_TYPE.matcher(value).matches()) {
                throw new IllegalArgumentException("give a bare type/subtype such as application/pdf, without"
                        + " parameters, quotes or blanks (NAME= gives the file name)");
            }
            ContentType type = ContentType.parse(value);
            if (type.isMultipart()) {
                throw new IllegalArgumentException("a multipart type cannot be attached as one file");
            }
            return type;
        } catch (IllegalArgumentException e) {
            throw deck.error(s.record(), s.keyword() + ": TYPE=" + value + ": " + e.getMessage());
        }
    }

    private static Ccsid ccsid(String value, Statement s, DeckContext deck) throws PermanentStageException {
        try {
            return Ccsid.parse(value);
        } catch (IllegalArgumentException e) {
            throw deck.error(s.record(), s.keyword() + ": CCSID=" + value + ": " + e.getMessage());
        }
    }

    private static RecordFormat format(String recfm, String lrecl, Statement s, DeckContext deck)
            throws PermanentStageException {
        String kind = recfm == null ? (lrecl == null ? null : "FB") : recfm.toUpperCase(Locale.ROOT);
        try {
            if (kind == null) {
                return deck.input().recordFormat();
            }
            if (kind.equals("FB") || kind.equals("F")) {
                if (lrecl == null) {
                    throw new IllegalArgumentException("fixed-length records need LRECL=, e.g. RECFM=FB LRECL=80");
                }
                return RecordFormat.parse("fb:" + lrecl);
            }
            if (lrecl != null && !kind.startsWith("FB:") && !kind.startsWith("F:")) {
                throw new IllegalArgumentException("LRECL= belongs to fixed-length records (RECFM=FB) only");
            }
            return RecordFormat.parse(kind);
        } catch (IllegalArgumentException e) {
            throw deck.error(s.record(), s.keyword() + ": RECFM=" + (recfm == null ? "FB" : recfm)
                    + (lrecl == null ? "" : " LRECL=" + lrecl) + ": " + e.getMessage());
        }
    }

    private static String key(String word) {
        int eq = word.indexOf('=');
        return (eq < 0 ? word : word.substring(0, eq)).toUpperCase(Locale.ROOT);
    }
}
