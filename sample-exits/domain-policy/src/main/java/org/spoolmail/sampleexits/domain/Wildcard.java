package org.spoolmail.sampleexits.domain;

import java.util.regex.Pattern;

/**
 * A pattern with {@code *} (any run of characters, also none) and {@code ?} (one character), compared ignoring
 * case, as JES and RACF profiles use them. Every other character stands for itself: {@code .} is a dot.
 */
final class Wildcard {

    private final String text;
    private final Pattern pattern;

    private Wildcard(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /**
     * Compiles a pattern.
     *
     * @param text e.g. {@code PAY*} or {@code *@reports.example.com}
     * @return the pattern
     */
    static Wildcard of(String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Wildcard(text, Pattern.compile(regex.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    /** @return true if the whole value matches, ignoring case */
    boolean matches(String value) {
        return pattern.matcher(value).matches();
    }

    /** @return true if the pattern holds {@code *} or {@code ?} */
    boolean hasWildcard() {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /** @return the pattern as written */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Wildcard other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
