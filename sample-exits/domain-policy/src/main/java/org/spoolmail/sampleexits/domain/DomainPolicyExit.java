package org.spoolmail.sampleexits.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.pf4j.Extension;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.config.StageConfig;
import org.spoolmail.exits.mail.AddressList;
import org.spoolmail.exits.mail.AddressPattern;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * A sample domain policy: allowed and denied sender and recipient domains, with wildcards ({@code *.example.com}).
 * The sender side checks the domain of the reverse-path (unless it is the null path) and of every From address;
 * the recipient side checks each forward-path. A refused sender is rejected with {@code 550 5.7.1}; refused
 * recipients either reject the whole mail ({@code recipients: reject}) or are dropped from the envelope
 * ({@code recipients: drop}, at the {@code verify-recipients} exit point only), and a mail left without a recipient
 * is rejected. A side with neither list is not checked. Deny wins over allow.
 *
 * <pre>{@code
 * - exit: verify-recipients
 *   routines: [domain-policy]
 *   config:
 *     domain-policy:
 *       allow-sender-domains: [example.com, "*.example.com"]
 *       deny-recipient-domains: ["*.example.org", competitor.com]
 *       recipients: drop            # reject (default) | drop
 * }</pre>
 */
@Extension
@StageName("domain-policy")
public class DomainPolicyExit implements MailExit {

    static final ConfigKey<List<AddressPattern>> ALLOW_SENDER = DomainList.key("allow-sender-domains");
    static final ConfigKey<List<AddressPattern>> DENY_SENDER = DomainList.key("deny-sender-domains");
    static final ConfigKey<List<AddressPattern>> ALLOW_RECIPIENT = DomainList.key("allow-recipient-domains");
    static final ConfigKey<List<AddressPattern>> DENY_RECIPIENT = DomainList.key("deny-recipient-domains");
    /** What refused recipients do: reject the mail, or leave the envelope. */
    static final ConfigKey<String> RECIPIENTS = ConfigKey.oneOf("recipients", "reject", "reject", "drop");

    private volatile DomainList senders = new DomainList(List.of(), List.of());
    private volatile DomainList recipients = new DomainList(List.of(), List.of());
    private volatile boolean drop;

    /** Creates the exit; PF4J calls this. */
    public DomainPolicyExit() {
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(ALLOW_SENDER, DENY_SENDER, ALLOW_RECIPIENT, DENY_RECIPIENT, RECIPIENTS);
    }

    @Override
    public void init(StageContext context) throws PermanentStageException {
        StageConfig config = context.config();
        senders = new DomainList(config.get(ALLOW_SENDER), config.get(DENY_SENDER));
        recipients = new DomainList(config.get(ALLOW_RECIPIENT), config.get(DENY_RECIPIENT));
        drop = config.get(RECIPIENTS).equals("drop");
        if (senders.isEmpty() && recipients.isEmpty()) {
            throw new PermanentStageException("no domain list is configured: give allow-sender-domains,"
                    + " deny-sender-domains, allow-recipient-domains or deny-recipient-domains");
        }
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        Optional<ExitDecision> sender = checkSender(mail);
        if (sender.isPresent()) {
            return sender.get();
        }
        List<ForwardPath> refused = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (ForwardPath path : mail.envelope().forwardPaths()) {
            String domain = path.mailbox().domain();
            recipients.refusal(domain).ifPresent(why -> {
                refused.add(path);
                reasons.add("recipient domain " + domain + " " + why);
            });
        }
        if (refused.isEmpty()) {
            return new ExitDecision.Continue(summary(mail));
        }
        return refuseRecipients(mail, refused, reasons);
    }

    private Optional<ExitDecision> checkSender(MailObject mail) {
        List<String[]> addresses = new ArrayList<>();
        mail.envelope().reversePath().mailbox().ifPresent(m -> addresses.add(new String[] {m.toString(),
                "reverse-path"}));
        mail.content().headers().all("From").stream().flatMap(b -> fromAddresses(b).stream())
                .forEach(a -> addresses.add(new String[] {a, "From header field"}));
        for (String[] address : addresses) {
            int at = address[0].lastIndexOf('@');
            String domain = at < 0 ? "" : address[0].substring(at + 1);
            Optional<String> why = senders.refusal(domain);
            if (why.isPresent()) {
                String text = domain.isEmpty() ? "sender " + address[0] + " has no domain"
                        : "sender domain " + domain + " is not allowed";
                return Optional.of(reject(text, text + ": " + address[0] + " (" + address[1] + ") " + why.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The addresses of a From field body, read leniently ({@link AddressList#addrSpecs(String)}); a body that names
     * nothing but is not blank (only a comment) is returned whole, so it has no domain and the sender is judged.
     */
    private static List<String> fromAddresses(String body) {
        List<String> specs = AddressList.addrSpecs(body);
        return specs.isEmpty() && !body.isBlank() ? List.of(body.strip()) : specs;
    }

    /** The stage adds {@code (dropped <path>, ...)} to a drop's reason, so the reason names only the domains. */
    private ExitDecision refuseRecipients(MailObject mail, List<ForwardPath> refused, List<String> reasons) {
        int all = mail.envelope().forwardPaths().size();
        if (!drop || refused.size() == all) {
            String text = refused.size() == 1 ? "recipient domain " + refused.get(0).mailbox().domain()
                    + " is not allowed" : refused.size() + " of " + all + " recipient domains are not allowed";
            List<String> each = new ArrayList<>();
            for (int i = 0; i < refused.size(); i++) {
                each.add(refused.get(i) + " (" + reasons.get(i) + ")");
            }
            return reject(text, text + ": " + String.join(", ", each));
        }
        return ExitDecision.dropRecipients(refused, String.join("; ", reasons.stream().distinct().toList()));
    }

    private String summary(MailObject mail) {
        String domains = mail.envelope().forwardPaths().stream().map(p -> p.mailbox().domain())
                .distinct().collect(Collectors.joining(", "));
        return (senders.isEmpty() ? "" : "sender domain allowed; ")
                + (recipients.isEmpty() ? "recipient domains not checked" : "recipient domains allowed: " + domains);
    }

    private static ExitDecision reject(String text, String reason) {
        return ExitDecision.reject(SmtpReply.of(550, "5.7.1", text), reason);
    }
}
