package org.spoolmail.exits.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated configuration of one stage or exit routine: every value converted by its {@link ConfigKey}.
 * Immutable and thread-safe.
 *
 * @since 1.0.0
 */
public final class StageConfig {

    /** A configuration with no values. */
    public static final StageConfig EMPTY = new StageConfig(Map.of());

    private final Map<String, Object> values;

    private StageConfig(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks raw values against a schema and collects every problem.
     *
     * @param schema the keys the stage declares
     * @param raw the raw values from pipeline.yaml
     * @param path the YAML path of the mapping, e.g. {@code pipeline[4].config}, used to prefix each problem
     * @return one line per problem (unknown key, missing required key, bad value), empty when valid
     */
    public static List<String> validate(List<ConfigKey<?>> schema, Map<String, Object> raw, String path) {
        List<String> problems = new ArrayList<>();
        Map<String, ConfigKey<?>> byName = byName(schema);
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                problems.add(path + "." + key + ": unknown key (known: " + String.join(", ", byName.keySet()) + ")");
            }
        }
        for (ConfigKey<?> key : schema) {
            Object value = raw.get(key.name());
            if (value == null) {
                if (key.required()) {
                    problems.add(path + "." + key.name() + ": required key is missing (" + key.description() + ")");
                }
                continue;
            }
            try {
                key.convert(value);
            } catch (RuntimeException e) {
                problems.add(path + "." + key.name() + ": " + e.getMessage() + " (expected " + key.description() + ")");
            }
        }
        return problems;
    }

    /**
     * Builds a configuration from raw values.
     *
     * @param schema the keys the stage declares
     * @param raw the raw values
     * @return the configuration, with defaults filled in
     * @throws IllegalArgumentException listing every problem, if {@link #validate} finds any
     */
    public static StageConfig of(List<ConfigKey<?>> schema, Map<String, Object> raw) {
        List<String> problems = validate(schema, raw, "config");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Map<String, Object> values = new HashMap<>();
        for (ConfigKey<?> key : schema) {
            Object value = raw.get(key.name());
            if (value != null) {
                values.put(key.name(), key.convert(value));
            } else {
                key.defaultValue().ifPresent(d -> values.put(key.name(), d));
            }
        }
        return new StageConfig(values);
    }

    /**
     * Returns a key's value, or its default.
     *
     * @param key the key
     * @param <T> the value type
     * @return the value
     * @throws IllegalStateException if the key has no value and no default (declare it required, or use
     *     {@link #find})
     */
    public <T> T get(ConfigKey<T> key) {
        return find(key).orElseThrow(() -> new IllegalStateException("config key " + key.name() + " has no value"));
    }

    /**
     * Returns a key's value or default, if there is one.
     *
     * @param key the key
     * @param <T> the value type
     * @return the value, or empty
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(ConfigKey<T> key) {
        return Optional.ofNullable((T) values.get(key.name()));
    }

    private static Map<String, ConfigKey<?>> byName(List<ConfigKey<?>> schema) {
        Map<String, ConfigKey<?>> m = new java.util.LinkedHashMap<>();
        schema.forEach(k -> m.put(k.name(), k));
        return m;
    }
}
