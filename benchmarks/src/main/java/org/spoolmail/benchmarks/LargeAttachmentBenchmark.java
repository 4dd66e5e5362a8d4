package org.spoolmail.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Memory: a binary attachment (1 GiB by default) through the whole pipeline under {@code -Xmx64m}, against a Jakarta
 * Mail (Angus) program sending the same file under the same {@code -Xmx64m} in the same run, both into
 * {@link DiscardSink}. spoolmail runs as {@code spoolmail send} of a control-statement deck with
 * {@code ATTACH file BINARY}; the peer is {@link JakartaMailProgram}. Each program runs in a fresh JVM; the figures
 * are the best of {@code rounds} rounds (peaks: the highest). MB/s are 10^6 octets of the file per second, of the
 * whole process (start-up included) and of the data phase alone as the sink saw it.
 *
 * <p>Usage: {@code benchmarks/large-attachment [mebibytes] [rounds] [plain-ehlo]} (defaults 1024 and 3;
 * {@code plain-ehlo}: the sink offers PIPELINING only, see {@link DiscardSink}). DESIGN.md's target: spoolmail at
 * 1.5x or more the peer's MB/s.
 */
public final class LargeAttachmentBenchmark {

    private static final List<String> JVM = List.of("-Xmx64m");

    private LargeAttachmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long mebibytes = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean plain = args.length > 2 && args[2].equals("plain-ehlo");
        Path work = Files.createTempDirectory("spoolmail-bench-mem-");
        Path file = work.resolve("extract.bin");
        writeRandom(file, mebibytes << 20);
        ChildJvm jvm = new ChildJvm(work);
        try (DiscardSink sink = new DiscardSink(0, plain)) {
            SpoolmailRun spoolmail = new SpoolmailRun(Path.of("kernel/target/dist"), work);
            Path deck = spoolmail.prepare("attach", sink.port(), Optional.of(file));
            List<String> peer = List.of("-cp", System.getProperty("java.class.path"),
                    JakartaMailProgram.class.getName(), String.valueOf(sink.port()), file.toString());
            Figures ours = new Figures();
            Figures theirs = new Figures();
            for (int i = 0; i < rounds; i++) {
                ours.add(jvm.run("spoolmail", JVM, spoolmail.program(deck)), sink.takeLast(), Files.size(file));
                theirs.add(jvm.run("jakarta", JVM, peer), sink.takeLast(), Files.size(file));
            }
            print(mebibytes, rounds, plain, ours, theirs);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void print(long mebibytes, int rounds, boolean plain, Figures ours, Figures theirs) {
        System.out.printf("Memory: a %d MiB binary attachment under -Xmx64m to a discarding sink on 127.0.0.1"
                + " (EHLO: %s), best of %d rounds (MB = 10^6 octets of the file)%n", mebibytes,
                plain ? "PIPELINING" : "PIPELINING SIZE 8BITMIME", rounds);
        System.out.printf("%-14s %12s %12s %14s %14s %14s%n", "program", "MB/s", "data MB/s", "data octets",
                "peak RSS MiB", "heap peak MiB");
        System.out.println(ours.row("spoolmail"));
        System.out.println(theirs.row("jakarta-mail"));
        System.out.printf(Locale.ROOT, "spoolmail vs jakarta-mail: %.2f (whole process), %.2f (data phase);"
                + " target 1.50%n", ours.best / theirs.best, ours.bestData / theirs.bestData);
    }

    private static void writeRandom(Path file, long octets) throws IOException {
        byte[] block = new byte[1 << 20];
        SplittableRandom random = new SplittableRandom(20261130);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = octets; left > 0; left -= block.length) {
                for (int i = 0; i < block.length; i++) {
                    block[i] = (byte) random.nextInt(256);
                }
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }

    /** The best and peak figures of one program over the rounds. */
    private static final class Figures {
        private double best;
        private double bestData;
        private long octets;
        private long rssKiB;
        private long heapMiB;

        void add(ChildJvm.Result run, DiscardSink.Data data, long fileOctets) {
            best = Math.max(best, fileOctets / 1e6 / run.seconds());
            bestData = Math.max(bestData, fileOctets / 1e6 / (data.nanos() / 1e9));
            octets = data.octets();
            rssKiB = Math.max(rssKiB, run.peakRssKiB());
            heapMiB = Math.max(heapMiB, run.heapPeakMiB());
        }

        String row(String name) {
            return String.format(Locale.ROOT, "%-14s %12.0f %12.0f %14d %14d %14d", name, best, bestData, octets,
                    rssKiB / 1024, heapMiB);
        }
    }
}
