package org.spoolmail.kernel.queue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text form of item and drop files: one {@code key: value} line each, UTF-8, LF, a final newline. Values are
 * kept on one line whatever they hold: a backslash, a tab, every control character and line separator is written as
 * an escape ({@code \\}, {@code \u0009}), so no value (a relay's reply, a file name) can forge a line, and reading
 * gives back exactly what was written.
 */
final class KeyValueText {

    private KeyValueText() {
    }

    static byte[] write(List<Map.Entry<String, String>> lines) {
        StringBuilder b = new StringBuilder(256);
        for (Map.Entry<String, String> e : lines) {
            b.append(e.getKey()).append(": ").append(escape(e.getValue())).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return the lines as key-value pairs in order (a key may repeat, e.g. {@code recipient}) */
    static List<Map.Entry<String, String>> read(byte[] text, String what) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        int n = 0;
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                throw new IllegalArgumentException(what + " line " + n + ": not 'key: value'");
            }
            lines.add(Map.entry(line.substring(0, colon), unescape(line.substring(colon + 2), what, n)));
        }
        return lines;
    }

    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\') {
                b.append("\\\\");
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String unescape(String value, String what, int line) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                b.append(c);
            } else if (value.startsWith("\\\\", i)) {
                b.append('\\');
                i++;
            } else if (value.startsWith("\\u", i) && i + 6 <= value.length()) {
                b.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                throw new IllegalArgumentException(what + " line " + line + ": bad escape");
            }
        }
        return b.toString();
    }
}
