package org.spoolmail.exits.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes an address-list field (From, To, Cc, ...): the list is split at commas outside quoted-strings, comments
 * and angle brackets; only a display-name phrase (or group name) that needs it becomes encoded-words, never the
 * addr-spec {@code <local@domain>}.
 */
final class AddressListEncoder {

    private AddressListEncoder() {
    }

    /**
     * Appends the field body's addresses to the folder.
     *
     * @param folder the field being built
     * @param field the field
     * @param utf8Allowed true if raw UTF-8 may go into the header (SMTPUTF8)
     * @throws IllegalStateException if an addr-spec holds non-ASCII text and UTF-8 is not allowed
     */
    static void encode(HeaderFolder folder, HeaderField field, boolean utf8Allowed) {
        List<String> addresses = splitTopLevel(field.body(), ',');
        for (int i = 0; i < addresses.size(); i++) {
            String suffix = i < addresses.size() - 1 ? "," : "";
            folder.space(" ");
            address(folder, field, addresses.get(i).strip(), suffix, utf8Allowed);
        }
    }

    private static void address(HeaderFolder folder, HeaderField field, String address, String suffix,
            boolean utf8Allowed) {
        int colon = topLevelIndex(address, ':');
        int angle = topLevelIndex(address, '<');
        if (colon > 0 && (angle < 0 || colon < angle)) {
            phrase(folder, address.substring(0, colon).strip(), ":", utf8Allowed);
            address = address.substring(colon + 1).strip();
            angle = topLevelIndex(address, '<');
            if (address.isEmpty()) {
                folder.word(suffix);
                return;
            }
            folder.space(" ");
        }
        if (angle > 0) {
            phrase(folder, address.substring(0, angle).strip(), "", utf8Allowed);
            folder.space(" ");
            address = address.substring(angle);
        } else if (angle < 0 && address.indexOf('@') < 0) {
            phrase(folder, address, suffix, utf8Allowed);
            return;
        }
        int open = topLevelIndex(address, '(');
        int close = address.lastIndexOf(')');
        if (!utf8Allowed && open >= 0 && close > open && EncodedWords.needed(address.substring(open, close), false)) {
            commentedAddress(folder, field, address, open, close, suffix);
            return;
        }
        HeaderFieldEncoder.requireAscii(field, address, utf8Allowed);
        HeaderFieldEncoder.plainWords(folder, address + suffix);
    }

    /** {@code jm@example.org (Jürgen Müller)}: RFC 2047 section 5 (2) lets encoded-words stand in a comment. */
    private static void commentedAddress(HeaderFolder folder, HeaderField field, String address, int open, int close,
            String suffix) {
        String before = address.substring(0, open).strip();
        HeaderFieldEncoder.requireAscii(field, before + address.substring(close), false);
        if (!before.isEmpty()) {
            HeaderFieldEncoder.plainWords(folder, before);
            folder.space(" ");
        }
        folder.word("(");
        folder.space("");
        HeaderFieldEncoder.encodedRun(folder, address.substring(open + 1, close));
        folder.space("");
        folder.word(address.substring(close) + suffix);
    }

    /** An encoded phrase keeps white space before the suffix: RFC 2047 section 5 (3) wants it before a special. */
    private static void phrase(HeaderFolder folder, String phrase, String suffix, boolean utf8Allowed) {
        if (phrase.isEmpty()) {
            folder.word(suffix);
        } else if (EncodedWords.needed(phrase, utf8Allowed)) {
            HeaderFieldEncoder.encodedRun(folder, unquote(phrase));
            if (!suffix.isEmpty()) {
                folder.word(suffix);
            }
        } else {
            HeaderFieldEncoder.plainWords(folder, phrase + suffix);
        }
    }

    /**
     * Removes the quotes and backslash escapes of a phrase that is one quoted-string.
     *
     * @param phrase the phrase
     * @return its text
     */
    static String unquote(String phrase) {
        if (phrase.length() < 2 || !phrase.startsWith("\"") || !phrase.endsWith("\"")) {
            return phrase;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 1; i < phrase.length() - 1; i++) {
            char c = phrase.charAt(i);
            if (c == '\\' && i + 1 < phrase.length() - 1) {
                c = phrase.charAt(++i);
            }
            s.append(c);
        }
        return s.toString();
    }

    /**
     * Splits at a separator outside quoted-strings, comments and angle brackets.
     *
     * @param text the text
     * @param separator the separator
     * @return the pieces, blank ones left out
     */
    static List<String> splitTopLevel(String text, char separator) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int at;
        while ((at = topLevelIndex(text.substring(start), separator)) >= 0) {
            out.add(text.substring(start, start + at));
            start += at + 1;
        }
        out.add(text.substring(start));
        out.removeIf(String::isBlank);
        return out;
    }

    private static int topLevelIndex(String text, char wanted) {
        boolean quoted = false;
        int comment = 0;
        boolean inAngle = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quoted) {
                quoted = c != '"';
            } else if (c == wanted && comment == 0 && !inAngle) {
                return i;
            } else if (c == '"' && comment == 0) {
                quoted = true;
            } else if (c == '(') {
                comment++;
            } else if (c == ')' && comment > 0) {
                comment--;
            } else if (c == '<' && comment == 0) {
                inAngle = true;
            } else if (c == '>' && comment == 0) {
                inAngle = false;
            }
        }
        return -1;
    }
}
