package org.spoolmail.kernel.cli;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.Ccsid;

/**
 * One config key as {@code spoolmail plugins} shows it, so that a user can discover the values:
 * {@code starttls (one of required, opportunistic, off; default opportunistic)}, {@code directory (text; required)}.
 */
final class KeyDescription {

    private KeyDescription() {
    }

    static String of(ConfigKey<?> key) {
        String tail = key.required() ? "; required"
                : key.defaultValue().map(KeyDescription::value).filter(v -> !v.isEmpty()).map(v -> "; default " + v)
                        .orElse("");
        return key.name() + " (" + key.description() + tail + ")";
    }

    /** A default as pipeline.yaml would write it; empty for an empty list or mapping. */
    private static String value(Object value) {
        if (value instanceof Duration d) {
            return duration(d);
        }
        if (value instanceof Long octets) {
            return size(octets); // only size keys hold longs
        }
        if (value instanceof Ccsid c) {
            return Integer.toString(c.number());
        }
        if (value instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty() ? "" : m.toString();
        }
        return String.valueOf(value);
    }

    private static String size(long octets) {
        if (octets > 0 && octets % (1L << 30) == 0) {
            return (octets >> 30) + "GiB";
        }
        if (octets > 0 && octets % (1L << 20) == 0) {
            return (octets >> 20) + "MiB";
        }
        return octets > 0 && octets % 1024 == 0 ? (octets >> 10) + "KiB" : octets + "B";
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
