package org.spoolmail.kernel.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of {@code --since} or {@code --until} as an instant. Accepted forms, all in UTC unless they carry an
 * offset, since audit records and their day files are in UTC:
 * <ul>
 *   <li>an ISO-8601 instant or date-time with offset: {@code 2026-12-04T10:15:00Z}, {@code 2026-12-04T11:15+01:00};</li>
 *   <li>a date-time without offset, read as UTC: {@code 2026-12-04T10:15};</li>
 *   <li>a date: {@code 2026-12-04}, the start of that day for {@code --since} and the end of it for
 *       {@code --until}, so {@code --since D --until D} is the whole day;</li>
 *   <li>an age before now: a number and a unit, {@code 90s}, {@code 30m}, {@code 2h}, {@code 7d}.</li>
 * </ul>
 * {@code --since} includes its instant; {@code --until} excludes it.
 */
final class TimeBound {

    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhd])");

    private TimeBound() {
    }

    /**
     * @param text the value as given
     * @param until true for {@code --until}: a date means the end of that day
     * @param clock the clock ages count back from
     * @return the instant
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    static Instant parse(String text, boolean until, Clock clock) {
        Matcher age = AGE.matcher(text);
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            Duration d = switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return clock.instant().minus(d);
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (until ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: give an ISO-8601 instant"
                    + " (2026-12-04T10:15:00Z), a date (2026-12-04, UTC) or an age (90s, 30m, 2h, 7d)");
        }
    }
}
