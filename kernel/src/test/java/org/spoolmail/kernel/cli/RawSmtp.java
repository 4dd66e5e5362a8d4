package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain-socket SMTP client that sends data octets exactly as given, bare line ends included. */
final class RawSmtp {

    private RawSmtp() {
    }

    /**
     * Sends one transaction without TLS.
     *
     * @param data the octets after DATA, up to and including the end-of-data line, sent unchanged
     * @return the server's reply to the data (its last line)
     */
    static String send(String host, int port, String rcpt, byte[] data) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO raw.example.com", "250");
            command(out, in, "MAIL FROM:<raw@example.com>", "250");
            command(out, in, "RCPT TO:<" + rcpt + ">", "250");
            command(out, in, "DATA", "354");
            out.write(data);
            out.flush();
            String reply = reply(in);
            command(out, in, "QUIT", "221");
            return reply;
        }
    }

    private static void command(OutputStream out, BufferedReader in, String command, String code) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String reply = reply(in);
        assertTrue(reply.startsWith(code), reply);
    }

    private static String reply(BufferedReader in) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return String.valueOf(line);
    }
}
