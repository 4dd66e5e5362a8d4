package org.spoolmail.sampleexits.directory;

import java.util.List;
import java.util.Optional;

import org.pf4j.Extension;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.AddressList;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.NameAddr;
import org.spoolmail.exits.mail.ReversePath;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * A sample sender-verification exit: a table in pipeline.yaml says which OS user IDs (optionally only in which
 * jobs) may send as which addresses. It decides on the established user ID only; a job-name pattern matches an
 * established or claimed job name. In {@code verify} mode the reverse-path and every From address must be allowed
 * by one row, else the mail is rejected with {@code 550 5.7.1}; in {@code replace} mode a sender that is not
 * allowed is replaced by the row's first send-as address without wildcards, and {@code display-name} says what
 * happens to the From display name: {@code keep} it (default), {@code replace} it with that row's own
 * {@code display-name}, or {@code drop} it (the bare address). In both modes a From, Sender or
 * Reply-To display name holding address-like text other than its own address ({@code "ceo@example.com"
 * <ops@example.com>}) is rejected with {@code 550 5.7.1}.
 *
 * <pre>{@code
 * - exit: verify-sender
 *   routines: [directory-sender]
 *   config:
 *     directory-sender:
 *       mode: verify            # verify | replace
 *       display-name: keep      # replace mode: keep | replace | drop the From display name
 *       entries:
 *         - user: BATCH1        # OS user ID (established), compared ignoring case
 *           job: "PAY*"         # optional job-name pattern (* and ?)
 *           send-as: [payroll@example.com, "*@reports.example.com"]
 *           display-name: Payroll Office   # written by display-name: replace
 *         - user: OPS
 *           send-as: [ops@example.com]
 * }</pre>
 */
@Extension
@StageName("directory-sender")
public class DirectorySenderExit implements MailExit {

    /** {@code verify} refuses senders the table does not allow; {@code replace} sends as an allowed address. */
    static final ConfigKey<String> MODE = ConfigKey.oneOf("mode", "verify", "verify", "replace");
    /**
     * What a REPLACE does to the From display name: {@code keep} it, {@code replace} it with the row's own
     * {@code display-name}, or {@code drop} it. Only {@code replace} mode replaces senders.
     */
    static final ConfigKey<String> DISPLAY_NAME = ConfigKey.oneOf("display-name", "keep", "keep", "replace", "drop");
    /** The sender directory: rows of user, optional job pattern and send-as address patterns. */
    static final ConfigKey<List<DirectoryEntry>> ENTRIES = new ConfigKey<>("entries", Optional.empty(), true,
            "a list of mappings with user, optional job and send-as", DirectoryEntries::parse);

    private boolean replaceMode;
    private String displayNameMode = "keep";
    private List<DirectoryEntry> entries = List.of();

    /** Creates the exit; PF4J calls this. */
    public DirectorySenderExit() {
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(MODE, ENTRIES, DISPLAY_NAME);
    }

