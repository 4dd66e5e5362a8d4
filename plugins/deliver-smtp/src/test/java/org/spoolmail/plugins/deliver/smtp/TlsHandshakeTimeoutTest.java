package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.TransientStageException;

/**
 * A relay that accepts the TCP connection and then drips its TLS handshake, one octet every 200 ms: every single
 * read comes in time, so only a limit on the whole handshake (command-timeout) ends the wait. Without one the
 * test would wait for the whole drip (53 minutes): it fails after 20 seconds instead.
 */
@Timeout(20)
class TlsHandshakeTimeoutTest {

    @TempDir
    Path base;

    private TestStages stages;
    private DrippingTlsRelay relay;

    @BeforeEach
    void open() {
        stages = new TestStages(base);
    }

    @AfterEach
    void stop() throws IOException {
        stages.close();
        relay.close();
    }

    @Test
    void processShouldFailTransientWithinCommandTimeoutWhenAnImplicitTlsRelayDripsItsHandshake() throws Exception {
        relay = new DrippingTlsRelay(false);
        long start = System.nanoTime();

        TransientStageException e = assertThrows(TransientStageException.class, () -> stages.start(relay.port(),
                Map.of("tls", "implicit", "command-timeout", "1s")).process(SmtpDeliveryStageTest.mail("a@example.com")));

        assertEquals("smart host 127.0.0.1:" + relay.port() + " unreachable: no complete TLS handshake within"
                + " command-timeout 1000ms", e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4000);
    }

    @Test
    void processShouldFailTransientWithinCommandTimeoutWhenARelayDripsItsHandshakeAfterStarttls() throws Exception {
        relay = new DrippingTlsRelay(true);
        long start = System.nanoTime();

        TransientStageException e = assertThrows(TransientStageException.class, () -> stages.start(relay.port(),
                Map.of("starttls", "required", "command-timeout", "1s"))
                .process(SmtpDeliveryStageTest.mail("a@example.com")));

        assertEquals("TLS with smart host 127.0.0.1:" + relay.port() + " failed: no complete TLS handshake within"
                + " command-timeout 1000ms", e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4000);
    }

    /** Accepts connections; after the SMTP greeting and STARTTLS (when asked), sends a TLS record an octet at a time. */
    private static final class DrippingTlsRelay implements AutoCloseable {
        /** A TLS handshake record header announcing 16,000 octets, which then come one by one. */
        private static final byte[] RECORD_HEADER = {0x16, 0x03, 0x03, 0x3E, (byte) 0x80};

        private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final Thread thread;

        DrippingTlsRelay(boolean starttls) throws IOException {
            thread = new Thread(() -> serve(starttls), "dripping-tls-relay");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(boolean starttls) {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    OutputStream out = s.getOutputStream();
                    if (starttls) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                StandardCharsets.US_ASCII));
                        write(out, "220 relay.example ESMTP\r\n");
                        in.readLine();
                        write(out, "250-relay.example\r\n250 STARTTLS\r\n");
                        in.readLine();
                        write(out, "220 2.0.0 go ahead\r\n");
                    }
                    for (int i = 0; i < 16_005; i++) {
                        out.write(i < RECORD_HEADER.length ? RECORD_HEADER[i] : 0);
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (IOException e) {
                    // the client gave up: wait for the next one
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static void write(OutputStream out, String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
            thread.interrupt();
        }
    }
}
