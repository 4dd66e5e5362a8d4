package org.spoolmail.kernel.cli;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A scripted SMTP relay on 127.0.0.1 for end-to-end tests that need replies a real server will not give on demand
 * (one recipient refused): records each command line and the raw DATA octets, answers from a script (null: a
 * plain ESMTP relay's answer; a 421 answer closes the connection after the reply). One connection at a time.
 */
final class ScriptedRelay implements AutoCloseable {

    private final ServerSocket server;
    private final UnaryOperator<String> script;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<byte[]> data = new CopyOnWriteArrayList<>();

    ScriptedRelay(UnaryOperator<String> script) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread thread = new Thread(this::serve, "scripted-relay");
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

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
            } catch (IOException e) {
                // the client went away or the relay was closed
            }
        }
    }

    private void converse(InputStream in, OutputStream out) throws IOException {
        reply(out, "220 relay.example.com ESMTP");
        String line;
        while ((line = readLine(in)) != null) {
            commands.add(line);
            String answer = answer(line);
            if (line.equals("DATA")) {
                reply(out, answer);
                data.add(readData(in));
                answer = answer(".");
            }
            reply(out, answer);
            if (line.equals("QUIT") || answer.startsWith("421")) {
                // a 421 closes the transmission channel (RFC 5321 section 3.8), as QUIT does
                return;
            }
        }
    }

    private String answer(String line) {
        String scripted = script.apply(line);
        if (scripted != null) {
            return scripted;
        }
        return switch (line.split(" ", 2)[0].toUpperCase(Locale.ROOT)) {
            case "EHLO" -> "250-relay.example.com\r\n250-8BITMIME\r\n250 PIPELINING";
            case "DATA" -> "354 go ahead";
            case "." -> "250 2.0.0 Ok: queued as 7Q2";
            case "QUIT" -> "221 2.0.0 Bye";
            default -> "250 2.0.0 Ok";
        };
    }

    private static void reply(OutputStream out, String answer) throws IOException {
        out.write((answer + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
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

    @Override
    public void close() throws IOException {
        server.close();
    }
}
