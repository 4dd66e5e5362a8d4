package org.spoolmail.benchmarks;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Throughput (issue 11, target 1): N queued 4 KiB messages drained by {@code spoolmail spool --once} through the
 * whole pipeline into Postfix's {@code smtp-sink} on 127.0.0.1, at 1 and 4 workers, against Postfix's
 * {@code smtp-source} sending N messages of 4096 octets with 1 and 4 sessions to the same sink, and against a plain
 * Jakarta Mail loop with one connected Transport per thread ({@link JakartaSender}). Target: spoolmail at least
 * 1.0x smtp-source at the same concurrency.
 */
final class Throughput {

    private static final int SIZE = 4096;

    private Throughput() {
    }

    static void run(Path dist, Path work, int sinkPort, int messages, Summary summary) throws Exception {
        SpoolDrain spool = new SpoolDrain(dist, work, sinkPort);
        SpoolDrain.Queued queued = spool.fill(messages);
        System.out.printf(Locale.ROOT, "queued %d items for each drain: submit %.1f s, take-in %.1f s (not timed"
                + " below)%n", messages, queued.submitSeconds(), queued.takeInSeconds());
        StringBuilder table = new StringBuilder();
        for (int n : new int[] {1, 4}) {
            SmtpPeers.Source peer = SmtpPeers.smtpSource(sinkPort, messages, SIZE, n);
            double source = peer.perSecond();
            SpoolDrain.Drain drain = spool.drain(queued, n);
            double jakarta = new JakartaSender(sinkPort, SIZE).send(messages, n);
            double ours = drain.perSecond();
            table.append(String.format(Locale.ROOT, "%8d %14.0f %14.0f %14.0f %12.2f %12.2f %10.3f %10.3f   %s%n", n,
                    source, ours, jakarta, ours / source, ours / jakarta, peer.cpuMillisPerMessage(),
                    drain.cpuMillisPerMessage(), Summary.loadAverage()));
            summary.add("throughput, " + n + (n == 1 ? " worker" : " workers") + " (msg/s)", fmt(ours),
                    "smtp-source " + fmt(source), ours / source, ">= 1.00", ours >= source);
            summary.inform("throughput, " + n + (n == 1 ? " worker" : " workers") + " (msg/s)", fmt(ours),
                    "jakarta-mail " + fmt(jakarta), ours / jakarta);
            summary.inform("throughput, " + n + (n == 1 ? " worker" : " workers") + " (CPU ms/message)",
                    String.format(Locale.ROOT, "%.3f", drain.cpuMillisPerMessage()), String.format(Locale.ROOT,
                            "smtp-source %.3f", peer.cpuMillisPerMessage()),
                    drain.cpuMillisPerMessage() / peer.cpuMillisPerMessage());
        }
        System.out.printf("Throughput: %d queued messages of about %d octets, spoolmail spool --once (whole pipeline,"
                + " directory-sender, audit-log) vs smtp-source and a Jakarta Mail loop, to smtp-sink on 127.0.0.1"
                + " (messages/s of wall time)%n", messages, SIZE);
        System.out.printf("%8s %14s %14s %14s %12s %12s %10s %10s   %s%n", "workers", "smtp-source", "spoolmail",
                "jakarta-mail", "vs source", "vs jakarta", "CPU ms/m", "CPU ms/m", "load average");
        System.out.printf("%8s %14s %14s %14s %12s %12s %10s %10s%n", "", "", "", "", "", "", "source", "spoolmail");
        System.out.print(table);
        SpoolDrain.deleteTree(queued.folder());
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
