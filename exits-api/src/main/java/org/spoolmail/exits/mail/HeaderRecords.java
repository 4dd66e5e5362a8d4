package org.spoolmail.exits.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;

/**
 * Collects the header section at the start of a message's data, one record at a time, for a
 * {@link org.spoolmail.exits.MailParser}. Continuation lines (those that start with a blank or a tab) are unfolded
 * into the field before them (RFC 5322 section 2.2.3), and each field remembers the record where it starts, so that
 * an error names the place in the input.
 *
 * <p>Batch jobs often write no blank line before the body, so the section also ends at the first line that is
 * neither a header field (RFC 5322 section 2.2: a name of printable US-ASCII other than the colon, then a colon)
 * nor a continuation; that line is then the first body line. White space between a field name and its colon
 * ({@code BCC : x@example.com}, the obs-optional syntax of RFC 5322 section 4.5.3, which section 4 says must be
 * accepted) belongs to neither: the name is the text before it. Field bodies are decoded strictly: a control
 * character or line break is refused, naming the record (see {@link HeaderField}).
 *
 * <p>Use {@link #accept} for each decoded record while it returns {@link Kind#FIELD}, then
 * {@link RootPartHeaders#content} to make the message content. Not thread-safe: one instance per message.
 *
 * @since 1.0.0
 */
public final class HeaderRecords {

    /**
     * What a line of the data is while the header section is open.
     *
     * @since 1.0.0
     */
    public enum Kind {
        /** A header field or a continuation of one: the header section goes on. */
        FIELD,
        /** The empty (or all-blank) line that ends the header section; it belongs to neither part. */
        SEPARATOR,
        /** The first body line: the header section ended without a separator. */
        BODY
    }

    /** Blank, tab, NUL, CR, LF and NEL: record padding and record-end bytes, never content at a record's end. */
    private static final String PADDING = " \t\u0000\r\n\u0085";

    private final List<HeaderField> fields = new ArrayList<>();
    private final List<InputLocation> starts = new ArrayList<>();

    /** Makes an empty header section. */
    public HeaderRecords() {
        // fields are added by accept
    }

    /**
     * Takes one line of the header section. After {@link Kind#SEPARATOR} or {@link Kind#BODY} the caller stops
     * calling; a {@link Kind#BODY} line is not kept here and belongs to the body.
     *
     * @param line the record decoded to Unicode, trailing padding already removed ({@link #withoutPadding});
     *     not null
     * @param at the record's place in the input, for errors; not null
     * @return what the line is
     * @throws PermanentStageException if a header field holds a control character or line break; the message
     *     starts with {@code at}
     */
    public Kind accept(String line, InputLocation at) throws PermanentStageException {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(at, "at");
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
        starts.add(at);
        return Kind.FIELD;
    }

    /**
     * Removes what trails a header record as padding or a stray line end: blanks, tabs, NULs and the line-end
     * characters CR, LF and NEL (what x'0D', x'15' and x'25' decode to in the EBCDIC CCSIDs). Jobs write records
     * that all end so (the shape IBM fixed for CSSMTP in APAR PH24561), and command and body records drop the same
     * characters; inside the record they stay and are refused (a line break in a header field).
     *
     * @param line a record decoded to Unicode; not null
     * @return the line without that trailing padding
     * @since 1.0.0
     */
    public static String withoutPadding(String line) {
        int end = line.length();
        while (end > 0 && PADDING.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(0, end);
    }

    /**
     * The fields read so far.
     *
     * @return the fields in input order, unfolded
     */
    public HeaderSection section() {
        return new HeaderSection(fields);
    }

    /**
     * Finds where a field starts.
     *
     * @param name the field name, any case; not null
     * @return the number of the record where the first field of that name starts, or empty if there is none
     */
    public Optional<Long> recordOf(String name) {
        return locationOf(name).map(InputLocation::recordNumber);
    }

    /**
     * Finds where each field of a name starts.
     *
     * @param name the field name, any case; not null
     * @return the numbers of the records where each field of that name starts, in input order; empty if none
     */
    public List<Long> recordsOf(String name) {
        Objects.requireNonNull(name, "name");
        List<Long> found = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).hasName(name)) {
                found.add(starts.get(i).recordNumber());
            }
        }
        return List.copyOf(found);
    }

    /** @return the place where the first field of that name starts */
    Optional<InputLocation> locationOf(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).hasName(name)) {
                return Optional.of(starts.get(i));
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
