package org.spoolmail.plugins.deliver.outbox;

import java.nio.charset.StandardCharsets;

import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;

/**
 * The text of an {@code .envelope} file: {@code MAIL FROM:<path>} then one {@code RCPT TO:<path>} line per
 * forward-path, in envelope order, each ending with LF, in UTF-8. The null reverse-path is written {@code <>}.
 * Addresses cannot hold line breaks ({@link org.spoolmail.exits.mail.Mailbox} refuses them), so one line is one path.
 */
final class EnvelopeFile {

    private EnvelopeFile() {
    }

    /**
     * Formats an envelope.
     *
     * @param envelope the envelope
     * @return the file's octets
     */
    static byte[] format(Envelope envelope) {
        StringBuilder text = new StringBuilder("MAIL FROM:").append(envelope.reversePath()).append('\n');
        for (ForwardPath path : envelope.forwardPaths()) {
            text.append("RCPT TO:").append(path).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
