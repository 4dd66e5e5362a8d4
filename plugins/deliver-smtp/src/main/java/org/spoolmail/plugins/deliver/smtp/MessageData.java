package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.time.Duration;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.WireOptions;

/**
 * Streams a message after the relay's 354: {@link MessageWriter} output, counted, through
 * {@link DotStuffingOutputStream} to the socket, then {@code <CRLF>.<CRLF>}. Nothing holds the message whole. If
 * writing fails half-way the connection is closed without the terminator, so the relay discards the partial
 * message instead of delivering it. The whole data phase, writing and the relay's final reply, is bounded by one
 * {@code data-timeout} through the {@link Watchdog} (socket timeouts bound only each read): a relay that stops
 * reading, or drips its reply, gets its connection closed.
 */
final class MessageData {

    private final SmtpSession session;

    MessageData(SmtpSession session) {
        this.session = session;
    }

    /** What the data phase gave: the octets of the message before dot-stuffing, and the relay's final reply. */
    record Sent(long octets, ServerReply reply) {
    }

    /**
     * Writes the message, ends the data and reads the relay's reply, all within one {@code data-timeout}.
     *
     * @param content the message
     * @param wire what the relay accepts in this transaction
     * @return the octets sent and the final reply
     * @throws IOException if the connection or reading the content fails, or the phase takes too long
     * @throws StageException if the content cannot be written (untranslated records)
     */
    Sent send(MailContent content, WireOptions wire) throws IOException, StageException {
        SmtpConnection connection = session.connection();
        Duration limit = session.settings().dataTimeout();
        try (Watchdog.Deadline deadline = session.watchdog().arm(connection, limit)) {
            long octets = write(connection, content, wire, deadline);
            connection.readTimeout(limit);
            ServerReply reply = connection.readReply(deadline, "data-timeout " + limit.toMillis() + "ms");
            connection.readTimeout(session.settings().commandTimeout());
            return new Sent(octets, reply);
        }
    }

    private long write(SmtpConnection connection, MailContent content, WireOptions wire, Watchdog.Deadline deadline)
            throws IOException, StageException {
        DotStuffingOutputStream stuffed = new DotStuffingOutputStream(connection.dataStream());
        CountingOutputStream counted = new CountingOutputStream(stuffed);
        try {
            MessageWriter.write(content, counted, wire);
            counted.flush();
            stuffed.finish();
        } catch (IllegalStateException e) {
            connection.close();
            throw new PermanentStageException("the message cannot be written: " + e.getMessage(), null, null, e);
        } catch (IOException | RuntimeException e) {
            connection.close();
            if (deadline.fired()) {
                throw new IOException("sending the message took longer than data-timeout "
                        + session.settings().dataTimeout().toMillis() + "ms", e);
            }
            throw e;
        }
        connection.trace().data(connection.peer(), counted.count());
        connection.expectReply("end of data");
        return counted.count();
    }
}
