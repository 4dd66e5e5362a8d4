package org.spoolmail.kernel.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.WireOptions;

/**
 * A mail object built in code, as the SMTP datastream a job would have written for it (UTF-8, CRLF records:
 * MAIL FROM, one RCPT TO per forward-path, DATA, the dot-stuffed message, ".", QUIT). They are the octets of the
 * spool queue item that keeps the mail when it is held or deferred, so that the spool server sends it again with
 * the same envelope, Bcc recipients included. Rendered only when the spool queue reads it, once, into memory.
 */
final class DatastreamCopy implements ContentHandle {

    /** The {@code spoolmail send} options that read the copy again (its record format: CRLF). */
    static final List<String> RESEND_OPTIONS = List.of("--records", "crlf");

    private final MailObject mail;
    private volatile byte[] octets;

    DatastreamCopy(MailObject mail) {
        this.mail = mail;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(octets());
    }

    @Override
    public long sizeOctets() {
        return octets().length;
    }

    private byte[] octets() {
        byte[] rendered = octets;
        if (rendered == null) {
            try {
                rendered = render();
            } catch (IOException e) {
                throw new UncheckedIOException("the mail object could not be written as a datastream", e);
            }
            octets = rendered;
        }
        return rendered;
    }

    private byte[] render() throws IOException {
        StringBuilder commands = new StringBuilder("HELO localhost\r\nMAIL FROM:")
                .append(mail.envelope().reversePath()).append("\r\n");
        for (ForwardPath p : mail.envelope().forwardPaths()) {
            commands.append("RCPT TO:").append(p).append("\r\n");
        }
        commands.append("DATA\r\n");
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        MessageWriter.write(mail.content(), message, new WireOptions(true, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.size() + commands.length() + 64);
        out.write(commands.toString().getBytes(StandardCharsets.UTF_8));
        dotStuff(message.toByteArray(), out);
        out.write(".\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** RFC 5321 section 4.5.2: a line that starts with '.' gets one more; the message ends with CRLF. */
    private static void dotStuff(byte[] message, ByteArrayOutputStream out) {
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            out.write('\r');
            out.write('\n');
        }
    }
}
