package org.spoolmail.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the JMS spool with 1, 2 and 3 {@code spoolmail spool} processes (the built distribution, 4 workers
 * each) on one standalone Artemis broker ({@code eval "$(.ci/artemis-setup)"}), delivering to {@link DiscardSink}:
 * for each count, N items are submitted to a fresh queue with {@code spoolmail submit} (not timed), the instances
 * are started, and the time from their start to the sink's last message gives messages per second (start-up of the
 * instances included, as an operator who starts them sees it). Prints the figures, the ratios to one instance, the
 * CPU time the instances and the broker spent per message, and the machine's load average during each round.
 * Usage: {@code benchmarks/jms-scaling [items] [max-instances]}.
 */
public final class JmsScalingBenchmark {

    private JmsScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String url = require("SPOOLMAIL_ARTEMIS_URL");
        Optional<Long> broker = MachineLoad.brokerPid(System.getenv("SPOOLMAIL_ARTEMIS_INSTANCE"));
        Path dist = Path.of("kernel/target/dist").toAbsolutePath();
        Map<Integer, Round> rounds = new LinkedHashMap<>();
        try (DiscardSink sink = new DiscardSink(0, false)) {
            for (int n = 1; n <= max; n++) {
                rounds.put(n, round(dist, sink, url, broker, items, n));
            }
        }
        System.out.printf("JMS spool scaling, %d items of one recipient each, 4 workers per instance, Artemis on "
                + "127.0.0.1, discarding sink%n", items);
        System.out.println("instances     msgs/s   vs 1 instance   instance CPU ms/msg   broker CPU ms/msg   load avg");
        rounds.forEach((n, r) -> System.out.printf("%9d %10.0f %15.2f %21.2f %19s %10s%n", n, r.rate(items),
                r.rate(items) / rounds.get(1).rate(items), r.instanceCpu.toNanos() / 1e6 / items,
                broker.isPresent() ? String.format("%.2f", r.brokerCpu.toNanos() / 1e6 / items) : "?", r.load));
    }

    /** One count of instances: seconds from their start to the sink's last message, CPU spent, load meanwhile. */
    private record Round(double seconds, Duration instanceCpu, Duration brokerCpu, String load) {
        double rate(int items) {
            return items / seconds;
        }
    }

    private static Round round(Path dist, DiscardSink sink, String url, Optional<Long> broker, int items, int n)
            throws Exception {
        Path work = Files.createTempDirectory("spoolmail-bench-jms-" + n + "-");
        Path pipeline = pipeline(work, sink.port(), url);
        Path input = work.resolve("batch.smtp");
        Files.writeString(input, datastream(items), StandardCharsets.ISO_8859_1);
        run(dist, work, "submit", "-c", pipeline.toString(), input.toString());
        MachineLoad load = new MachineLoad();
        Duration brokerBefore = broker.map(MachineLoad::cpu).orElse(Duration.ZERO);
        long before = sink.messages();
        long t0 = System.nanoTime();
        List<Process> instances = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            instances.add(start(dist, work, i, "spool", "-c", pipeline.toString()));
        }
        for (long polls = 0; sink.messages() - before < items; polls++) {
            Thread.sleep(10);
            if (polls % 100 == 0) {
                load.sample();
            }
            for (Process p : instances) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("an instance ended early; see " + work);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        load.sample();
        Duration brokerCpu = broker.map(MachineLoad::cpu).orElse(Duration.ZERO).minus(brokerBefore);
        Duration instanceCpu = Duration.ZERO;
        for (Process p : instances) {
            instanceCpu = instanceCpu.plus(MachineLoad.cpu(p.pid()));
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
        System.out.printf("%d instance(s): %d messages in %.1f s, load average %s%n", n, items, seconds,
                load.range());
        return new Round(seconds, instanceCpu, brokerCpu, load.range());
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
                "-Dspoolmail.home=" + dist));
        String jfr = System.getenv("SPOOLMAIL_BENCH_JFR");
        if (jfr != null && instance >= 0) {
            // A flight recording of each spool instance, to see where its time goes: SPOOLMAIL_BENCH_JFR=/tmp/jfr
            // (and SPOOLMAIL_BENCH_JFR_SETTINGS=a .jfc with 0 ms thresholds to see every blocking call)
            String settings = System.getenv().getOrDefault("SPOOLMAIL_BENCH_JFR_SETTINGS", "profile");
            command.add("-XX:StartFlightRecording=settings=" + settings + ",filename="
                    + Path.of(jfr).toAbsolutePath().resolve(work.getFileName() + "-spool-" + instance + ".jfr"));
        }
        command.addAll(List.of("-cp", dist.resolve("lib") + "/*", "org.spoolmail.kernel.cli.Main"));
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
