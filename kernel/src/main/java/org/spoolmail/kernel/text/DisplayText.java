package org.spoolmail.kernel.text;

import java.util.Locale;

/**
 * Text from input made safe to show: on a terminal, in a {@code .reason} file, in a problem line. Input reaches
 * messages everywhere (a malformed address quoted in a syntax error, a subject on the result line, a file name), and
 * a terminal obeys what it is sent: an ESC sequence can retitle the window, clear the screen, recolour or hide text
 * or (on some emulators) write to files; a bidirectional override (RLO, U+202E) shows {@code fdp.exe} for
 * {@code exe.pdf}; a CR, LF or NEL (U+0085, EBCDIC NL) forges a line of its own. So every such character is shown
 * as {@code \\uXXXX} instead: C0 and C1 controls and DEL, the line and paragraph separators U+2028 and U+2029, and
 * the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
 * U+2069). This is the one escaping function of the kernel: the CLI's console uses it.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /**
     * @param text any text
     * @return the text with each control, separator or bidirectional formatting character as {@code \\uXXXX}
     */
    public static String escape(String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (hidden(c)) {
                if (shown == null) {
                    shown = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                shown.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else if (shown != null) {
                shown.append(c);
            }
        }
        return shown == null ? text : shown.toString();
    }

    /** @return true for a character a terminal or a reader would act on instead of showing */
    static boolean hidden(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\u061C'
                || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
