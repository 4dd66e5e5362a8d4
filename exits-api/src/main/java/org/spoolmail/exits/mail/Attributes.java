package org.spoolmail.exits.mail;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Named values that stages attach to a mail object for later stages, such as the queue ID or the input's
 * record count. Immutable; keys are kebab-case by convention and sorted.
 *
 * @param values keys to values
 * @since 1.0.0
 */
public record Attributes(Map<String, String> values) {

    /** No attributes. */
    public static final Attributes EMPTY = new Attributes(Map.of());

    /**
     * Copies the map.
     *
     * @param values keys to values
     * @throws NullPointerException if a key or value is null
     */
    public Attributes {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * Returns a value.
     *
     * @param key the key
     * @return the value, or empty if absent
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Returns these attributes with one set.
     *
     * @param key the key
     * @param value the value
     * @return new attributes
     */
    public Attributes with(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Attributes(copy);
    }
}
