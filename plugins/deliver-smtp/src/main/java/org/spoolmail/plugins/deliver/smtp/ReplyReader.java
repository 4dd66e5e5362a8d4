package org.spoolmail.plugins.deliver.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads SMTP replies (RFC 5321 section 4.2): lines {@code ddd-text} continue a reply, {@code ddd text} or
 * {@code ddd} end it; every line must carry the same code. Lines end with LF (a CR before it is dropped) and are
 * decoded as UTF-8 (RFC 6531 relays may send it; ASCII is a subset). A line longer than 8 KiB or a reply of more
 * than 100 lines is refused, so a broken relay cannot fill memory. A line quoted in an exception message has the
 * connection's secrets masked and its control characters shown as {@code ?}.
 */
final class ReplyReader {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_LINES = 100;

    private final InputStream in;
    private final UnaryOperator<String> mask;

    /** @param in the connection's buffered input */
    ReplyReader(InputStream in) {
        this(in, UnaryOperator.identity());
    }

    /**
     * @param in the connection's buffered input
     * @param mask hides the connection's secrets in a line quoted in an exception message
     */
    ReplyReader(InputStream in, UnaryOperator<String> mask) {
        this.in = in;
        this.mask = mask;
    }

    /**
     * Reads one complete reply.
     *
     * @return the reply
     * @throws SmtpProtocolException if the relay sends something that is not an SMTP reply
     * @throws IOException if the connection ends or times out
     */
    ServerReply read() throws IOException {
        List<String> texts = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)
                    || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
                throw new SmtpProtocolException("malformed SMTP reply line: '" + Printable.of(mask.apply(line)) + "'",
                        null);
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code >= 0 && lineCode != code) {
                throw new SmtpProtocolException("SMTP reply changes its code from " + code + " to " + lineCode,
                        null);
            }
            if (lineCode < 200 || lineCode > 599) {
                throw new SmtpProtocolException("SMTP reply code " + lineCode + " is outside 200..599", null);
            }
            code = lineCode;
            texts.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new ServerReply(code, texts);
            }
            if (texts.size() >= MAX_LINES) {
                throw new SmtpProtocolException("SMTP reply has more than " + MAX_LINES + " lines", null);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the smart host closed the connection");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new SmtpProtocolException("SMTP reply line longer than " + MAX_LINE + " octets", null);
            }
            line.write(b);
        }
    }
}
