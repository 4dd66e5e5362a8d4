package org.spoolmail.plugins.verify.sender;

import java.util.Optional;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.mail.AddressList;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;

/**
 * Applies a REPLACE decision to a mail object: the new reverse-path goes on the envelope, and the new address goes
 * into the From header field with its display name kept ({@link AddressList#withFirstAddress}); a mail object
 * without a From header field gets {@code From: new@address}. A decision that names a From display name
 * ({@link ExitDecision.Replace#fromDisplayName()}) writes {@code phrase <new@address>} instead, the phrase quoted as
 * RFC 5322 section 3.2.5 needs ({@link DisplayNamePhrase}), or the bare address when the name is empty; the old
 * display name and comments go.
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
            result = result.withContent(result.content().withHeaders(
                    withFrom(result, replace.from().get(), replace.fromDisplayName())));
        }
        return result;
    }

    private static HeaderSection withFrom(MailObject mail, Mailbox address, Optional<String> displayName) {
        HeaderSection headers = mail.content().headers();
        if (displayName.isPresent()) {
            String name = displayName.get();
            return headers.replace("From", name.isEmpty() ? address.toString()
                    : DisplayNamePhrase.nameAddr(name, address.toString()));
        }
        String body = headers.first("From")
                .map(old -> AddressList.withFirstAddress(old, address))
                .orElse(address.toString());
        return headers.replace("From", body);
    }
}
