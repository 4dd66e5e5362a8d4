package org.spoolmail.plugins.parse.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spoolmail.exits.mail.Attributes;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.ReversePath;

/** One SMTP transaction being read: opened by MAIL FROM, collecting RCPT TO paths until DATA. */
final class Transaction {

    private final ReversePath reversePath;
    private final long mailFromRecord;
    private final List<ForwardPath> forwardPaths = new ArrayList<>();

    /**
     * @param reversePath the MAIL FROM path
     * @param mailFromRecord the number of the MAIL FROM record
     */
    Transaction(ReversePath reversePath, long mailFromRecord) {
        this.reversePath = reversePath;
        this.mailFromRecord = mailFromRecord;
    }

    /** @return the number of the record that opened the transaction */
    long mailFromRecord() {
        return mailFromRecord;
    }

    void add(ForwardPath forwardPath) {
        forwardPaths.add(forwardPath);
    }

    int recipientCount() {
        return forwardPaths.size();
    }

    boolean hasRecipients() {
        return !forwardPaths.isEmpty();
    }

    /**
     * Makes the mail object of this transaction.
     *
     * @param content the message read after DATA
     * @param input the input, for identity and origin
     * @param requiresTls true if STARTTLS came before
     * @return the mail object, with a provisional id the kernel replaces
     */
    MailObject toMailObject(MailContent content, MailInput input, boolean requiresTls) {
        Attributes attributes = Attributes.EMPTY
                .with("origin", input.origin())
                .with("input-record", Long.toString(mailFromRecord));
        if (requiresTls) {
            attributes = attributes.with("requires-tls", "true");
        }
        return MailObject.of(UUID.randomUUID().toString(), new Envelope(reversePath, forwardPaths), content,
                input.identity()).withAttributes(attributes);
    }
}
