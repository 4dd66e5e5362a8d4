package org.spoolmail.exits.mail;

import java.util.Locale;

/**
 * One header field (RFC 5322 section 2.2): a field name and its unfolded field body as Unicode text.
 *
 * <p>The body is held unfolded and undecoded of any transfer form: folding and RFC 2047 encoded-words are made only
 * when the message is written ({@link MessageWriter}). To keep header injection impossible (a CR/LF in a header
 * value once created hidden Bcc recipients in real tools), neither part may contain CR, LF, NEL (U+0085), U+2028,
 * U+2029 or any other control character except horizontal tab in the body.
 *
 * @param name the field name: printable US-ASCII except ':' (RFC 5322 section 3.6.8), case preserved
 * @param body the unfolded field body, leading and trailing SP and HTAB removed (nothing else: a form feed or
 *     other control at either end is refused, not dropped)
 * @since 1.0.0
 */
public record HeaderField(String name, String body) {

    /**
     * Checks the name and the body.
     *
     * @param name the field name: printable US-ASCII except ':' (RFC 5322 section 3.6.8), case preserved
     * @param body the unfolded field body, leading and trailing SP and HTAB removed
     * @throws IllegalArgumentException if the name is empty or not ftext, or either part holds a control character;
     *     the message names the field, the position and the character ({@link #refusal(char)})
     */
    public HeaderField {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header field name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126 || c == ':') {
                throw new IllegalArgumentException("header field name '" + Mailbox.printable(name)
                        + "' holds a character not allowed in a field name");
            }
        }
        java.util.Objects.requireNonNull(body, "body");
        body = stripBlanks(body);
        int bad = firstControl(body);
        if (bad >= 0) {
            throw new IllegalArgumentException("header field " + name + " at position " + (bad + 1) + ": "
                    + refusal(body.charAt(bad)));
        }
    }

    /**
     * Says why a character may not stand in a header field body, naming it: a line break (CR, LF, NEL, U+2028,
     * U+2029) or another control character. For a C1 control (U+0080..U+009F), which text in another code page
     * often decodes to, a hint about the code page is added.
     *
     * @param c a character {@link #firstControl(String)} finds
     * @return the reason, e.g. {@code control character U+0001 is refused in a header field}
     * @since 1.0.0
     */
    public static String refusal(char c) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        String name = switch (c) {
            case '\r' -> "CR (" + code + ")";
            case '\n' -> "LF (" + code + ")";
            case '\u0085' -> "NEL (" + code + ")";
            case '\u2028', '\u2029' -> code;
            default -> "";
        };
        String reason = name.isEmpty() ? "control character " + code + " is refused in a header field"
                : name + " is a line break: a line break in a header field is refused";
        return c >= 0x80 && c <= 0x9F ? reason + " " + Ccsid.CODE_PAGE_HINT : reason;
    }

    /** Removes leading and trailing SP and HTAB only (RFC 5322 WSP); other white space is checked, not dropped. */
    private static String stripBlanks(String body) {
        int start = 0;
        int end = body.length();
        while (start < end && (body.charAt(start) == ' ' || body.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (body.charAt(end - 1) == ' ' || body.charAt(end - 1) == '\t')) {
            end--;
        }
        return body.substring(start, end);
    }

    /**
     * Tells whether this field has the given name, ignoring case (RFC 5322 section 1.2.2).
     *
     * @param fieldName the name to compare with
     * @return true if the names are equal ignoring ASCII case
     */
    public boolean hasName(String fieldName) {
        return name.equalsIgnoreCase(fieldName);
    }

    /**
     * Finds the first character that must never stand in a header field body.
     *
     * @param text the text to check
     * @return its index, or -1 if there is none
     */
    public static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return name + ": " + body;
    }
}
