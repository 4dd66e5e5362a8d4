package com.example.mailexits.freeze;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.pf4j.Extension;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.config.StageConfig;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * Example Corp's year-end change freeze: from {@code first-day} to {@code last-day} (inclusive, in {@code zone})
 * batch mail is deferred with {@code 451 4.3.2}, unless the established OS user ID is one of {@code exempt-users}.
 * Outside the freeze the routine has no objection.
 *
 * <pre>{@code
 * - exit: verify-sender
 *   routines: [holiday-freeze]
 *   config:
 *     holiday-freeze:
 *       first-day: 2026-12-24
 *       last-day: 2026-12-26
 *       zone: Europe/Berlin       # default UTC
 *       exempt-users: [OPS]       # compared ignoring case; only an established user ID counts
 * }</pre>
 */
@Extension
@StageName("holiday-freeze")
public class HolidayFreezeExit implements MailExit {

    static final ConfigKey<LocalDate> FIRST_DAY = date("first-day");
    static final ConfigKey<LocalDate> LAST_DAY = date("last-day");
    static final ConfigKey<ZoneId> ZONE = new ConfigKey<>("zone", java.util.Optional.of(ZoneOffset.UTC), false,
            "a time zone such as Europe/Berlin", raw -> ZoneId.of(String.valueOf(raw).strip()));
    static final ConfigKey<List<String>> EXEMPT_USERS = ConfigKey.stringList("exempt-users", List.of());

    // Set once in init, read by decide on any thread: volatile, and never changed per message.
    private volatile LocalDate firstDay;
    private volatile LocalDate lastDay;
    private volatile Clock clock;
    private volatile Set<String> exemptUsers;

    /** Creates the exit; PF4J calls this. */
    public HolidayFreezeExit() {
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(FIRST_DAY, LAST_DAY, ZONE, EXEMPT_USERS);
    }

    @Override
    public void init(StageContext context) throws PermanentStageException {
        StageConfig config = context.config();
        firstDay = config.get(FIRST_DAY);
        lastDay = config.get(LAST_DAY);
        if (lastDay.isBefore(firstDay)) {
            throw new PermanentStageException("last-day " + lastDay + " is before first-day " + firstDay);
        }
        clock = context.clock().withZone(config.get(ZONE));
        exemptUsers = config.get(EXEMPT_USERS).stream().map(u -> u.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(firstDay) || today.isAfter(lastDay)) {
            return new ExitDecision.Continue("no change freeze on " + today);
        }
        IdentityFact user = mail.identity().userId();
        if (user.established() && exemptUsers.contains(user.value().toUpperCase(Locale.ROOT))) {
            return new ExitDecision.Continue(user.value() + " is exempt from the change freeze");
        }
        return ExitDecision.defer(SmtpReply.of(451, "4.3.2", "batch mail is frozen until " + lastDay),
                "change freeze " + firstDay + " to " + lastDay + ": " + user + " is not exempt");
    }

    private static ConfigKey<LocalDate> date(String name) {
        return new ConfigKey<>(name, java.util.Optional.empty(), true, "a date such as 2026-12-24",
                raw -> LocalDate.parse(String.valueOf(raw).strip()));
    }
}
