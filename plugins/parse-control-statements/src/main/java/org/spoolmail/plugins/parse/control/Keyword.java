package org.spoolmail.plugins.parse.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The statements of a deck, one keyword each, as in IBM utility control statements. */
enum Keyword {
    FROM, TO, CC, BCC, REPLYTO, SUBJECT, IMPORTANCE, HEADER, TEXT, TEXTFILE, HTML, HTMLFILE, ATTACH, SEND;

    /**
     * Looks a keyword up, ignoring case.
     *
     * @param word the first word of a statement
     * @return the keyword, or empty if the word is none
     */
    static Optional<Keyword> of(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(upper)).findFirst();
    }

    /** @return every keyword, comma-separated, for error messages */
    static String list() {
        return Arrays.stream(values()).map(Keyword::name).collect(Collectors.joining(", "));
    }
}
