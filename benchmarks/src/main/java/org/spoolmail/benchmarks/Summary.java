package org.spoolmail.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run side by side: each of spoolmail's, the peer's in the same run, the ratio and the target. */
final class Summary {

    /**
     * One line of the summary.
     *
     * @param figure what was measured, with its unit
     * @param ours spoolmail's figure
     * @param peer the peer's name and figure
     * @param ratio spoolmail's figure to the peer's (for times, spoolmail's time over the peer's)
     * @param target the target, e.g. {@code >= 1.00}; empty when there is none
     * @param met whether the ratio meets it
     */
    record Row(String figure, String ours, String peer, double ratio, String target, boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(String figure, String ours, String peer, double ratio, String target, boolean met) {
        rows.add(new Row(figure, ours, peer, ratio, target, met));
    }

    /** Adds a line with a ratio but no target (shown for comparison only). */
    synchronized void inform(String figure, String ours, String peer, double ratio) {
        rows.add(new Row(figure, ours, peer, ratio, "", true));
    }

    synchronized void print() {
        System.out.println();
        System.out.println("Summary (ratios within this run; load average now " + loadAverage() + ")");
        System.out.printf("%-44s %12s %-26s %7s %8s %4s%n", "figure", "spoolmail", "peer", "ratio", "target", "met");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-44s %12s %-26s %7.2f %8s %4s%n", r.figure(), r.ours(), r.peer(),
                    r.ratio(), r.target(), r.target().isEmpty() ? "" : r.met() ? "yes" : "NO");
        }
    }

    /** @return the 1, 5 and 15 minute load averages of the machine, as {@code uptime} shows them */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
