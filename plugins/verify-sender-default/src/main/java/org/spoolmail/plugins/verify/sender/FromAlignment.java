package org.spoolmail.plugins.verify.sender;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.spoolmail.exits.mail.AddressList;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * Makes the From header field agree with the verified reverse-path once the sender-verification routines have run,
 * so that the author a reader sees is never an address nobody verified. The policy is the verify-sender stage's
 * {@code from-alignment} setting:
 *
 * <ul>
 *   <li>{@code add-sender} (default): when From is not the verified sender, a {@code Sender} field names it
 *       (RFC 5322 section 3.6.2: the mailbox of the agent responsible for the transmission); the author stays. Mail
 *       clients show "sent by ... on behalf of ...", and jobs whose bounce address differs from their From keep
 *       working, which {@code rewrite} and {@code reject} would break;</li>
 *   <li>{@code rewrite}: From's address becomes the verified sender, its display name is kept, and a Sender field
 *       that names anyone else is removed;</li>
 *   <li>{@code reject}: the mail is refused with {@code 550 5.7.1};</li>
 *   <li>{@code off}: no check.</li>
 * </ul>
 *
 * The added or rewritten field holds the verified address only: never the job name, user ID or host.
 */
final class FromAlignment {

    /** The policies, as written in pipeline.yaml. */
    enum Policy {
        ADD_SENDER, REWRITE, REJECT, OFF;

        static Policy parse(String configured) {
            return valueOf(configured.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * What the alignment did.
     *
     * @param mail the mail object, changed or not
     * @param decision the trace decision: {@code ALIGNED}, {@code ADD-SENDER}, {@code REPLACE} or {@code REJECT}
     * @param reason what was found and done
     * @param refusal the 5xx reply when the policy refuses the mail
     */
    record Result(MailObject mail, String decision, String reason, Optional<SmtpReply> refusal) {
    }

    private FromAlignment() {
    }

    /**
     * Applies the policy.
     *
     * @param mail the mail object after the last routine
     * @param policy the configured policy; not OFF
     * @return the result, or empty when From already agrees or the reverse-path is the null path
     */
    static Optional<Result> apply(MailObject mail, Policy policy) {
        Optional<Mailbox> verified = mail.envelope().reversePath().mailbox();
        if (verified.isEmpty() || policy == Policy.OFF) {
            return Optional.empty();
        }
        Mailbox sender = verified.get();
        HeaderSection headers = mail.content().headers();
        Optional<String> from = headers.first("From");
        List<Mailbox> authors = from.map(AddressList::mailboxesIn).orElse(List.of());
        if (authors.size() == 1 && authors.get(0).sameAs(sender)) {
            return Optional.empty();
        }
        String found = from.map(f -> "From " + authors + " is not the verified sender " + sender)
                .orElse("no From header field; the verified sender is " + sender);
        return Optional.of(switch (policy) {
            case ADD_SENDER -> addSender(mail, sender, headers, from.isPresent(), found);
            case REWRITE -> rewrite(mail, sender, headers, from, found);
            default -> new Result(mail, "REJECT", found, Optional.of(SmtpReply.of(550, "5.7.1",
                    "From header field does not match the verified sender " + sender)));
        });
    }

    private static Result addSender(MailObject mail, Mailbox sender, HeaderSection headers, boolean hasFrom,
            String found) {
        if (!hasFrom) {
            return new Result(withHeaders(mail, headers.replace("From", sender.toString())), "REPLACE",
                    found + ": added From: " + sender, Optional.empty());
        }
        boolean senderAgrees = headers.first("Sender").map(AddressList::mailboxesIn)
                .filter(s -> s.size() == 1 && s.get(0).sameAs(sender)).isPresent();
        if (senderAgrees) {
            return new Result(mail, "ALIGNED", found + "; the Sender field names it", Optional.empty());
        }
        return new Result(withHeaders(mail, headers.replace("Sender", sender.toString())), "ADD-SENDER",
                found + ": added Sender: " + sender, Optional.empty());
    }

    private static Result rewrite(MailObject mail, Mailbox sender, HeaderSection headers, Optional<String> from,
            String found) {
        String body = from.map(f -> AddressList.withFirstAddress(f, sender)).orElse(sender.toString());
        HeaderSection rewritten = headers.replace("From", body);
        boolean otherSender = rewritten.first("Sender").map(AddressList::mailboxesIn)
                .filter(s -> !(s.size() == 1 && s.get(0).sameAs(sender))).isPresent();
        if (otherSender) {
            rewritten = rewritten.without("Sender");
        }
        return new Result(withHeaders(mail, rewritten), "REPLACE", found + ": From rewritten to " + sender,
                Optional.empty());
    }

    private static MailObject withHeaders(MailObject mail, HeaderSection headers) {
        return mail.withContent(mail.content().withHeaders(headers));
    }
}
