package org.spoolmail.plugins.deliver.smtp;

/**
 * Makes relay text safe for a terminal, a log file, a .reason file or an audit record: every control character
 * (C0, DEL, C1: ESC sequences, BEL, NUL, a lone CR) and the Unicode line and paragraph separators are shown as
 * {@code ?}. The wire trace, reply texts and exception messages all use it, so the same reply looks the same
 * everywhere.
 */
final class Printable {

    private Printable() {
    }

    /** @param text any text @return the text with each control character as {@code ?} */
    static String of(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029' ? '?' : c));
        return b.toString();
    }
}
