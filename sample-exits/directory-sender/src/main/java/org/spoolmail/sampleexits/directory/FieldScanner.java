package org.spoolmail.sampleexits.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks an address field body as RFC 5322 section 3.2 defines its lexical parts: quoted strings with backslash
 * escapes, and nested comments. Only characters outside both are structure.
 */
final class FieldScanner {

    /** The characters a phrase may hold outside quoted strings: atext, '.' (obs-phrase) and blanks. */
    private static final String PHRASE_SPECIALS = "!#$%&'*+-/=?^_`{|}~. \t";

    private boolean quoted;
    private boolean escaped;
    private int depth;

    private FieldScanner() {
    }

    /** @return the body with each comment replaced by a blank; quoted strings kept */
    static String withoutComments(String body) {
        StringBuilder b = new StringBuilder(body.length());
        FieldScanner s = new FieldScanner();
        for (char c : body.toCharArray()) {
            boolean inComment = s.depth > 0 || (!s.quoted && !s.escaped && c == '(');
            s.step(c);
            b.append(inComment ? ' ' : c);
        }
        if (s.quoted || s.depth > 0) {
            throw new IllegalArgumentException(s.quoted ? "a quoted string is not closed" : "a comment is not closed");
        }
        return b.toString();
    }

    /** @return the parts between the given separator standing outside quoted strings and angle brackets */
    static List<String> topLevelSplit(String text, char separator) {
        List<String> parts = new ArrayList<>();
        FieldScanner s = new FieldScanner();
        int start = 0;
        boolean angle = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (s.step(c)) {
                angle = c == '<' || (angle && c != '>');
                if (c == separator && !angle) {
                    parts.add(text.substring(start, i));
                    start = i + 1;
                }
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** @return the positions of a character standing outside quoted strings */
    static List<Integer> topLevelIndexes(String text, char wanted) {
        List<Integer> found = new ArrayList<>();
        FieldScanner s = new FieldScanner();
        for (int i = 0; i < text.length(); i++) {
            if (s.step(text.charAt(i)) && text.charAt(i) == wanted) {
                found.add(i);
            }
        }
        return found;
    }

    /** @return true if the text is empty or words of atext, dots and quoted strings (RFC 5322 phrase) */
    static boolean isPhrase(String text) {
        FieldScanner s = new FieldScanner();
        for (char c : text.toCharArray()) {
            boolean top = s.step(c);
            if (top && c != '"' && !Character.isLetterOrDigit(c) && PHRASE_SPECIALS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** @return true if the character stands outside quoted strings and comments (a quote mark itself is not) */
    private boolean step(char c) {
        if (escaped) {
            escaped = false;
            return false;
        }
        if (c == '\\' && (quoted || depth > 0)) {
            escaped = true;
            return false;
        }
        if (quoted) {
            quoted = c != '"';
            return false;
        }
        if (c == '(') {
            depth++;
            return false;
        }
        if (depth > 0) {
            depth -= c == ')' ? 1 : 0;
            return false;
        }
        if (c == '"') {
            quoted = true;
            return false;
        }
        return true;
    }
}
