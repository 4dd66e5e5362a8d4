package org.spoolmail.kernel.spool;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a running server did since it started, for its status line; thread-safe. */
public final class SpoolCounters {

    final AtomicLong delivered = new AtomicLong();
    final AtomicLong deferred = new AtomicLong();
    final AtomicLong held = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();

    /** @return e.g. {@code delivered 12, deferred 1, held 0, failed 0, in flight 3} */
    @Override
    public String toString() {
        return "delivered " + delivered + ", deferred " + deferred + ", held " + held + ", failed " + failed
                + ", in flight " + inFlight;
    }
}
