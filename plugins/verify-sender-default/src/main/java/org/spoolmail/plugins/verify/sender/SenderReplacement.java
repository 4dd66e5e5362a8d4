package org.spoolmail.plugins.verify.sender;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.mail.AddressList;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;

/**
 * Applies a REPLACE decision to a mail object: the new reverse-path goes on the envelope, and the new address goes
 * into the From header field with its display name kept ({@link AddressList#withFirstAddress}); a mail object
 * without a From header field gets {@code From: new@address}.
 */
final class SenderReplacement {

    private SenderReplacement() {
    }

    /**
     * Applies the decision.
     *
     * @param mail the mail object as the routine saw it
     * @param replace the routine's decision
     * @return the mail object with the new sender, for later routines and stages
     */
    static MailObject apply(MailObject mail, ExitDecision.Replace replace) {
        MailObject result = mail;
        if (replace.reversePath().isPresent()) {
            result = result.withEnvelope(result.envelope().withReversePath(replace.reversePath().get()));
        }
        if (replace.from().isPresent()) {
            result = result.withContent(result.content().withHeaders(withFrom(result, replace.from().get())));
        }
        return result;
    }

    private static HeaderSection withFrom(MailObject mail, Mailbox address) {
        HeaderSection headers = mail.content().headers();
        String body = headers.first("From")
                .map(old -> AddressList.withFirstAddress(old, address))
                .orElse(address.toString());
        return headers.replace("From", body);
    }
}
