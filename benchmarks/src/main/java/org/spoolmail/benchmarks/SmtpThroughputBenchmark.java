package org.spoolmail.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SMTP client throughput, measured against the peers DESIGN.md names, in one run on one machine: Postfix's
 * {@code smtp-source} load generator, spoolmail's deliver-smtp stage (PIPELINING, connection reuse), and a Jakarta
 * Mail (Angus) program reusing one connected Transport per thread, all sending 4 KiB messages to one
 * {@code smtp-sink}. Prints messages per second and the ratios; the machine is noisy, so each figure is the best
 * of {@code rounds} rounds.
 *
 * <p>Usage: {@code benchmarks/run stage [messages] [rounds]} (defaults 2000 and 3). The whole pipeline's
 * throughput, from the spool, is {@link Throughput}'s.
 */
public final class SmtpThroughputBenchmark {

    private static final int PORT = 25251;
    private static final int SIZE = 4096;

    private SmtpThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("spoolmail-bench-");
        Process sink = SmtpPeers.startSink(PORT);
        try {
            List<String> rows = new ArrayList<>();
            for (int sessions : new int[] {1, 4}) {
                double source = best(rounds, () -> SmtpPeers.smtpSource(PORT, messages, SIZE, sessions).perSecond());
                double spoolmail = best(rounds, () -> new StageSender(work, PORT, SIZE).send(messages, sessions));
                double jakarta = best(rounds, () -> new JakartaSender(PORT, SIZE).send(messages, sessions));
                rows.add(String.format(Locale.ROOT, "%8d %14.0f %14.0f %14.0f %12.2f %12.2f", sessions, source,
                        spoolmail, jakarta, spoolmail / source, spoolmail / jakarta));
            }
            System.out.printf("SMTP client throughput, %d messages of %d octets to smtp-sink on 127.0.0.1, best of %d"
                    + " rounds (messages/s)%n", messages, SIZE, rounds);
            System.out.printf("%8s %14s %14s %14s %12s %12s%n", "sessions", "smtp-source", "spoolmail",
                    "jakarta-mail", "vs source", "vs jakarta");
            rows.forEach(System.out::println);
        } finally {
            sink.destroy();
            sink.waitFor();
        }
    }

    private static double best(int rounds, Measured run) throws Exception {
        double best = 0;
        for (int i = 0; i < rounds; i++) {
            best = Math.max(best, run.messagesPerSecond());
        }
        return best;
    }

    /** One measured run. */
    interface Measured {
        double messagesPerSecond() throws Exception;
    }
}
