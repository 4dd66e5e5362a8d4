package org.spoolmail.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An SMTP server on 127.0.0.1 that accepts every command and discards the data, as fast as the socket delivers it
 * (Postfix's smtp-sink caps near 130 MB/s, too slow for the 1 GiB figure). It offers what a smart host offers
 * (PIPELINING, SIZE, 8BITMIME; or PIPELINING alone) and notes, per message, the octets of the data and the time
 * from the first octet after the 354 to the final dot, so a run can tell transfer time from start-up and
 * preparation, and the sha256 of the last base64 part as it decoded it ({@link PartDigest}), so a run can show
 * the attachment arrived intact. Each connection has its own thread.
 */
final class DiscardSink implements AutoCloseable {

    private static final byte[] EHLO = ("250-sink.example.org\r\n250-PIPELINING\r\n250-SIZE 0\r\n250 8BITMIME\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EHLO_PLAIN = "250-sink.example.org\r\n250 PIPELINING\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * One message's data phase as the sink saw it.
     *
     * @param octets the data's octets on the wire, final dot included
     * @param nanos from the first octet after the 354 to the final dot
     * @param sha256 the sha256 (hex) of the message's last base64 part, decoded, if it had one
     */
    record Data(long octets, long nanos, java.util.Optional<String> sha256) {
    }

    private final ServerSocket server;
    private final AtomicReference<Data> last = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicLong messages = new java.util.concurrent.atomic.AtomicLong();

    private final byte[] ehlo;

    /**
     * @param port the port on 127.0.0.1, 0 for any free one
     * @param plain whether EHLO offers PIPELINING only (no SIZE, no 8BITMIME), which spares a client that measures the
     *     message before MAIL FROM its measuring pass
     */
    DiscardSink(int port, boolean plain) throws IOException {
        ehlo = plain ? EHLO_PLAIN : EHLO;
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "discard-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return how many messages the sink took so far */
    long messages() {
        return messages.get();
    }

    /** The last message's data phase; cleared by the call. */
    Data takeLast() {
        Data data = last.getAndSet(null);
        if (data == null) {
            throw new IllegalStateException("the sink received no message");
        }
        return data;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "discard-sink-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            // Replies to pipelined commands are small separate writes: with Nagle's algorithm the second waits for
            // the ACK of the first, which the client delays by 40 ms, so each message would cost 40 ms of nothing.
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            return;
        }
        try (socket; PushbackInputStream in = new PushbackInputStream(
                new BufferedInputStream(socket.getInputStream(), 1 << 16), 1 << 16);
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink.example.org ESMTP discard sink\r\n");
            for (String line = readLine(in); line != null; line = readLine(in)) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO" -> out.write(ehlo);
                    case "DATA" -> {
                        reply(out, "354 go ahead\r\n");
                        last.set(discardData(in));
                        messages.incrementAndGet();
                        reply(out, "250 2.0.0 discarded\r\n");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye\r\n");
                        return;
                    }
                    default -> reply(out, "250 2.0.0 ok\r\n");
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away: nothing to discard any more
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return null;
    }

    /** Reads up to and including CRLF.CRLF (the data may start with ".CRLF" too) and counts the octets. */
    private static Data discardData(PushbackInputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int state = 2; // 0 other, 1 CR, 2 at line start, 3 line start + '.', 4 '.' + CR
        long octets = 0;
        long start = 0;
        PartDigest digest = new PartDigest();
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("connection closed in the data");
            }
            if (start == 0) {
                start = System.nanoTime();
            }
            for (int i = 0; i < n; i++) {
                state = next(state, buffer[i]);
                if (state == 5) {
                    octets += i + 1;
                    digest.update(buffer, 0, i + 1);
                    pushBack(in, buffer, i + 1, n);
                    return new Data(octets, System.nanoTime() - start, digest.sha256());
                }
            }
            digest.update(buffer, 0, n);
            octets += n;
        }
    }

    private static int next(int state, byte b) {
        if (b == '\r') {
            return state == 3 ? 4 : 1;
        }
        if (b == '\n') {
            return state == 4 ? 5 : state == 1 ? 2 : 0;
        }
        return b == '.' && state == 2 ? 3 : 0;
    }

    private static void pushBack(PushbackInputStream in, byte[] buffer, int from, int to) throws IOException {
        if (from < to) {
            in.unread(buffer, from, to - from);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
