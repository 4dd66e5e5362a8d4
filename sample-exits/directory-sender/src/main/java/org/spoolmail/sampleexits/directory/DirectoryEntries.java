package org.spoolmail.sampleexits.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.spoolmail.exits.mail.AddressPattern;
import org.spoolmail.exits.mail.Mailbox;

/**
 * Reads the {@code entries} table of pipeline.yaml into typed {@link DirectoryEntry} rows. Each problem names the
 * entry by its index, as {@code entries[1]: send-as is missing}, so a security administrator finds the row.
 */
final class DirectoryEntries {

    private static final Set<String> KEYS = Set.of("user", "job", "send-as", "display-name");

    private DirectoryEntries() {
    }

    /**
     * Converts the raw value.
     *
     * @param raw the loaded YAML: a list of mappings
     * @return the rows in order
     * @throws IllegalArgumentException naming the entry and the reason, if the shape or a value is wrong
     */
    static List<DirectoryEntry> parse(Object raw) {
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a list of entries, got " + describe(raw));
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(list.get(i), "entries[" + i + "]"));
        }
        return List.copyOf(entries);
    }

    private static DirectoryEntry entry(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": expected a mapping with user, job and send-as, got "
                    + describe(raw));
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (known: user, job, send-as, display-name)");
            }
        }
        String user = single(map.get("user"), where, "user");
        Optional<AddressPattern> job = map.containsKey("job")
                ? Optional.of(jobPattern(single(map.get("job"), where, "job"), where)) : Optional.empty();
        Optional<String> displayName = map.containsKey("display-name")
                ? Optional.of(displayName(single(map.get("display-name"), where, "display-name"), where))
                : Optional.empty();
        return new DirectoryEntry(user, job, sendAs(map.get("send-as"), where), displayName);
    }

    private static String displayName(String text, String where) {
        if (text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) {
            throw new IllegalArgumentException(where + ": display-name must not hold a line separator");
        }
        return text;
    }

    private static AddressPattern jobPattern(String text, String where) {
        try {
            return AddressPattern.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".job: " + e.getMessage(), e);
        }
    }

    private static List<AddressPattern> sendAs(Object raw, String where) {
        if (raw == null) {
            throw new IllegalArgumentException(where + ": send-as is missing");
        }
        List<?> values = raw instanceof List<?> list ? list : List.of(raw);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(where + ": send-as is empty");
        }
        List<AddressPattern> patterns = new ArrayList<>();
        for (int j = 0; j < values.size(); j++) {
            String pattern = single(values.get(j), where, "send-as[" + j + "]");
            try {
                Mailbox.parse(pattern.replace('*', 'x').replace('?', 'x')); // wildcards stand for letters
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".send-as[" + j + "]: '" + pattern
                        + "' is not an address pattern: " + e.getMessage(), e);
            }
            patterns.add(AddressPattern.of(pattern));
        }
        return patterns;
    }

    private static String single(Object raw, String where, String key) {
        if (raw == null) {
            throw new IllegalArgumentException(where + ": " + key + " is missing");
        }
        if (!(raw instanceof String || raw instanceof Number)) {
            throw new IllegalArgumentException(where + ": " + key + " must be a single value, got " + describe(raw));
        }
        String value = raw.toString().strip();
        if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))) {
            throw new IllegalArgumentException(where + ": " + key + " must be printable and not empty");
        }
        return value;
    }

    private static String describe(Object raw) {
        return raw instanceof List ? "a list" : raw instanceof Map ? "a mapping" : "'" + raw + "'";
    }
}
