package org.spoolmail.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Start-up (issue 11, target 3): one small message through {@code spoolmail send} (a control-statement deck, the
 * whole pipeline, deliver-smtp) against a bare Java program that sends it with Jakarta Mail
 * ({@link JakartaMailProgram}), both in fresh JVMs with default options, to the same {@link DiscardSink}. One
 * unmeasured run of each first (file cache), then {@code runs} of each, alternating; the figure is the median wall
 * time from process start to exit. Target: spoolmail within 1.5x the peer's time.
 */
final class Startup {

    private Startup() {
    }

    static void run(Path dist, Path work, int runs, Summary summary) throws Exception {
        ChildJvm jvm = new ChildJvm(work);
        try (DiscardSink sink = new DiscardSink(0, false)) {
            SpoolmailRun spoolmail = new SpoolmailRun(dist, work);
            List<String> ours = spoolmail.program(spoolmail.prepare("small", sink.port(), Optional.empty()));
            List<String> peer = List.of("-cp", ChildJvm.ownClassPath(),
                    JakartaMailProgram.class.getName(), String.valueOf(sink.port()));
            Samples oursRuns = new Samples();
            Samples peerRuns = new Samples();
            for (int i = -1; i < runs; i++) {
                oursRuns.add(jvm.runLauncher("spoolmail", List.of(), ours), sink, i >= 0);
                peerRuns.add(jvm.run("jakarta", List.of(), peer), sink, i >= 0);
            }
            System.out.printf("Start-up: one small message to a discarding sink on 127.0.0.1, fresh JVMs, median of %d"
                    + " runs (seconds of wall time); load average %s%n", runs, Summary.loadAverage());
            System.out.printf("%-14s %10s %10s %10s %14s%n", "program", "median", "min", "max", "peak RSS MiB");
            System.out.println(oursRuns.row("spoolmail"));
            System.out.println(peerRuns.row("jakarta-mail"));
            double ratio = median(oursRuns.seconds) / median(peerRuns.seconds);
            summary.add("start-up, one small message (s, median)", String.format(Locale.ROOT, "%.3f",
                    median(oursRuns.seconds)), String.format(Locale.ROOT, "jakarta-mail %.3f",
                    median(peerRuns.seconds)), ratio, "<= 1.50", ratio <= 1.5);
        }
    }

    /** One program's measured runs. */
    private static final class Samples {
        private final List<Double> seconds = new ArrayList<>();
        private long rssKiB;

        /** Notes a run (unless it is the warm-up) after checking that the sink got its message. */
        void add(ChildJvm.Result run, DiscardSink sink, boolean measured) {
            sink.takeLast();
            if (measured) {
                seconds.add(run.seconds());
                rssKiB = Math.max(rssKiB, run.peakRssKiB());
            }
        }

        String row(String name) {
            return String.format(Locale.ROOT, "%-14s %10.3f %10.3f %10.3f %14d", name, median(seconds),
                    Collections.min(seconds), Collections.max(seconds), rssKiB / 1024);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
