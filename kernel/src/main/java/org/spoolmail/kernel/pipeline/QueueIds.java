package org.spoolmail.kernel.pipeline;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes queue IDs that sort by time and are unique across processes: {@code 20261130T090000-3f9a1c-0001}
 * (UTC time, a random per-process tag, a sequence number). They name outbox files and audit records.
 */
public final class QueueIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final String tag = String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    private final AtomicLong sequence = new AtomicLong();

    /** @param clock the clock for the time part */
    public QueueIds(Clock clock) {
        this.clock = clock;
    }

    /** @return a new queue ID */
    public String next() {
        return STAMP.format(clock.instant()) + "-" + tag + "-" + String.format("%04d", sequence.incrementAndGet());
    }
}
