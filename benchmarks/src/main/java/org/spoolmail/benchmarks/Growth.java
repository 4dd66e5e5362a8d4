package org.spoolmail.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Growth (issue 11, target 4): drain time of 1,000, 10,000 and 100,000 queued items with 4 workers (as
 * {@link Throughput} drains them, into the same smtp-sink), and the cost per message once the fixed cost of a
 * {@code spool --once} run (JVM, kernel and plugins start-up: the drain of a single item) is taken off. Target: the
 * per-message cost stays flat, within 1.25x of the smallest queue's, so nothing scans the queue per message.
 */
final class Growth {

    private static final int WORKERS = 4;

    private Growth() {
    }

    static void run(Path dist, Path work, int sinkPort, List<Integer> sizes, Summary summary) throws Exception {
        SpoolDrain spool = new SpoolDrain(dist, work, sinkPort);
        double fixed = spool.drain(spool.fill(1), WORKERS).seconds();
        System.out.printf(Locale.ROOT, "Growth: drain with %d workers of queues of each size into smtp-sink on"
                + " 127.0.0.1; fixed cost (a queue of one item) %.2f s%n", WORKERS, fixed);
        System.out.printf("%10s %12s %12s %14s %12s %14s   %s%n", "items", "fill s", "drain s", "ms/message",
                "vs first", "CPU ms/message", "load average");
        double first = 0;
        for (int items : sizes) {
            SpoolDrain.Queued queued = spool.fill(items);
            SpoolDrain.Drain drain = spool.drain(queued, WORKERS);
            double perMessage = Math.max(drain.seconds() - fixed, 0) / (items - 1) * 1000;
            first = first == 0 ? perMessage : first;
            System.out.printf(Locale.ROOT, "%10d %12.1f %12.2f %14.3f %12.2f %14.3f   %s%n", items,
                    queued.submitSeconds() + queued.takeInSeconds(), drain.seconds(), perMessage, perMessage / first,
                    drain.cpuMillisPerMessage(), Summary.loadAverage());
            SpoolDrain.deleteTree(queued.folder());
            if (items != sizes.get(0)) {
                summary.add(String.format(Locale.ROOT, "growth, ms/message at %,d vs %,d", items, sizes.get(0)),
                        String.format(Locale.ROOT, "%.3f", perMessage), String.format(Locale.ROOT, "itself %.3f",
                                first), perMessage / first, "<= 1.25", perMessage <= first * 1.25);
            }
        }
    }
}
