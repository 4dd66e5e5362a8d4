package org.spoolmail.benchmarks;

import java.io.IOException;
import java.net.Socket;

/** The Postfix peers: waiting for smtp-sink to listen, and timing smtp-source. */
final class SmtpPeers {

    private SmtpPeers() {
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

    /** Runs smtp-source and returns messages per second of its wall time. */
    static double smtpSource(int port, int messages, int size, int sessions) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("smtp-source", "-s", String.valueOf(sessions), "-m", String.valueOf(messages),
                "-l", String.valueOf(size), "-f", "batch@example.com", "-t", "ops@example.com",
                "127.0.0.1:" + port).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("smtp-source failed with exit code " + p.exitValue());
        }
        return messages / ((System.nanoTime() - start) / 1e9);
    }
}
