package org.spoolmail.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What else the machine did during a round, for figures taken on a shared machine: the 1-minute load average
 * (/proc/loadavg) sampled while the round runs, and the CPU time a process (an instance, the broker) spent.
 */
final class MachineLoad {

    private double lowest = Double.MAX_VALUE;
    private double highest;

    /** Takes one sample of the 1-minute load average. */
    void sample() {
        try {
            double now = Double.parseDouble(Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .split(" ")[0]);
            lowest = Math.min(lowest, now);
            highest = Math.max(highest, now);
        } catch (IOException | NumberFormatException e) {
            // no /proc (not Linux): the figure is then shown as unknown
        }
    }

    /** @return e.g. {@code 3.1-5.4}, or {@code ?} without samples */
    String range() {
        return highest == 0 ? "?" : String.format("%.1f-%.1f", lowest, highest);
    }

    /**
     * @param pid a process of this machine
     * @return its CPU time (user and system) so far, if the OS tells
     */
    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /**
     * @param instance the broker instance folder ({@code SPOOLMAIL_ARTEMIS_INSTANCE}), whose data/artemis.pid names
     *     the broker's process
     * @return the broker's process ID, when it runs on this machine
     */
    static Optional<Long> brokerPid(String instance) {
        try {
            return instance == null ? Optional.empty() : Optional.of(Long.parseLong(Files.readString(
                    Path.of(instance, "data", "artemis.pid"), StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
