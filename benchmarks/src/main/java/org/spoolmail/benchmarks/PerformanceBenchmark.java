package org.spoolmail.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 11's benchmark: the four figures (throughput, memory, start-up, growth) measured in one run on this
 * machine, each against its peer in the same run, then printed side by side with their ratios and targets.
 *
 * <p>Usage (through {@code benchmarks/run}, which builds and installs what is needed): {@code [--quick]
 * [throughput] [memory] [startup] [growth]} (default: all four). {@code --quick} measures smaller amounts (2,000
 * messages; 16 and 128 MiB; 5 start-ups; 1,000 and 5,000 items) to try the benchmark (18 minutes on this 2-core machine at load average 15 to 34).
 */
public final class PerformanceBenchmark {

    private static final int SINK_PORT = 25251;

    private PerformanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        List<String> sections = new ArrayList<>(List.of(args));
        sections.remove("--quick");
        if (sections.isEmpty()) {
            sections.addAll(List.of("throughput", "memory", "startup", "growth"));
        }
        Path dist = Path.of("kernel/target/dist").toAbsolutePath();
        Path work = Files.createTempDirectory("spoolmail-bench-");
        System.out.printf("spoolmail performance benchmark (issue 11), %s, commit %s, %d cores, %s mode%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), System.getenv().getOrDefault("BENCH_COMMIT", "?"),
                Runtime.getRuntime().availableProcessors(), quick ? "quick" : "full");
        System.out.printf("java %s; load average at the start %s; work folder %s%n%n",
                System.getProperty("java.version"), Summary.loadAverage(), work);
        Summary summary = new Summary();
        Process sink = sections.contains("throughput") || sections.contains("growth")
                ? SmtpPeers.startSink(SINK_PORT) : null;
        try {
            for (String section : sections) {
                switch (section) {
                    case "throughput" -> Throughput.run(dist, work, SINK_PORT, quick ? 2_000 : 20_000, summary);
                    case "memory" -> LargeAttachment.run(dist, work, quick ? List.of(16L, 128L)
                            : List.of(16L, 256L, 1024L), quick ? 1 : 3, summary);
                    case "startup" -> Startup.run(dist, work, quick ? 5 : 11, summary);
                    case "growth" -> Growth.run(dist, work, SINK_PORT, quick ? List.of(1_000, 5_000)
                            : List.of(1_000, 10_000, 100_000), summary);
                    default -> throw new IllegalArgumentException("unknown section " + section
                            + ": expected throughput, memory, startup or growth");
                }
                System.out.println();
            }
        } finally {
            if (sink != null) {
                sink.destroy();
                sink.waitFor();
            }
        }
        summary.print();
        SpoolDrain.deleteTree(work);
    }
}
