package org.spoolmail.exits.mail;

import java.io.InputStream;
import java.util.Locale;

/**
 * How an input is divided into records (lines), in the terms of z/OS data sets and Unix files. Line ends come
 * from this structure, never from decoding with a charset.
 *
 * <ul>
 *   <li>{@code fb:N}: fixed-length records of LRECL N octets, no separators (RECFM=F/FB);</li>
 *   <li>{@code vb}: variable-length records, each preceded by a 4-octet record descriptor word whose first two
 *       octets give the record length including the RDW, big-endian (RECFM=V/VB);</li>
 *   <li>{@code lf}: records end with LF x'0A'; a CR just before it is dropped;</li>
 *   <li>{@code crlf}: records end with CR LF x'0D0A';</li>
 *   <li>{@code nl}: records end with EBCDIC NL x'15' (z/OS UNIX files);</li>
 *   <li>{@code ebcdic-lf}: records end with EBCDIC LF x'25'.</li>
 * </ul>
 *
 * @param kind the kind of record structure
 * @param lrecl the logical record length in octets for {@link Kind#FIXED}; 0 for every other kind
 * @since 1.0.0
 */
public record RecordFormat(Kind kind, int lrecl) {

    /** The kinds of record structure. */
    public enum Kind {
        /** Fixed-length records, no separators. */
        FIXED,
        /** Variable-length records with a 4-octet RDW. */
        VARIABLE,
        /** Records ending with LF (x'0A'). */
        LF,
        /** Records ending with CR LF (x'0D0A'). */
        CRLF,
        /** Records ending with EBCDIC NL (x'15'). */
        NL,
        /** Records ending with EBCDIC LF (x'25'). */
        EBCDIC_LF
    }

    /** Newline-delimited records, ending with LF. */
    public static final RecordFormat LF = new RecordFormat(Kind.LF, 0);
    /** Newline-delimited records, ending with CR LF. */
    public static final RecordFormat CRLF = new RecordFormat(Kind.CRLF, 0);
    /** Variable-length records with RDW. */
    public static final RecordFormat VARIABLE = new RecordFormat(Kind.VARIABLE, 0);
    /** Records ending with EBCDIC NL x'15'. */
    public static final RecordFormat NL = new RecordFormat(Kind.NL, 0);
    /** Records ending with EBCDIC LF x'25'. */
    public static final RecordFormat EBCDIC_LF = new RecordFormat(Kind.EBCDIC_LF, 0);

    /**
     * Checks that only fixed-length records have an LRECL, of 1..32760 octets.
     *
     * @param kind the kind of record structure
     * @param lrecl the logical record length in octets for {@link Kind#FIXED}; 0 for every other kind
     * @throws IllegalArgumentException if the LRECL does not fit the kind
     */
    public RecordFormat {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind == Kind.FIXED ? lrecl < 1 || lrecl > 32760 : lrecl != 0) {
            throw new IllegalArgumentException(kind == Kind.FIXED
                    ? "LRECL must be 1..32760 octets, got " + lrecl : "only fixed-length records have an LRECL");
        }
    }

    /**
     * Returns fixed-length records of the given LRECL.
     *
     * @param lrecl the record length in octets, 1..32760
     * @return the record format
     */
    public static RecordFormat fixed(int lrecl) {
        return new RecordFormat(Kind.FIXED, lrecl);
    }

    /**
     * Parses the notation of the command line and pipeline.yaml: {@code fb:80}, {@code f:80}, {@code vb},
     * {@code v}, {@code lf}, {@code crlf}, {@code nl}, {@code ebcdic-lf}, any case.
     *
     * @param text the notation
     * @return the record format
     * @throws IllegalArgumentException if the notation is not one of these
     */
    public static RecordFormat parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("fb:") || t.startsWith("f:")) {
            String n = t.substring(t.indexOf(':') + 1);
            if (n.isEmpty() || !n.chars().allMatch(Character::isDigit) || n.length() > 5) {
                throw new IllegalArgumentException("record format '" + text + "': LRECL must be a number, e.g. fb:80");
            }
            return fixed(Integer.parseInt(n));
        }
        return switch (t) {
            case "vb", "v" -> VARIABLE;
            case "lf" -> LF;
            case "crlf" -> CRLF;
            case "nl" -> NL;
            case "ebcdic-lf" -> EBCDIC_LF;
            default -> throw new IllegalArgumentException("unknown record format '" + text
                    + "' (expected fb:N, vb, lf, crlf, nl or ebcdic-lf)");
        };
    }

    /**
     * Opens a reader that returns the records of a stream in this format; a delimited record may be up to
     * {@link RecordReader#DEFAULT_MAX_RECORD_OCTETS} long.
     *
     * @param in the input; the reader does not close it
     * @return a record reader
     */
    public RecordReader reader(InputStream in) {
        return new RecordReader(in, this, RecordReader.DEFAULT_MAX_RECORD_OCTETS);
    }

    /**
     * Opens a reader that returns the records of a stream in this format, with a limit on the length of a
     * delimited record (lf, crlf, nl, ebcdic-lf). Fixed and variable records are bounded by their LRECL and RDW.
     *
     * @param in the input; the reader does not close it
     * @param maxRecordOctets the longest delimited record, in octets without its terminator; at least 1
     * @return a record reader
     * @throws IllegalArgumentException if the limit is less than 1
     * @since 1.0.0
     */
    public RecordReader reader(InputStream in, int maxRecordOctets) {
        if (maxRecordOctets < 1) {
            throw new IllegalArgumentException("maxRecordOctets must be at least 1, got " + maxRecordOctets);
        }
        return new RecordReader(in, this, maxRecordOctets);
    }

    /** @return the notation {@link #parse(String)} reads, e.g. {@code fb:80} */
    @Override
    public String toString() {
        return switch (kind) {
            case FIXED -> "fb:" + lrecl;
            case VARIABLE -> "vb";
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }
}
