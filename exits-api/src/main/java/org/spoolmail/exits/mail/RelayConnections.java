package org.spoolmail.exits.mail;

/**
 * How many connections a delivering stage holds to its relays at one instant, for a running spool server's status
 * line. Immutable.
 *
 * @param open the connections open now: those carrying a transaction plus those kept idle for reuse; never negative
 * @param pooled the open connections kept idle for the next mail object (deliver-smtp's {@code connection-idle});
 *     never negative and never more than {@code open}
 * @since 1.0.0
 */
public record RelayConnections(int open, int pooled) {

    /**
     * Checks the counts.
     *
     * @param open the connections open now
     * @param pooled the open connections kept idle
     * @throws IllegalArgumentException if a count is negative or {@code pooled} exceeds {@code open}
     */
    public RelayConnections {
        if (open < 0 || pooled < 0 || pooled > open) {
            throw new IllegalArgumentException("relay connections: open " + open + ", pooled " + pooled);
        }
    }

    /**
     * @param other another stage's counts
     * @return the sum of both, for a pipeline with more than one delivering stage
     */
    public RelayConnections plus(RelayConnections other) {
        return new RelayConnections(open + other.open, pooled + other.pooled);
    }
}
