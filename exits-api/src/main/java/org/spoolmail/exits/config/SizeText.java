package org.spoolmail.exits.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a size with a unit into octets for {@link ConfigKey#size}. Binary units (IEC 80000-13: {@code KiB},
 * {@code MiB}, {@code GiB}, 1024-based) are read in any case, as no other unit is spelled that way. Decimal units
 * (SI, 1000-based) are read as written: {@code B}, {@code KB} or {@code kB}, {@code MB}, {@code GB}; other cases
 * are ambiguous ({@code b} and {@code Mb} are bits, {@code mB} is milli) and refused. A blank may stand between the
 * number and the unit ({@code 10 MiB}).
 */
final class SizeText {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([A-Za-z]+)");
    private static final Map<String, Long> DECIMAL = Map.of("B", 1L, "KB", 1000L, "kB", 1000L,
            "MB", 1000L * 1000, "GB", 1000L * 1000 * 1000);
    private static final Map<String, Long> BINARY = Map.of("kib", 1024L, "mib", 1024L * 1024,
            "gib", 1024L * 1024 * 1024);

    private SizeText() {
    }

    /**
     * Converts a size.
     *
     * @param text the stripped value, e.g. {@code 10MiB}, {@code 10 mib}, {@code 64kB}
     * @return the size in octets
     * @throws IllegalArgumentException naming the value when it has no known unit or does not fit a long
     */
    static long octets(String text) {
        Matcher m = SIZE.matcher(text);
        Optional<Long> unit = m.matches() ? unit(m.group(2)) : Optional.empty();
        if (unit.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a size with a unit (512B, 64KiB, 10MiB)");
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit.get());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large", e);
        }
    }

    private static Optional<Long> unit(String unit) {
        Long decimal = DECIMAL.get(unit);
        return decimal != null ? Optional.of(decimal)
                : Optional.ofNullable(BINARY.get(unit.toLowerCase(Locale.ROOT)));
    }
}
