package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.WireOptions;

/**
 * Streams a message after the relay's 354: {@link MessageWriter} output, counted, through
 * {@link DotStuffingOutputStream} to the socket, then {@code <CRLF>.<CRLF>}. Nothing holds the message whole. If
 * writing fails half-way the connection is closed without the terminator, so the relay discards the partial
 * message instead of delivering it. Writing is bounded by {@code data-timeout} through the {@link Watchdog} (socket
 * timeouts bound only reads): a relay that stops reading gets its connection closed.
 */
final class MessageData {

    private final SmtpSession session;

    MessageData(SmtpSession session) {
        this.session = session;
    }

    /**
     * Writes the message and ends the data; afterwards replies are awaited with the data timeout.
     *
     * @param content the message
     * @param wire what the relay accepts in this transaction
     * @return the octets of the message before dot-stuffing
     * @throws IOException if the connection or reading the content fails
     * @throws StageException if the content cannot be written (untranslated records)
     */
    long write(MailContent content, WireOptions wire) throws IOException, StageException {
        SmtpConnection connection = session.connection();
        DotStuffingOutputStream stuffed = new DotStuffingOutputStream(connection.dataStream());
        CountingOutputStream counted = new CountingOutputStream(stuffed);
        try (Watchdog.Deadline deadline = session.watchdog().arm(connection, session.settings().dataTimeout())) {
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
        }
        connection.trace().data(connection.peer(), counted.count());
        connection.expectReply("end of data");
        connection.readTimeout(session.settings().dataTimeout());
        return counted.count();
    }
}
