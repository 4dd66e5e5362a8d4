package org.spoolmail.exits.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ordered header fields of a message or MIME part (RFC 5322 section 2.2). Names compare case-insensitively;
 * a name may occur more than once. Immutable: every change returns a new section.
 *
 * @param fields the fields in order
 * @since 1.0.0
 */
public record HeaderSection(List<HeaderField> fields) {

    /** A section with no fields. */
    public static final HeaderSection EMPTY = new HeaderSection(List.of());

    /**
     * Copies the list.
     *
     * @param fields the fields in order
     * @throws NullPointerException if the list or an element is null
     */
    public HeaderSection {
        fields = List.copyOf(fields);
    }

    /**
     * Returns the body of the first field with this name.
     *
     * @param name the field name, any case
     * @return the field body, or empty if no field has the name
     */
    public Optional<String> first(String name) {
        return fields.stream().filter(f -> f.hasName(name)).map(HeaderField::body).findFirst();
    }

    /**
     * Returns the bodies of every field with this name, in order.
     *
     * @param name the field name, any case
     * @return the bodies; empty if none
     */
    public List<String> all(String name) {
        return fields.stream().filter(f -> f.hasName(name)).map(HeaderField::body).toList();
    }

    /**
     * Tells whether a field with this name is present.
     *
     * @param name the field name, any case
     * @return true if at least one field has it
     */
    public boolean contains(String name) {
        return fields.stream().anyMatch(f -> f.hasName(name));
    }

    /**
     * Returns this section with a field appended at the end.
     *
     * @param name the field name
     * @param body the field body
     * @return a new section
     * @throws IllegalArgumentException as {@link HeaderField}
     */
    public HeaderSection with(String name, String body) {
        List<HeaderField> copy = new ArrayList<>(fields);
        copy.add(new HeaderField(name, body));
        return new HeaderSection(copy);
    }

    /**
     * Returns this section without any field of this name.
     *
     * @param name the field name, any case
     * @return a new section
     */
    public HeaderSection without(String name) {
        return new HeaderSection(fields.stream().filter(f -> !f.hasName(name)).toList());
    }

    /**
     * Returns this section with the first field of this name given a new body and later ones of that name removed;
     * when there is none, the field is appended.
     *
     * @param name the field name, any case
     * @param body the new field body
     * @return a new section
     * @throws IllegalArgumentException as {@link HeaderField}
     */
    public HeaderSection replace(String name, String body) {
        List<HeaderField> copy = new ArrayList<>();
        boolean done = false;
        for (HeaderField f : fields) {
            if (!f.hasName(name)) {
                copy.add(f);
            } else if (!done) {
                copy.add(new HeaderField(f.name(), body));
                done = true;
            }
        }
        if (!done) {
            copy.add(new HeaderField(name, body));
        }
        return new HeaderSection(copy);
    }
}
