package org.spoolmail.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spool server's side of the throughput and growth figures. {@link #fill} queues N one-recipient messages of
 * about 4 KiB the way a job does (an SMTP datastream of N transactions through {@code spoolmail submit}, then the
 * drops taken into the queue by the directory spool's own pickup, {@link QueueTakeIn}); {@link #drain} copies that
 * queue and times {@code spoolmail spool --once --workers W} of the built distribution draining it through the
 * whole pipeline (parse, verify-sender with the directory-sender exit, mime-encode, codepage-translate,
 * deliver-smtp to the sink, audit-log), from the process's start to its exit, as an operator's batch step sees it.
 */
final class SpoolDrain {

    /** Body lines of 72 characters: with the header fields, about 4 KiB a message, as smtp-source's {@code -l 4096}. */
    private static final int BODY_LINES = 55;
    private static final Pattern DELIVERED = Pattern.compile("^spool: delivered (\\d+),", Pattern.MULTILINE);

    /** A filled queue and what filling it cost. */
    record Queued(Path folder, int items, double submitSeconds, double takeInSeconds) {
    }

    /** One drain: items delivered, the wall time of the spool process and the CPU time it used (user + system). */
    record Drain(int items, int workers, double seconds, double cpuSeconds) {
        double perSecond() {
            return items / seconds;
        }

        double cpuMillisPerMessage() {
            return cpuSeconds * 1000 / items;
        }
    }

    private final Path dist;
    private final Path work;
    private final int port;

    SpoolDrain(Path dist, Path work, int port) {
        this.dist = dist.toAbsolutePath();
        this.work = work;
        this.port = port;
    }

    /** Submits {@code items} messages into a fresh spool and takes the drops in; the template for drains. */
    Queued fill(int items) throws Exception {
        Path folder = Files.createDirectories(work.resolve("queued-" + items));
        Files.writeString(folder.resolve("pipeline.yaml"), pipeline(), StandardCharsets.UTF_8);
        Path input = folder.resolve("batch.smtp");
        writeDatastream(input, items);
        run(folder, takeIn(folder, 0), "create"); // as the server creates its spool on its first start
        long t0 = System.nanoTime();
        run(folder, SpoolmailRun.command(dist, "submit", "-c", "pipeline.yaml", input.toString()), "submit");
        long t1 = System.nanoTime();
        run(folder, takeIn(folder, items), "take-in");
        long t2 = System.nanoTime();
        Files.delete(input);
        return new Queued(folder, items, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    private List<String> takeIn(Path folder, int items) {
        return List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", dist.resolve("lib") + "/*:"
                + QueueTakeIn.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                QueueTakeIn.class.getName(), folder.resolve("spool").toString(), String.valueOf(items));
    }

    /** Copies the queue and drains the copy with {@code workers} workers; fails unless every item was delivered. */
    Drain drain(Queued queued, int workers) throws Exception {
        Path run = work.resolve("drain-" + queued.items() + "-w" + workers + "-" + System.nanoTime());
        Process copy = new ProcessBuilder("cp", "-a", queued.folder().toString(), run.toString()).inheritIO().start();
        if (copy.waitFor() != 0) {
            throw new IllegalStateException("cannot copy " + queued.folder());
        }
        long t0 = System.nanoTime();
        String out = run(run, SpoolmailRun.command(dist, "spool", "--once", "--workers", String.valueOf(workers),
                "-c", "pipeline.yaml"), "spool");
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = CpuTime.read(run.resolve("spool.cpu"));
        Matcher m = DELIVERED.matcher(out);
        if (!m.find() || Integer.parseInt(m.group(1)) != queued.items()) {
            throw new IllegalStateException("spool delivered not all " + queued.items() + " items; see " + run);
        }
        deleteTree(run);
        return new Drain(queued.items(), workers, seconds, cpu);
    }

    private String pipeline() {
        return SpoolmailRun.pipeline(List.of("input: {ccsid: \"819\", records: lf}",
                "spool: {directory: spool, workers: \"4\"}"), "smtp-datastream", port, List.of(
                "    routines: [directory-sender]",
                "    config:",
                "      directory-sender:",
                "        entries:",
                "          - user: " + System.getProperty("user.name"),
                "            send-as: [batch@example.com]"));
    }

    private static void writeDatastream(Path file, int items) throws IOException {
        String body = ("0123456789".repeat(7) + "ab\n").repeat(BODY_LINES);
        try (OutputStream o = Files.newOutputStream(file);
                Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(o, StandardCharsets.ISO_8859_1),
                        1 << 16)) {
            w.write("HELO batch\n");
            for (int i = 0; i < items; i++) {
                w.write("MAIL FROM:<batch@example.com>\nRCPT TO:<ops@example.com>\nDATA\n");
                w.write("From: batch@example.com\nTo: ops@example.com\nSubject: nightly report " + i + "\n\n");
                w.write(body);
                w.write(".\n");
            }
            w.write("QUIT\n");
        }
    }

    /**
     * Runs {@code program} in {@code folder} under GNU time (its CPU time to {@code <name>.cpu}); returns its output,
     * fails unless it ends with exit code 0.
     */
    private static String run(Path folder, List<String> program, String name) throws Exception {
        List<String> command = new ArrayList<>(CpuTime.prefix(folder.resolve(name + ".cpu")));
        command.addAll(program);
        Path log = folder.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(name + " ended with exit code " + p.exitValue() + "; see " + log);
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    static void deleteTree(Path folder) throws IOException, InterruptedException {
        new ProcessBuilder("rm", "-rf", folder.toString()).inheritIO().start().waitFor();
    }
}
