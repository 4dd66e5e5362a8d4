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
 * @param body the unfolded field body, leading and trailing white space removed
 * @since 1.0.0
 */
public record HeaderField(String name, String body) {

    /**
     * Checks the name and the body.
     *
     * @param name the field name: printable US-ASCII except ':' (RFC 5322 section 3.6.8), case preserved
     * @param body the unfolded field body, leading and trailing white space removed
     * @throws IllegalArgumentException if the name is empty or not ftext, or either part holds a control character
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
        body = body.strip();
        int bad = firstControl(body);
        if (bad >= 0) {
            throw new IllegalArgumentException("header field " + name + " holds control character U+"
                    + String.format(Locale.ROOT, "%04X", (int) body.charAt(bad)) + " at position " + (bad + 1)
                    + ": a line break in a header field is refused");
        }
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
