package org.spoolmail.exits.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * One configuration key a stage declares in its schema, with its type, default and description, in the manner of
 * Logstash's {@code PluginConfigSpec}. Stages read values only through keys: {@code config.get(TIMEOUT)}.
 *
 * <p>Values arrive from pipeline.yaml as text (the kernel resolves no YAML 1.1 types, so {@code NO} stays "NO" and
 * {@code 01141} stays "01141"); each key converts and checks its value. Durations need a unit ({@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 2h}); sizes too ({@code 512B}, {@code 64KiB}, {@code 10MiB}, {@code 1GiB},
 * {@code 10MB}); a bare number there is an error.
 *
 * @param <T> the value type
 * @param name the kebab-case key
 * @param defaultValue the value when the key is absent; empty for a required or optional-without-default key
 * @param required true if pipeline.yaml must give the key
 * @param description one line for {@code spoolmail plugins} and error messages, e.g. "a duration such as 30s"
 * @param converter turns the raw YAML value into {@code T}; throws IllegalArgumentException with a reason
 * @since 1.0.0
 */
public record ConfigKey<T>(String name, Optional<T> defaultValue, boolean required, String description,
        Function<Object, T> converter) {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    /**
     * Checks the components.
     *
     * @param name the kebab-case key
     * @param defaultValue the value when the key is absent; empty for a required or optional-without-default key
     * @param required true if pipeline.yaml must give the key
     * @param description one line for {@code spoolmail plugins} and error messages, e.g. "a duration such as 30s"
     * @param converter turns the raw YAML value into {@code T}; throws IllegalArgumentException with a reason
     * @throws IllegalArgumentException if the name is not kebab-case or a required key has a default
     */
    public ConfigKey {
        if (name == null || !KEBAB.matcher(name).matches()) {
            throw new IllegalArgumentException("config key '" + name + "' is not kebab-case");
        }
        java.util.Objects.requireNonNull(defaultValue, "defaultValue");
        java.util.Objects.requireNonNull(description, "description");
        java.util.Objects.requireNonNull(converter, "converter");
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("required key " + name + " cannot have a default");
        }
    }

    /**
     * Converts a raw value from pipeline.yaml.
     *
     * @param raw the value as loaded: a String, List or Map (tests may pass numbers and booleans)
     * @return the typed value
     * @throws IllegalArgumentException with a reason a user can act on, if the value does not fit
     */
    public T convert(Object raw) {
        return converter.apply(raw);
    }

    /**
     * Returns this key made required (no default).
     *
     * @return a required key
     */
    public ConfigKey<T> asRequired() {
        return new ConfigKey<>(name, Optional.empty(), true, description, converter);
    }

    /**
     * A text key.
     *
     * @param name the key
     * @param defaultValue the default, or null for none
     * @return the key
     */
    public static ConfigKey<String> string(String name, String defaultValue) {
        return new ConfigKey<>(name, Optional.ofNullable(defaultValue), false, "text", ConfigKey::text);
    }

    /**
     * A key whose value is one of a fixed set of words, compared ignoring case and returned in lower case. A
     * value outside the set fails with {@code 'no' is not allowed}; the list of words is in the key's description,
     * which configuration errors add ({@code (expected one of required, opportunistic, off)}), so it is not
     * repeated.
     *
     * @param name the key
     * @param defaultValue the default, or null for none
     * @param allowed the allowed words
     * @return the key
     */
    public static ConfigKey<String> oneOf(String name, String defaultValue, String... allowed) {
        List<String> words = List.of(allowed);
        return new ConfigKey<>(name, Optional.ofNullable(defaultValue), false, "one of " + String.join(", ", words),
                raw -> {
                    String v = text(raw).toLowerCase(Locale.ROOT);
                    if (!words.contains(v)) {
                        throw new IllegalArgumentException("'" + raw + "' is not allowed");
                    }
                    return v;
                });
    }

    /**
     * A boolean key: {@code true} or {@code false} only (not yes/no/on/off, which YAML 1.1 would misread).
     *
     * @param name the key
     * @param defaultValue the default
     * @return the key
     */
    public static ConfigKey<Boolean> bool(String name, boolean defaultValue) {
        return new ConfigKey<>(name, Optional.of(defaultValue), false, "true or false", raw -> {
            if (raw instanceof Boolean b) {
                return b;
            }
            String v = text(raw);
            if (v.equals("true") || v.equals("false")) {
                return Boolean.valueOf(v);
            }
            throw new IllegalArgumentException("'" + v + "' is not allowed");
        });
    }

    /**
     * An integer key within bounds; decimal digits only.
     *
     * @param name the key
     * @param defaultValue the default, or null for none
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the key
     */
    public static ConfigKey<Integer> integer(String name, Integer defaultValue, int min, int max) {
        return new ConfigKey<>(name, Optional.ofNullable(defaultValue), false, "a number " + min + ".." + max, raw -> {
            String v = text(raw);
            if (!v.matches("-?\\d{1,10}")) {
                throw new IllegalArgumentException("'" + v + "' is not a decimal number");
            }
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new IllegalArgumentException(n + " is outside " + min + ".." + max);
            }
            return (int) n;
        });
    }

    /**
     * A duration key; the value needs a unit: {@code ms}, {@code s}, {@code m} or {@code h}.
     *
     * @param name the key
     * @param defaultValue the default, or null for none
     * @return the key
     */
    public static ConfigKey<Duration> duration(String name, Duration defaultValue) {
        return new ConfigKey<>(name, Optional.ofNullable(defaultValue), false, "a duration such as 30s", raw -> {
            Matcher m = DURATION.matcher(text(raw));
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + raw + "' is not a duration with a unit (500ms, 30s, 5m, 2h)");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        });
    }

    /**
     * A size key in octets; the value needs a unit: {@code B}, {@code KB}/{@code KiB}, {@code MB}/{@code MiB},
     * {@code GB}/{@code GiB} (KB = 1000, KiB = 1024), optionally after a blank ({@code 10 MiB}). The binary units
     * are read in any case ({@code 10mib}); the decimal ones as written, plus {@code kB} (SI), because {@code Mb}
     * or {@code b} would be bits. A value above {@link Long#MAX_VALUE} octets is refused as too large.
     *
     * @param name the key
     * @param defaultOctets the default in octets, or null for none
     * @return the key; its values are octets
     */
    public static ConfigKey<Long> size(String name, Long defaultOctets) {
        return new ConfigKey<>(name, Optional.ofNullable(defaultOctets), false, "a size such as 10MiB",
                raw -> SizeText.octets(text(raw)));
    }

    /**
     * A CCSID key, read as decimal text.
     *
     * @param name the key
     * @param defaultValue the default, or null for none
     * @return the key
     */
    public static ConfigKey<Ccsid> ccsid(String name, Ccsid defaultValue) {
        return new ConfigKey<>(name, Optional.ofNullable(defaultValue), false, "a CCSID such as 1047",
                raw -> Ccsid.parse(text(raw)));
    }

    /**
     * A record format key: {@code fb:80}, {@code vb}, {@code lf}, {@code crlf}, {@code nl}, {@code ebcdic-lf}.
     *
     * @param name the key
     * @param defaultValue the default, or null for none
     * @return the key
     */
    public static ConfigKey<RecordFormat> recordFormat(String name, RecordFormat defaultValue) {
        return new ConfigKey<>(name, Optional.ofNullable(defaultValue), false, "a record format such as fb:80",
                raw -> RecordFormat.parse(text(raw)));
    }

    /**
     * A list of text values; a single value is taken as a list of one.
     *
     * @param name the key
     * @param defaultValue the default, or null for none
     * @return the key
     */
    public static ConfigKey<List<String>> stringList(String name, List<String> defaultValue) {
        return new ConfigKey<>(name, Optional.ofNullable(defaultValue), false, "a list of text values", raw -> {
            if (raw instanceof List<?> list) {
                return list.stream().map(ConfigKey::text).toList();
            }
            return List.of(text(raw));
        });
    }

    /**
     * A nested mapping, for tables such as a directory of users; values are the raw loaded maps, lists and text.
     *
     * @param name the key
     * @return the key, with an empty map as default
     */
    @SuppressWarnings("unchecked")
    public static ConfigKey<Map<String, Object>> map(String name) {
        return new ConfigKey<>(name, Optional.of(Map.of()), false, "a mapping", raw -> {
            if (raw instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw new IllegalArgumentException("expected a mapping, got '" + raw + "'");
        });
    }

    private static String text(Object raw) {
        if (raw instanceof String s) {
            return s.strip();
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new IllegalArgumentException("expected a single value, got " + (raw instanceof List ? "a list"
                : raw instanceof Map ? "a mapping" : String.valueOf(raw)));
    }
}
