package org.spoolmail.plugins.deliver.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted SMTP server for tests: listens on 127.0.0.1 on an ephemeral port, serves one connection at a time,
 * records every command line and the raw octets of each DATA section (as sent, still dot-stuffed, with the final
 * "." line), and answers from a script (command line to reply; "\n" separates lines of a multi-line reply). The
 * script sees "." for the end of data and "CONNECT" for the greeting; a null answer falls back to
 * {@link #standard(String)}; the answer {@link #CLOSE} closes the connection without a reply, and a 421 answer
 * closes it after the reply, as a relay that shuts down does.
 *
 * <p>Like a pipelining server (Postfix), it holds its replies while more commands are already waiting in its input
 * and sends them together once the input is drained; {@link #batches()} shows which commands arrived together.
 */
final class FakeSmtpServer implements AutoCloseable {

    /** The answer that makes the server close the connection instead of replying. */
    static final String CLOSE = "CLOSE";

    /** The prefix of an answer sent as it stands (CRLFs included), e.g. a greeting followed by injected replies. */
    static final String RAW = "RAW:";

    /** The prefix of an answer sent one octet every 150 ms, like a relay that drips its reply. */
    static final String DRIP = "DRIP:";

    /**
     * The answer that makes the server send the replies it holds (and 354 to DATA) and then read nothing more and
     * answer nothing, like a hung relay.
     */
    static final String STALL = "STALL";

    private final ServerSocket server;
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final UnaryOperator<String> script;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<byte[]> data = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final SSLContext tls;
    private volatile boolean tlsStarted;

    FakeSmtpServer(UnaryOperator<String> script) throws IOException {
        this(script, null);
    }

    /**
     * @param script the answers
     * @param tls the server's TLS context; when given, "STARTTLS" is answered with 220 and TLS starts
     */
    FakeSmtpServer(UnaryOperator<String> script, SSLContext tls) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.script = script;
        this.tls = tls;
        this.thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    List<byte[]> data() {
        return List.copyOf(data);
    }

    /** @return the commands in groups that arrived before the server replied to any of them */
    List<List<String>> batches() {
        return List.copyOf(batches);
    }

    /** @return the number of connections accepted so far */
    int connections() {
        return connections.get();
    }

    /** @return true once a TLS handshake after STARTTLS succeeded */
    boolean tlsStarted() {
        return tlsStarted;
    }

    /** The answers of a plain relay that offers 8BITMIME, SMTPUTF8 and PIPELINING. */
    static String standard(String command) {
        String verb = command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        return switch (verb) {
            case "EHLO" -> "250-fake.example.com\n250-PIPELINING\n250-8BITMIME\n250 SMTPUTF8";
            case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> "250 2.0.0 OK";
            case "DATA" -> "354 End data with <CR><LF>.<CR><LF>";
            case "." -> "250 2.0.0 Ok: queued as 4XYZ";
            case "QUIT" -> "221 2.0.0 Bye";
            case "CONNECT" -> "220 fake.example.com ESMTP";
            default -> "502 5.5.2 command not recognized";
        };
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // the client went away or the server was closed: wait for the next connection
            }
        }
    }

    private void converse(Socket plain) throws IOException {
        connections.incrementAndGet();
        InputStream in = new BufferedInputStream(plain.getInputStream());
        OutputStream out = plain.getOutputStream();
        String greeting = answer("CONNECT");
        if (greeting.equals(CLOSE)) {
            return;
        }
        reply(out, greeting);
        List<String> batch = new ArrayList<>();
        StringBuilder held = new StringBuilder();
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return;
            }
            commands.add(line);
            batch.add(line);
            if (line.equalsIgnoreCase("STARTTLS") && tls != null) {
                reply(out, "220 2.0.0 Ready to start TLS");
                batches.add(List.copyOf(batch));
                batch.clear();
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
                secure.setUseClientMode(false);
                secure.startHandshake();
                tlsStarted = true;
                in = new BufferedInputStream(secure.getInputStream());
                out = secure.getOutputStream();
                continue;
            }
            String answer = answer(line);
            if (answer.equals(CLOSE)) {
                return;
            }
            if (answer.equals(STALL)) {
                held.append(line.equalsIgnoreCase("DATA") ? wire("354 go ahead") : "");
                send(out, held);
                stall(in);
                return;
            }
            if (line.equalsIgnoreCase("DATA") && answer.startsWith("354")) {
                held.append(wire(answer));
                send(out, held);
                batches.add(List.copyOf(batch));
                batch.clear();
                data.add(readData(in));
                answer = answer(".");
            }
            if (answer.startsWith(DRIP)) {
                send(out, held);
                drip(out, wire(answer.substring(DRIP.length())));
            } else {
                held.append(wire(answer));
            }
            if (in.available() == 0) {
                send(out, held);
                if (!batch.isEmpty()) {
                    batches.add(List.copyOf(batch));
                }
                batch.clear();
            }
            if (line.equalsIgnoreCase("QUIT") || answer.startsWith("421")) {
                // A 421 closes the transmission channel (RFC 5321 section 3.8), as QUIT does.
                send(out, held);
                return;
            }
        }
    }

    private String answer(String line) {
        String scripted = script.apply(line);
        return scripted != null ? scripted : standard(line);
    }

    private static void reply(OutputStream out, String answer) throws IOException {
        StringBuilder b = new StringBuilder(wire(answer));
        send(out, b);
    }

    private static void send(OutputStream out, StringBuilder held) throws IOException {
        out.write(held.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        held.setLength(0);
    }

    private static String wire(String answer) {
        if (answer.startsWith(RAW)) {
            return answer.substring(RAW.length());
        }
        String[] lines = answer.split("\n");
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            boolean last = i == lines.length - 1;
            wire.append(last || text.length() < 4 ? text : text.substring(0, 3) + "-" + text.substring(4));
            wire.append("\r\n");
        }
        return wire.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        long tail = 0x0D0AL;
        int b;
        while ((b = in.read()) >= 0) {
            octets.write(b);
            tail = ((tail << 8) | b) & 0xFF_FFFF_FFFFL;
            if (tail == 0x0D0A2E0D0AL) {
                break;
            }
        }
        return octets.toByteArray();
    }

    private static void drip(OutputStream out, String wire) throws IOException {
        for (byte b : wire.getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
            out.flush();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stall(InputStream in) throws IOException {
        while (!server.isClosed()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        in.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
