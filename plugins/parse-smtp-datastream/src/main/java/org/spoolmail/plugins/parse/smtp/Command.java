package org.spoolmail.plugins.parse.smtp;

import java.util.Locale;

/**
 * One SMTP command line: the verb and what follows it.
 *
 * @param verb the verb as written, e.g. {@code mail}
 * @param argument the text after the verb, leading blanks removed; empty if none
 */
record Command(String verb, String argument) {

    /**
     * Splits a command line at the first blank.
     *
     * @param line the command text, trailing padding already removed, not blank
     * @return the command
     */
    static Command parse(String line) {
        String text = line.stripLeading();
        int blank = 0;
        while (blank < text.length() && !Character.isWhitespace(text.charAt(blank))) {
            blank++;
        }
        return new Command(text.substring(0, blank), text.substring(blank).stripLeading());
    }

    /** @return the verb in upper case, for comparison (SMTP verbs are case-insensitive) */
    String name() {
        return verb.toUpperCase(Locale.ROOT);
    }
}
