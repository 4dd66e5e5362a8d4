package org.spoolmail.plugins.parse.rfc5322;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.InputLocation;

/**
 * Collects the header section at the start of the data, unfolding continuation lines. Batch jobs often write no
 * blank line before the body, so the section also ends at the first line that is neither a header field nor a
 * continuation; that line is then the first body line. White space between a field name and its colon
 * ({@code BCC : x@example.com}, the obs-optional syntax of RFC 5322 section 4.5.3, which section 4 says must be
 * accepted) belongs to neither: the name is the text before it.
 */
final class HeaderLines {

    /** What a line of the data is while the header section is open. */
    enum Kind {
        /** A header field or a continuation of one. */
        FIELD,
        /** The empty line that ends the header section; it belongs to neither part. */
        SEPARATOR,
        /** The first body line: the header section ended without a separator. */
        BODY
    }

    private final List<HeaderField> fields = new ArrayList<>();
    private final List<Long> records = new ArrayList<>();

    /**
     * Takes one line of the header section.
     *
     * @param line the record decoded, trailing blanks and NULs removed
     * @param at the record, for errors
     * @return what the line is
     * @throws PermanentStageException if a header field holds a control character
     */
    Kind accept(String line, InputLocation at) throws PermanentStageException {
        if (line.chars().allMatch(c -> c == ' ' || c == '\t')) {
            return Kind.SEPARATOR;
        }
        boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
        if (continuation && !fields.isEmpty()) {
            HeaderField last = fields.get(fields.size() - 1);
            fields.set(fields.size() - 1, field(last.name(), last.body() + line, at));
            return Kind.FIELD;
        }
        int colon = line.indexOf(':');
        String name = colon <= 0 ? "" : fieldName(line.substring(0, colon));
        if (continuation || name.isEmpty() || !isFieldName(name)) {
            return Kind.BODY;
        }
        fields.add(field(name, line.substring(colon + 1), at));
        records.add(at.recordNumber());
        return Kind.FIELD;
    }

    /**
     * @param name the field name, any case
     * @return the numbers of the records where each field of that name starts, in order
     */
    List<Long> recordsOf(String name) {
        List<Long> found = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).hasName(name)) {
                found.add(records.get(i));
            }
        }
        return found;
    }

    /** @return the fields read, in order */
    HeaderSection section() {
        return new HeaderSection(fields);
    }

    /**
     * Finds where a field starts.
     *
     * @param name the field name, any case
     * @return the number of the record where the first field of that name starts, if there is one
     */
    Optional<Long> recordOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).hasName(name)) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }

    private static HeaderField field(String name, String body, InputLocation at) throws PermanentStageException {
        try {
            return new HeaderField(name, body);
        } catch (IllegalArgumentException e) {
            throw new PermanentStageException(at, e.getMessage());
        }
    }

    /** The name before the colon without the blanks and tabs obsolete syntax allows there (RFC 5322 4.5.3). */
    private static String fieldName(String beforeColon) {
        int end = beforeColon.length();
        while (end > 0 && (beforeColon.charAt(end - 1) == ' ' || beforeColon.charAt(end - 1) == '\t')) {
            end--;
        }
        return beforeColon.substring(0, end);
    }

    private static boolean isFieldName(String name) {
        return name.chars().allMatch(c -> c > ' ' && c < 127 && c != ':');
    }
}
