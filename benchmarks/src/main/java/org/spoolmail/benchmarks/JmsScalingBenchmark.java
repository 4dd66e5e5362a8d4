package org.spoolmail.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the JMS spool with 1, 2 and 3 {@code spoolmail spool} processes (the built distribution, 4 workers
 * each) on one standalone Artemis broker ({@code eval "$(.ci/artemis-setup)"}), delivering to {@link DiscardSink}:
 * for each count, N items are submitted to a fresh queue with {@code spoolmail submit} (not timed), the instances
 * are started, and the time from their start to the sink's last message gives messages per second (start-up of the
 * instances included, as an operator who starts them sees it). Prints the figures and the ratios to one instance.
 * Usage: {@code benchmarks/jms-scaling [items] [max-instances]}.
 */
public final class JmsScalingBenchmark {

    private JmsScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String url = require("SPOOLMAIL_ARTEMIS_URL");
        Path dist = Path.of("kernel/target/dist").toAbsolutePath();
        Map<Integer, Double> rates = new LinkedHashMap<>();
        try (DiscardSink sink = new DiscardSink(0, false)) {
            for (int n = 1; n <= max; n++) {
                Path work = Files.createTempDirectory("spoolmail-bench-jms-" + n + "-");
                Path pipeline = pipeline(work, sink.port(), url);
                Path input = work.resolve("batch.smtp");
                Files.writeString(input, datastream(items), StandardCharsets.ISO_8859_1);
                run(dist, work, "submit", "-c", pipeline.toString(), input.toString());
                long before = sink.messages();
                long t0 = System.nanoTime();
                List<Process> instances = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    instances.add(start(dist, work, i, "spool", "-c", pipeline.toString()));
                }
                while (sink.messages() - before < items) {
                    Thread.sleep(10);
                    for (Process p : instances) {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("an instance ended early; see " + work);
                        }
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                for (Process p : instances) {
                    p.destroy();
                    p.waitFor(60, TimeUnit.SECONDS);
                }
                rates.put(n, items / seconds);
                System.out.printf("%d instance(s): %d messages in %.1f s%n", n, items, seconds);
            }
        }
        System.out.printf("JMS spool scaling, %d items of one recipient each, 4 workers per instance, Artemis on "
                + "127.0.0.1, discarding sink (messages/s)%n", items);
        System.out.println("instances     msgs/s   vs 1 instance");
        rates.forEach((n, r) -> System.out.printf("%9d %10.0f %15.2f%n", n, r, r / rates.get(1)));
    }

    private static Path pipeline(Path work, int port, String url) throws IOException {
        Path cred = work.resolve("broker.cred");
        Files.writeString(cred, "user=" + require("SPOOLMAIL_ARTEMIS_USER") + "\npassword="
                + require("SPOOLMAIL_ARTEMIS_PASSWORD") + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(cred, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path file = work.resolve("pipeline.yaml");
        Files.writeString(file, SpoolmailRun.pipeline(List.of("input: {ccsid: \"819\", records: lf}",
                "spool: {type: jms, url: \"" + url + "\", queue: \"bench-" + UUID.randomUUID() + "\","
                        + " credentials-file: broker.cred, workers: \"4\", poll-interval: 200ms}"),
                "smtp-datastream", port), StandardCharsets.UTF_8);
        return file;
    }

    private static String datastream(int items) {
        StringBuilder b = new StringBuilder("HELO batch\n");
        for (int i = 0; i < items; i++) {
            b.append("MAIL FROM:<batch@example.com>\nRCPT TO:<ops@example.com>\nDATA\nSubject: item ").append(i)
                    .append("\n\n").append("x".repeat(70).concat("\n").repeat(50)).append(".\n");
        }
        return b.append("QUIT\n").toString();
    }

    private static void run(Path dist, Path work, String... args) throws Exception {
        Process p = start(dist, work, -1, args);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed; see " + work);
        }
    }

    private static Process start(Path dist, Path work, int instance, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dspoolmail.home=" + dist, "-cp", dist.resolve("lib") + "/*", "org.spoolmail.kernel.cli.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--plugins", dist.resolve("plugins").toString()));
        Path log = work.resolve((instance < 0 ? args[0] : "spool-" + instance) + ".log");
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static String require(String name) {
        String v = System.getenv(name);
        if (v == null) {
            throw new IllegalStateException(name + " is not set: eval \"$(.ci/artemis-setup)\" first");
        }
        return v;
    }
}
