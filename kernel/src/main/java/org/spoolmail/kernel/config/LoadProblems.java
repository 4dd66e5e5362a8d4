package org.spoolmail.kernel.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spoolmail.exits.config.ConfigKey;

/**
 * The problems of one pipeline file, each prefixed with the file and its YAML path, collected while the loader reads
 * the whole file, so that every problem is reported at once.
 */
final class LoadProblems {

    private final String file;
    private final List<String> lines = new ArrayList<>();

    LoadProblems(String file) {
        this.file = file;
    }

    void add(String path, String problem) {
        lines.add(file + ": " + path + ": " + problem);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object raw, String path) {
        if (raw instanceof Map<?, ?> m) {
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        add(path, raw == null || "".equals(raw) ? "is empty; expected a mapping" : "expected a mapping");
        return new LinkedHashMap<>();
    }

    void onlyKeys(Map<String, Object> m, Set<String> allowed, String prefix) {
        m.keySet().stream().filter(k -> !allowed.contains(k)).forEach(k -> add(prefix + k,
                "unknown key (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
    }

    <T> T convert(ConfigKey<T> key, Object raw, String path) {
        if (raw == null) {
            return key.defaultValue().orElse(null);
        }
        try {
            return key.convert(raw);
        } catch (RuntimeException e) {
            add(path, e.getMessage() + " (expected " + key.description() + ")");
            return key.defaultValue().orElse(null);
        }
    }

    /** @return the problems so far, one line each */
    List<String> lines() {
        return List.copyOf(lines);
    }

    void throwIfAny() throws ConfigException {
        if (!lines.isEmpty()) {
            throw new ConfigException(lines);
        }
    }
}
