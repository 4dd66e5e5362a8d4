package org.spoolmail.kernel.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.spoolmail.exits.mail.AddressPattern;

/**
 * What {@code spoolmail audit} asks for: every criterion given must hold (AND); none given matches every record.
 *
 * <ul>
 *   <li>{@code user}: the submitter's user ID, an {@link AddressPattern} ({@code *}, {@code ?}, case ignored);</li>
 *   <li>{@code job}: the job name or the job ID, the same way ({@code PAY*}, {@code JOB04711});</li>
 *   <li>{@code sender}: the reverse-path, as sent or as parsed before an exit replaced it ({@link AddressFilter});</li>
 *   <li>{@code recipient}: any recipient, whatever its status (accepted, deferred, refused, dropped);</li>
 *   <li>{@code queueId}: the queue ID, exactly;</li>
 *   <li>{@code since} (included) and {@code until} (excluded): the record's time;</li>
 *   <li>{@code outcomes}: one of these outcomes (DELIVERED, DEFERRED, REJECTED, HELD, DISCARDED; DELETED for a bad
 *       spool file the spool server deleted).</li>
 * </ul>
 *
 * @param user the user ID pattern
 * @param job the job name or job ID pattern
 * @param sender the reverse-path filter
 * @param recipient the recipient filter
 * @param queueId the queue ID
 * @param since the first instant included
 * @param until the first instant excluded
 * @param outcomes the outcomes, upper case; empty for any
 */
public record AuditFilter(Optional<AddressPattern> user, Optional<AddressPattern> job, Optional<AddressFilter> sender,
        Optional<AddressFilter> recipient, Optional<String> queueId, Optional<Instant> since, Optional<Instant> until,
        Set<String> outcomes) {

    /** The outcomes an audit record can have, in the order help texts list them. */
    public static final List<String> OUTCOMES = List.of("DELIVERED", "DEFERRED", "REJECTED", "HELD", "DISCARDED",
            "DELETED");

    /** Copies the set. */
    public AuditFilter {
        outcomes = Set.copyOf(outcomes);
    }

    /**
     * Makes a filter from the command's option values, checking each.
     *
     * @param values option name (without {@code --}) to value: {@code user}, {@code job}, {@code sender},
     *     {@code recipient}, {@code queue-id}, {@code since}, {@code until}, {@code outcome} (comma-separated)
     * @param clock the clock ages such as {@code 2h} count back from
     * @return the filter
     * @throws IllegalArgumentException naming the first bad option and why, e.g. {@code --since: '2h ago' is not a
     *     time: ...}
     */
    public static AuditFilter of(Map<String, String> values, Clock clock) {
        Optional<Instant> since = option(values, "since", v -> TimeBound.parse(v, false, clock));
        Optional<Instant> until = option(values, "until", v -> TimeBound.parse(v, true, clock));
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw new IllegalArgumentException("--since " + values.get("since") + " is not before --until "
                    + values.get("until"));
        }
        Set<String> outcomes = option(values, "outcome", AuditFilter::outcomes).orElse(Set.of());
        return new AuditFilter(option(values, "user", AddressPattern::of), option(values, "job", AddressPattern::of),
                option(values, "sender", v -> AddressFilter.of(v, true)),
                option(values, "recipient", v -> AddressFilter.of(v, false)), option(values, "queue-id", v -> v),
                since, until, outcomes);
    }

    private static <T> Optional<T> option(Map<String, String> values, String name, Function<String, T> parse) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> outcomes(String list) {
        Set<String> outcomes = new TreeSet<>();
        for (String word : list.split(",", -1)) {
            String outcome = word.strip().toUpperCase(Locale.ROOT);
            if (!OUTCOMES.contains(outcome)) {
                throw new IllegalArgumentException("'" + word + "' is not an outcome: give one or more of "
                        + String.join(", ", OUTCOMES) + ", separated by commas");
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /**
     * @param entry a record
     * @return true if every criterion holds
     */
    public boolean matches(AuditEntry entry) {
        return (since.isEmpty() || !entry.time().isBefore(since.get()))
                && (until.isEmpty() || entry.time().isBefore(until.get()))
                && (outcomes.isEmpty() || outcomes.contains(entry.outcome()))
                && (queueId.isEmpty() || queueId.get().equals(entry.queueId()))
                && (user.isEmpty() || entry.userId().filter(user.get()::matches).isPresent())
                && (job.isEmpty() || entry.jobName().map(AuditEntry.Fact::value).filter(job.get()::matches).isPresent()
                        || entry.jobId().filter(job.get()::matches).isPresent())
                && (sender.isEmpty() || sender.get().matches(entry.reversePath())
                        || sender.get().matches(entry.originalReversePath()))
                && (recipient.isEmpty() || entry.recipients().stream()
                        .anyMatch(r -> recipient.get().matches(r.address())));
    }

    /**
     * @param day a day (UTC) of the audit files
     * @return false when no record of that day can match the time criteria, so its file need not be opened
     */
    public boolean mayMatchDay(LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return (since.isEmpty() || since.get().isBefore(end)) && (until.isEmpty() || until.get().isAfter(start));
    }
}
