package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Writes messages with {@link MessageWriter} and checks their octets; parses them back with Angus Mail. */
final class WireBytes {

    private WireBytes() {
    }

    static byte[] write(MailContent content, WireOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageWriter.write(content, out, options);
        return out.toByteArray();
    }

    static String ascii(byte[] wire) {
        return new String(wire, StandardCharsets.ISO_8859_1);
    }

    /** @return the lines of the output without their CRLF */
    static List<String> lines(byte[] wire) {
        List<String> lines = new ArrayList<>(List.of(ascii(wire).split("\r\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    /** Asserts that every CR is followed by LF and every LF preceded by CR, and that the output ends with CRLF. */
    static void assertCrlfOnly(byte[] wire) {
        for (int i = 0; i < wire.length; i++) {
            if (wire[i] == '\r') {
                assertTrue(i + 1 < wire.length && wire[i + 1] == '\n', "bare CR at octet " + i);
            }
            if (wire[i] == '\n') {
                assertTrue(i > 0 && wire[i - 1] == '\r', "bare LF at octet " + i);
            }
        }
        assertTrue(ascii(wire).endsWith("\r\n"), "output ends with CRLF");
    }

    static void assertLinesAtMost(byte[] wire, int octets) {
        for (String line : lines(wire)) {
            assertTrue(line.length() <= octets, "line of " + line.length() + " octets: " + line);
        }
    }

    static MimeMessage parse(byte[] wire) throws MessagingException {
        Properties props = new Properties();
        props.setProperty("mail.mime.decodeparameters", "true");
        return new MimeMessage(Session.getInstance(props), new ByteArrayInputStream(wire));
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void assertWire(String expected, byte[] wire) {
        assertEquals(expected, ascii(wire));
    }
}
