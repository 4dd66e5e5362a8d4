package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.util.Optional;

/**
 * The relay broke the SMTP dialogue (RFC 5321 sections 4.2 and 4.3.2): a reply of a class no command allows at
 * that point (2xx where 354 is due, 3xx where 2xx is due), a line that is not an SMTP reply, or data nobody asked
 * for (replies sent before the client spoke: pipelined greeting injection). The session is out of step and is
 * closed; the stage reports it as transient, so the kernel holds the item (condition code 16) instead of calling
 * the mail refused.
 */
final class SmtpProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient ServerReply reply;

    /** @param message what broke, naming the command and the reply @param reply the offending reply, or null */
    SmtpProtocolException(String message, ServerReply reply) {
        super(message);
        this.reply = reply;
    }

    /** @return the reply that broke the dialogue, when it was a well-formed reply */
    Optional<ServerReply> reply() {
        return Optional.ofNullable(reply);
    }
}
