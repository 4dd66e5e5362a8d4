package org.spoolmail.plugins.parse.control;

import java.util.Locale;
import java.util.Optional;

/**
 * The IMPORTANCE statement's values and the header fields they give: {@code Importance} (RFC 2156 section 5.3,
 * read by Outlook and most clients) and {@code X-Priority} (1 highest, 3 normal, 5 lowest, read by the rest).
 */
enum Importance {
    HIGH("high", "1 (Highest)"), NORMAL("normal", "3 (Normal)"), LOW("low", "5 (Lowest)");

    private final String importance;
    private final String priority;

    Importance(String importance, String priority) {
        this.importance = importance;
        this.priority = priority;
    }

    /** @return the Importance field body */
    String importance() {
        return importance;
    }

    /** @return the X-Priority field body */
    String priority() {
        return priority;
    }

    /**
     * Reads a value, ignoring case.
     *
     * @param word HIGH, NORMAL or LOW
     * @return the importance, or empty if the word is none of them
     */
    static Optional<Importance> of(String word) {
        for (Importance i : values()) {
            if (i.name().equals(word.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
