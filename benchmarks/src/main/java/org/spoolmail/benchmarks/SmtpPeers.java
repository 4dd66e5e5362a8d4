package org.spoolmail.benchmarks;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Postfix peers: starting smtp-sink on 127.0.0.1, and timing smtp-source. */
final class SmtpPeers {

    private SmtpPeers() {
    }

    /**
     * Starts Postfix's smtp-sink on 127.0.0.1 (backlog 1000) and returns once it listens.
     *
     * @param port the port
     * @return the sink's process; destroy it when done
     */
    static Process startSink(int port) throws IOException, InterruptedException {
        // smtp-sink refuses to run as root without -u; "nobody" exists on every Debian system.
        List<String> command = new ArrayList<>(List.of("smtp-sink"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.addAll(List.of("127.0.0.1:" + port, "1000"));
        Process sink = new ProcessBuilder(command).inheritIO().start();
        awaitPort(port);
        return sink;
    }

    static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("smtp-sink did not listen on 127.0.0.1:" + port);
    }

    /** What one smtp-source run took: messages per second of its wall time, and its CPU milliseconds per message. */
    record Source(double perSecond, double cpuMillisPerMessage) {
    }

    /** Runs smtp-source under GNU time. */
    static Source smtpSource(int port, int messages, int size, int sessions) throws Exception {
        Path cpu = Files.createTempFile("smtp-source-", ".cpu");
        List<String> command = new ArrayList<>(CpuTime.prefix(cpu));
        command.addAll(List.of("smtp-source", "-s", String.valueOf(sessions), "-m", String.valueOf(messages),
                "-l", String.valueOf(size), "-f", "batch@example.com", "-t", "ops@example.com", "127.0.0.1:" + port));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("smtp-source failed with exit code " + p.exitValue());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = Math.max(CpuTime.read(cpu), 0.01); // GNU time counts in hundredths
        Files.delete(cpu);
        return new Source(messages / seconds, cpuSeconds * 1000 / messages);
    }
}
