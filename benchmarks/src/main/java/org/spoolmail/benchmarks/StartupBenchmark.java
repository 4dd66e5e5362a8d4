package org.spoolmail.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Start-up: one small message through {@code spoolmail send} (a control-statement deck, the whole pipeline,
 * deliver-smtp) against a bare Java program that sends it with Jakarta Mail ({@link JakartaMailProgram}), both in
 * fresh JVMs with default options, to the same {@link DiscardSink}. One unmeasured run of each first (file cache),
 * then {@code runs} of each, alternating; the figure is the median wall time. DESIGN.md's target: spoolmail within
 * 1.5x the peer's time.
 *
 * <p>Usage: {@code benchmarks/startup [runs]} (default 11).
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        Path work = Files.createTempDirectory("spoolmail-bench-start-");
        ChildJvm jvm = new ChildJvm(work);
        try (DiscardSink sink = new DiscardSink(0, false)) {
            SpoolmailRun spoolmail = new SpoolmailRun(Path.of("kernel/target/dist"), work);
            List<String> ours = spoolmail.program(spoolmail.prepare("small", sink.port(), Optional.empty()));
            List<String> peer = List.of("-cp", System.getProperty("java.class.path"),
                    JakartaMailProgram.class.getName(), String.valueOf(sink.port()));
            Samples oursRuns = new Samples();
            Samples peerRuns = new Samples();
            for (int i = -1; i < runs; i++) {
                oursRuns.add(jvm.run("spoolmail", List.of(), ours), sink, i >= 0);
                peerRuns.add(jvm.run("jakarta", List.of(), peer), sink, i >= 0);
            }
            System.out.printf("Start-up: one small message to a discarding sink on 127.0.0.1, fresh JVMs, median of %d"
                    + " runs (seconds of wall time)%n", runs);
            System.out.printf("%-14s %10s %10s %10s %14s%n", "program", "median", "min", "max", "peak RSS MiB");
            System.out.println(oursRuns.row("spoolmail"));
            System.out.println(peerRuns.row("jakarta-mail"));
            System.out.printf(Locale.ROOT, "spoolmail / jakarta-mail: %.2f; target 1.50 or less%n",
                    median(oursRuns.seconds) / median(peerRuns.seconds));
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
