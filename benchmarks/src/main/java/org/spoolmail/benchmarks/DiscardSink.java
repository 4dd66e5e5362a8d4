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
                new BufferedInputStream(socket.getInputStream(), 1 << 16), DATA_BUFFER);
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

    /** Octets of the data read at once; also the longest line the sink takes (RFC 5321 allows 1,000). */
    private static final int DATA_BUFFER = 1 << 18;

    /**
     * Reads up to and including CRLF.CRLF (the data may start with ".CRLF" too) and counts the octets. Works line
     * by line on a large buffer: a tight search for each LF, the line handed to {@link PartDigest} as it lies in
     * the buffer; only the unfinished last line of a read is moved to the buffer's start. (It used to step a state
     * machine and copy every octet one at a time; at about 8 ns per octet of the file it capped both senders.)
     */
    private static Data discardData(PushbackInputStream in) throws IOException {
        byte[] buffer = new byte[DATA_BUFFER];
        int length = 0; // octets in the buffer
        int line = 0; // where the current line starts
        long octets = 0;
        long start = 0;
        boolean afterCrlf = true; // the current line follows CRLF (or starts the data)
        PartDigest digest = new PartDigest();
        while (true) {
            if (line > 0) {
                System.arraycopy(buffer, line, buffer, 0, length - line);
                length -= line;
                line = 0;
            } else if (length == buffer.length) {
                throw new IOException("a line of more than " + DATA_BUFFER + " octets in the data");
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                throw new IOException("connection closed in the data");
            }
            if (start == 0) {
                start = System.nanoTime();
            }
            int end = length + n;
            for (int i = length; i < end; i++) {
                // A base64 line of 76 and its CRLF: taken whole if the digest finds it base64 (no LF within)
                if (i == line && i + 78 <= end && buffer[i + 76] == '\r' && buffer[i + 77] == '\n'
                        && digest.fullBase64Line(buffer, i)) {
                    octets += 78;
                    afterCrlf = true;
                    line = i + 78;
                    i = line - 1;
                    continue;
                }
                if (buffer[i] != '\n') {
                    continue;
                }
                int text = i > line && buffer[i - 1] == '\r' ? i - 1 : i;
                octets += i + 1 - line;
                if (afterCrlf && text - line == 1 && buffer[line] == '.' && text < i) {
                    pushBack(in, buffer, i + 1, end);
                    return new Data(octets, System.nanoTime() - start, digest.sha256());
                }
                digest.line(buffer, line, text);
                afterCrlf = text < i;
                line = i + 1;
            }
            length = end;
        }
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
