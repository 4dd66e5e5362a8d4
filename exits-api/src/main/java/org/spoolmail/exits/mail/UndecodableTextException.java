package org.spoolmail.exits.mail;

import java.util.Locale;

/**
 * Octets that are not valid text in the code page they are read in: ISO-8859-1 octets read as UTF-8 (CCSID 1208),
 * a UTF-8 multi-octet sequence read as US-ASCII (CCSID 367), or an octet a code page leaves undefined. Thrown by
 * {@link Ccsid#decode(byte[])} instead of replacing the octets with U+FFFD, so that text in the wrong code page is
 * refused rather than garbled. A parser or stage names its file and record (or part and line) in front of
 * {@link #getMessage()}, which already carries the {@link Ccsid#CODE_PAGE_HINT}.
 *
 * @since 1.0.0
 */
public class UndecodableTextException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int column;
    private final String octets;

    /**
     * Describes the first undecodable sequence.
     *
     * @param codePage the code page the octets were read in, e.g. {@code CCSID 1208 (UTF-8)}; not null
     * @param column the 1-based position of the sequence's first octet in the record
     * @param octets the octets of the sequence, at least one; not null
     * @throws IllegalArgumentException if {@code column} is below 1 or {@code octets} is empty
     */
    public UndecodableTextException(String codePage, int column, byte[] octets) {
        super(message(codePage, column, octets));
        if (column < 1 || octets.length == 0) {
            throw new IllegalArgumentException("column must be >= 1 and octets non-empty");
        }
        this.column = column;
        this.octets = hex(octets);
    }

    /**
     * Returns where the undecodable sequence starts.
     *
     * @return its first octet's position in the record, 1-based (octets, not characters)
     */
    public int column() {
        return column;
    }

    /**
     * Returns the undecodable octets in hexadecimal.
     *
     * @return e.g. {@code FC} or {@code E282}, upper case, never empty
     */
    public String octets() {
        return octets;
    }

    private static String message(String codePage, int column, byte[] octets) {
        String plural = octets.length == 1 ? "octet x'%s' at column %d is" : "octets x'%s' at column %d are";
        return String.format(Locale.ROOT, plural, hex(octets), column) + " not valid text in " + codePage + " "
                + Ccsid.CODE_PAGE_HINT;
    }

    private static String hex(byte[] octets) {
        StringBuilder b = new StringBuilder();
        for (byte o : octets) {
            b.append(String.format(Locale.ROOT, "%02X", o & 0xFF));
        }
        return b.toString();
    }
}