    @Override
    public void init(StageContext context) {
        replaceMode = context.config().get(MODE).equals("replace");
        displayNameMode = context.config().get(DISPLAY_NAME);
        entries = context.config().get(ENTRIES);
        if (displayNameMode.equals("replace")) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).firstPlainAddress().isPresent() && entries.get(i).displayName().isEmpty()) {
                    throw new IllegalArgumentException("display-name: replace needs a display-name"
                            + " in every entry with a send-as address without wildcards; entries[" + i
                            + "] has none");
                }
            }
        }
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        Identity identity = mail.identity();
        if (!identity.userId().established()) {
            return refuse("user ID not established", "user ID not established");
        }
        String user = identity.userId().value();
        List<DirectoryEntry> forUser = entries.stream().filter(e -> e.isFor(user)).toList();
        if (forUser.isEmpty()) {
            String text = "user ID " + user + " is not in the sender directory";
            return refuse(text, text);
        }
        List<DirectoryEntry> applicable = forUser.stream().filter(e -> e.appliesTo(identity.jobName())).toList();
        if (applicable.isEmpty()) {
            return refuseJob(user, identity.jobName());
        }
        List<SenderCheck.Refusal> claimed;
        try {
            claimed = headerAddresses(mail);
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage(), e.getMessage());
        }
        ExitDecision decision = replaceMode ? replace(user, applicable, mail, claimed)
                : verify(user, applicable, mail, claimed);
        if (decision instanceof ExitDecision.Reject) {
            return decision;
        }
        Optional<String> spoofed = spoofedDisplayName(mail, decision);
        return spoofed.isPresent() ? refuse(spoofed.get(), spoofed.get()) : decision;
    }

    /**
     * The first From, Sender or Reply-To display name that holds another address; the fields parse already. The
     * From checked is the one that will go out: after a REPLACE that keeps the display name, {@code "ceo@x" <ceo@x>}
     * becomes {@code "ceo@x" <ops@x>}, which is spoofing although the field as written was not.
     */
    private static Optional<String> spoofedDisplayName(MailObject mail, ExitDecision decision) {
        for (String field : List.of("From", "Sender", "Reply-To")) {
            for (String body : mail.content().headers().all(field)) {
                List<NameAddr> mailboxes = AddressList.parse(body).mailboxes();
                if (field.equals("From") && decision instanceof ExitDecision.Replace r && r.from().isPresent()) {
                    if (r.fromDisplayName().isPresent()) {
                        continue; // the display name is replaced too: the directory's own, or none
                    }
                    mailboxes = mailboxes.stream().map(m -> new NameAddr(m.displayName(), r.from().get())).toList();
                }
                Optional<String> spoofed = DisplayNames.spoofed(field, mailboxes);
                if (spoofed.isPresent()) {
                    return spoofed;
                }
            }
        }
        return Optional.empty();
    }

    private ExitDecision verify(String user, List<DirectoryEntry> applicable, MailObject mail,
            List<SenderCheck.Refusal> claimed) {
        ReversePath reversePath = mail.envelope().reversePath();
        if (reversePath.isNullPath()) {
            return refuse(user + " is not authorised to send with the null reverse-path",
                    user + " may not send with the null reverse-path <>: batch jobs do not send bounces");
        }
        String sender = reversePath.mailbox().orElseThrow().toString();
        Optional<SenderCheck.Refusal> refusal = SenderCheck.firstRefused(applicable, sender, claimed);
        if (refusal.isPresent()) {
            String text = user + " is not authorised to send as " + refusal.get().address();
            return refuse(text, text + " (" + refusal.get().field() + ")");
        }
        return new ExitDecision.Continue(user + " may send as " + sender);
    }

    private ExitDecision replace(String user, List<DirectoryEntry> applicable, MailObject mail,
            List<SenderCheck.Refusal> claimed) {
        Optional<Mailbox> sender = mail.envelope().reversePath().mailbox();
        if (sender.isPresent() && SenderCheck.firstRefused(applicable, sender.get().toString(), claimed).isEmpty()) {
            return new ExitDecision.Continue(user + " may send as " + sender.get());
        }
        Optional<SenderCheck.Refusal> notFrom = claimed.stream().filter(c -> !c.field().startsWith("From"))
                .filter(c -> applicable.stream().noneMatch(e -> e.allows(c.address()))).findFirst();
        if (notFrom.isPresent()) {
            String text = user + " is not authorised to send as " + notFrom.get().address();
            return refuse(text, text + " (" + notFrom.get().field() + ", which a replacement does not rewrite)");
        }
        Optional<DirectoryEntry> row = applicable.stream().filter(e -> e.firstPlainAddress().isPresent()).findFirst();
        if (row.isEmpty()) {
            return refuse(user + " is not authorised to send as " + mail.envelope().reversePath(),
                    "user ID " + user + " has no send-as address without wildcards in the sender directory");
        }
        return replacement(user, row.get());
    }

    private ExitDecision replacement(String user, DirectoryEntry row) {
        Mailbox target = row.firstPlainAddress().orElseThrow();
        String reason = user + " sends as " + target;
        return switch (displayNameMode) {
            case "replace" -> ExitDecision.replaceWithDisplayName(target, row.displayName().orElseThrow(),
                    reason + " with display name '" + row.displayName().get() + "'");
            case "drop" -> ExitDecision.replaceWithDisplayName(target, "", reason + " without a display name");
            default -> ExitDecision.replace(target, reason);
        };
    }

    private static ExitDecision refuseJob(String user, Optional<IdentityFact> jobName) {
        if (jobName.isEmpty()) {
            return refuse(user + " is not authorised to send without a job name",
                    "user ID " + user + " has sender directory entries for named jobs only");
        }
        return refuse(user + " is not authorised to send from job " + jobName.get().value(),
                "user ID " + user + " has no sender directory entry for job " + jobName.get());
    }

    /**
     * The addresses of From, Sender and Reply-To, in that order.
     *
     * @throws IllegalArgumentException saying which field is malformed and why
     */
    private static List<SenderCheck.Refusal> headerAddresses(MailObject mail) {
        List<SenderCheck.Refusal> claimed = new java.util.ArrayList<>();
        for (String field : List.of("From", "Sender", "Reply-To")) {
            for (String body : mail.content().headers().all(field)) {
                List<String> addresses;
                try {
                    addresses = AddressList.parse(body).addresses().stream().map(Mailbox::toString).toList();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(field + " header field is malformed: " + e.getMessage(), e);
                }
                if (field.equals("Sender") && addresses.size() > 1) {
                    throw new IllegalArgumentException("Sender header field is malformed: it holds "
                            + addresses.size() + " mailboxes, RFC 5322 section 3.6.2 allows one");
                }
                addresses.forEach(a -> claimed.add(new SenderCheck.Refusal(a, field + " header field")));
            }
        }
        return claimed;
    }

    private static ExitDecision refuse(String replyText, String reason) {
        return ExitDecision.reject(SmtpReply.of(550, "5.7.1", replyText), reason);
    }
}
