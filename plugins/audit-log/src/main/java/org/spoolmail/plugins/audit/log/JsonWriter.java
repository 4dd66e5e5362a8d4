package org.spoolmail.plugins.audit.log;

import java.util.Locale;
import java.util.Optional;

/**
 * Writes one compact JSON text (RFC 8259) into a string, with commas placed automatically. Strings are escaped
 * so that a record always stays on one line whatever a header field or reason holds: quotation mark and reverse
 * solidus, every control character (C0, DEL, C1 including NEL) as {@code \}{@code u00XX}, the line and paragraph
 * separators U+2028/U+2029 (line breaks to JavaScript and some log viewers) and unpaired surrogates as
 * {@code \}{@code uXXXX}. Other non-ASCII characters are kept as they are; the caller encodes the text as UTF-8.
 *
 * <p>Not thread-safe: one writer per record.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder(512);
    private boolean needsComma;

    JsonWriter beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        needsComma = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        quote(value);
        needsComma = true;
        return this;
    }

    /** Writes the text, or {@code null} when empty. */
    JsonWriter value(Optional<String> value) {
        return value.isPresent() ? value(value.get()) : nullValue();
    }

    JsonWriter value(long value) {
        return literal(Long.toString(value));
    }

    JsonWriter value(boolean value) {
        return literal(Boolean.toString(value));
    }

    JsonWriter nullValue() {
        return literal("null");
    }

    /** @return the JSON text written so far */
    @Override
    public String toString() {
        return out.toString();
    }

    private JsonWriter literal(String text) {
        separate();
        out.append(text);
        needsComma = true;
        return this;
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
            needsComma = false;
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (needsEscape(s, i)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }
}
