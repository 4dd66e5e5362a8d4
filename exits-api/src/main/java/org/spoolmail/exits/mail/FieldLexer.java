package org.spoolmail.exits.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a structured header field body by the lexical rules of RFC 5322 section 3.2: quoted strings with backslash
 * escapes (3.2.4), nested comments with escapes (3.2.2). Only characters outside both are structure; a quote mark
 * or parenthesis itself is not.
 */
final class FieldLexer {

    /** The characters a phrase may hold outside quoted strings: atext, '.' (obs-phrase) and blanks. */
    private static final String PHRASE_SPECIALS = "!#$%&'*+-/=?^_`{|}~. \t";

    private boolean quoted;
    private boolean escaped;
    private int depth;

    /**
     * Feeds one character.
     *
     * @param c the next character
     * @return true if it stands outside quoted strings and comments
     */
    boolean step(char c) {
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

    /** @return true if the next character would stand inside a comment, or is a comment's opening '(' */
    private boolean opensOrInComment(char c) {
        return depth > 0 || (!quoted && !escaped && c == '(');
    }

    /**
     * Replaces each comment by blanks or removes it.
     *
     * @param body the field body
     * @param blank true to put one blank per comment character, false to remove comments
     * @param strict true to refuse an unclosed quoted string or comment
     * @return the body without comments, quoted strings kept
     * @throws IllegalArgumentException if strict and a quoted string or comment is not closed
     */
    static String withoutComments(String body, boolean blank, boolean strict) {
        StringBuilder b = new StringBuilder(body.length());
        FieldLexer lexer = new FieldLexer();
        for (char c : body.toCharArray()) {
            boolean inComment = lexer.opensOrInComment(c);
            lexer.step(c);
            if (!inComment) {
                b.append(c);
            } else if (blank) {
                b.append(' ');
            }
        }
        if (strict && (lexer.quoted || lexer.depth > 0)) {
            throw new IllegalArgumentException(lexer.quoted ? "a quoted string is not closed"
                    : "a comment is not closed");
        }
        return b.toString();
    }

    /** @return the top-level comments of the text, parentheses included, in order */
    static List<String> comments(String text) {
        List<String> found = new ArrayList<>();
        FieldLexer lexer = new FieldLexer();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean outside = lexer.depth == 0;
            lexer.step(c);
            if (outside && lexer.depth == 1) {
                start = i;
            } else if (!outside && lexer.depth == 0 && start >= 0) {
                found.add(text.substring(start, i + 1));
                start = -1;
            }
        }
        return found;
    }

    /**
     * Splits at a separator standing outside quoted strings, comments and angle brackets.
     *
     * @param text the text
     * @param separators the separator characters
     * @return the parts, separators removed; one part for text without a separator
     */
    static List<String> topLevelSplit(String text, String separators) {
        List<String> parts = new ArrayList<>();
        FieldLexer lexer = new FieldLexer();
        int start = 0;
        boolean angle = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lexer.step(c)) {
                angle = c == '<' || (angle && c != '>');
                if (separators.indexOf(c) >= 0 && !angle) {
                    parts.add(text.substring(start, i));
                    start = i + 1;
                }
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** @return the positions of a character standing outside quoted strings and comments */
    static List<Integer> topLevelIndexes(String text, char wanted) {
        List<Integer> found = new ArrayList<>();
        FieldLexer lexer = new FieldLexer();
        for (int i = 0; i < text.length(); i++) {
            if (lexer.step(text.charAt(i)) && text.charAt(i) == wanted) {
                found.add(i);
            }
        }
        return found;
    }

    /** @return true if the text is empty or words of atext, dots, blanks and quoted strings (RFC 5322 phrase) */
    static boolean isPhrase(String text) {
        FieldLexer lexer = new FieldLexer();
        for (char c : text.toCharArray()) {
            boolean top = lexer.step(c);
            if (top && !Character.isLetterOrDigit(c) && PHRASE_SPECIALS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
