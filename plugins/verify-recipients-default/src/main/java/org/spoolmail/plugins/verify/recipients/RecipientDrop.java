package org.spoolmail.plugins.verify.recipients;

import java.util.ArrayList;
import java.util.List;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.mail.Attributes;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;

/**
 * What a recipient REPLACE does to an envelope: the forward-paths it names (compared as mail systems compare
 * mailboxes: local-part exactly, domain ignoring case) are dropped, the others stay in their order.
 *
 * @param dropped the forward-paths of the envelope that were removed, in envelope order
 * @param left the forward-paths that stay; may be empty
 */
record RecipientDrop(List<ForwardPath> dropped, List<ForwardPath> left) {

    /** Attribute key prefix of a dropped forward-path; see {@link VerifyRecipientsStage}. */
    static final String ATTRIBUTE_PREFIX = "dropped-by:";

    /** No drop. */
    static final RecipientDrop NONE = new RecipientDrop(List.of(), List.of());

    RecipientDrop {
        dropped = List.copyOf(dropped);
        left = List.copyOf(left);
    }

    static RecipientDrop of(Envelope envelope, ExitDecision.DropRecipients decision) {
        List<ForwardPath> dropped = new ArrayList<>();
        List<ForwardPath> left = new ArrayList<>();
        for (ForwardPath path : envelope.forwardPaths()) {
            boolean named = decision.recipients().stream().anyMatch(r -> r.mailbox().sameAs(path.mailbox()));
            (named ? dropped : left).add(path);
        }
        return new RecipientDrop(dropped, left);
    }

    static String joined(List<ForwardPath> paths) {
        return String.join(", ", paths.stream().map(ForwardPath::toString).toList());
    }

    /** @return the text the trace gets after the routine's reason, e.g. {@code " (dropped <a@x.org>)"} */
    String describe() {
        if (this == NONE) {
            return "";
        }
        return dropped.isEmpty() ? " (none of the named recipients is in the envelope)" : " (dropped " + joined(dropped) + ")";
    }

    /**
     * @param mail the mail object
     * @param routine the routine that dropped the forward-paths
     * @param reason its reason
     * @return the mail object with one {@code dropped-by:<forward-path>} attribute per dropped forward-path
     */
    MailObject recorded(MailObject mail, String routine, String reason) {
        Attributes attributes = mail.attributes();
        for (ForwardPath path : dropped) {
            attributes = attributes.with(ATTRIBUTE_PREFIX + path, routine + ": " + reason);
        }
        return mail.withAttributes(attributes);
    }
}
