package org.spoolmail.plugins.parse.rfc5322;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.AddressList;
import org.spoolmail.exits.mail.Attributes;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.ReversePath;

/**
 * The envelope {@code sendmail -t} makes from a message: recipients from To, Cc and Bcc (duplicates once, in
 * order), Bcc removed from the header section; reverse-path from the configured envelope sender, else Sender,
 * else From. Resent-* fields (RFC 5322 section 3.6.6) make no recipients: Resent-To and Resent-Cc are kept as
 * written, Resent-Bcc is removed like Bcc, so its blind addresses are never shown to the To/Cc recipients.
 */
final class SendmailEnvelope {

    private static final List<String> RECIPIENT_FIELDS = List.of("To", "Cc", "Bcc");

    private final String origin;
    private final Optional<Mailbox> envelopeSender;
    private final int maxRecipients;

    /**
     * @param origin the input's name, for errors
     * @param envelopeSender the configured reverse-path, if any
     * @param maxRecipients the most addresses To, Cc and Bcc may hold together (duplicates count)
     */
    SendmailEnvelope(String origin, Optional<Mailbox> envelopeSender, int maxRecipients) {
        this.origin = origin;
        this.envelopeSender = envelopeSender;
        this.maxRecipients = maxRecipients;
    }

    MailObject toMailObject(MessageRecords message, MailInput input) throws PermanentStageException {
        HeaderSection headers = message.content().headers();
        List<ForwardPath> recipients = new ArrayList<>();
        int written = 0;
        for (String name : RECIPIENT_FIELDS) {
            List<String> bodies = headers.all(name);
            List<Long> records = message.headers().recordsOf(name);
            for (int i = 0; i < bodies.size(); i++) {
                for (String spec : AddressList.addrSpecs(bodies.get(i))) {
                    if (++written > maxRecipients) {
                        throw new PermanentStageException(new InputLocation(origin, records.get(i)),
                                "more than max-recipients " + maxRecipients + " addresses in To, Cc and Bcc");
                    }
                    ForwardPath path = new ForwardPath(mailbox(spec, name, records.get(i)));
                    if (recipients.stream().noneMatch(r -> r.mailbox().sameAs(path.mailbox()))) {
                        recipients.add(path);
                    }
                }
            }
        }
        if (recipients.isEmpty()) {
            throw new PermanentStageException(new InputLocation(origin, message.headerEndRecord()),
                    "no recipient: the message has no address in To, Cc or Bcc");
        }
        MailContent content = new MailContent(headers.without("Bcc").without("Resent-Bcc"),
                message.content().root());
        Attributes attributes = Attributes.EMPTY.with("origin", origin).with("input-record", "1");
        return MailObject.of(UUID.randomUUID().toString(), new Envelope(reversePath(message), recipients), content,
                input.identity()).withAttributes(attributes);
    }

    private ReversePath reversePath(MessageRecords message) throws PermanentStageException {
        if (envelopeSender.isPresent()) {
            return ReversePath.of(envelopeSender.get());
        }
        for (String name : List.of("Sender", "From")) {
            List<String> bodies = message.content().headers().all(name);
            if (!bodies.isEmpty()) {
                List<String> specs = AddressList.addrSpecs(bodies.get(0));
                long record = message.headers().recordsOf(name).get(0);
                if (specs.isEmpty()) {
                    throw new PermanentStageException(new InputLocation(origin, record), name + " holds no address");
                }
                return ReversePath.of(mailbox(specs.get(0), name, record));
            }
        }
        throw new PermanentStageException(new InputLocation(origin, 0),
                "no sender: the message has neither a Sender nor a From field, and no envelope-sender is configured");
    }

    private Mailbox mailbox(String spec, String field, long record) throws PermanentStageException {
        try {
            return Mailbox.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new PermanentStageException(new InputLocation(origin, record), "malformed address '" + spec
                    + "' in " + field + ": " + e.getMessage());
        }
    }
}
