package org.spoolmail.sampleexits.attachment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.pf4j.Extension;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.config.StageConfig;
import org.spoolmail.exits.mail.AddressPattern;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * A sample content-policy exit: which attachments a message may carry. Each attachment's media type is checked
 * against {@code allow-types} / {@code deny-types} ({@code text/*}, {@code application/pdf}) and its file-name
 * extension against {@code allow-extensions} / {@code deny-extensions} ({@code csv}, {@code exe}), deny winning;
 * {@code max-attachments} caps their number. The first attachment refused rejects the message with
 * {@code 550 5.7.1} and a reply that names it. A message with no attachment passes.
 *
 * <p>The routine needs the divided MIME tree that the mime-encode stage builds; a hand-built multipart that is still
 * one body (the exit point placed before mime-encode) cannot be checked, so the routine fails and the item is held
 * rather than let through unchecked.
 *
 * <pre>{@code
 * - exit: content-policy
 *   routines: [attachment-policy]
 *   config:
 *     attachment-policy:
 *       allow-types: ["text/*", application/pdf]
 *       deny-extensions: [exe, bat, js]
 *       max-attachments: "3"
 * }</pre>
 */
@Extension
@StageName("attachment-policy")
public class AttachmentPolicyExit implements MailExit {

    static final ConfigKey<List<String>> ALLOW_TYPES = ConfigKey.stringList("allow-types", List.of());
    static final ConfigKey<List<String>> DENY_TYPES = ConfigKey.stringList("deny-types", List.of());
    static final ConfigKey<List<String>> ALLOW_EXTENSIONS = ConfigKey.stringList("allow-extensions", List.of());
    static final ConfigKey<List<String>> DENY_EXTENSIONS = ConfigKey.stringList("deny-extensions", List.of());
    static final ConfigKey<Integer> MAX_ATTACHMENTS = ConfigKey.integer("max-attachments", null, 0, 10_000);

    private volatile AttachmentRules rules;

    /** Creates the exit; PF4J calls this. */
    public AttachmentPolicyExit() {
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(ALLOW_TYPES, DENY_TYPES, ALLOW_EXTENSIONS, DENY_EXTENSIONS, MAX_ATTACHMENTS);
    }

    @Override
    public void init(StageContext context) {
        StageConfig c = context.config();
        rules = new AttachmentRules(patterns(c.get(ALLOW_TYPES), ""), patterns(c.get(DENY_TYPES), ""),
                patterns(c.get(ALLOW_EXTENSIONS), "."), patterns(c.get(DENY_EXTENSIONS), "."),
                c.find(MAX_ATTACHMENTS));
    }

    @Override
    public ExitDecision decide(MailObject mail) throws PermanentStageException {
        MimePart root = mail.content().root();
        if (root.leaves().stream().anyMatch(p -> p.contentType().isMultipart())) {
            throw new PermanentStageException("attachment-policy cannot see the attachments: the multipart has not"
                    + " been divided into parts; place this exit point after mime-encode");
        }
        List<Attachment> attachments = Attachment.of(root);
        Optional<Integer> max = rules.maxAttachments();
        if (max.isPresent() && attachments.size() > max.get()) {
            return reject("the message has " + attachments.size() + " attachments, more than the " + max.get()
                    + " allowed");
        }
        for (Attachment a : attachments) {
            Optional<String> refusal = rules.refusal(a);
            if (refusal.isPresent()) {
                return reject(a.describe() + ": " + refusal.get());
            }
        }
        return new ExitDecision.Continue(attachments.size() + " attachment" + (attachments.size() == 1 ? "" : "s")
                + " allowed");
    }

    /** Extensions are compared with their dot ({@code .pdf}), so {@code "."} stands for a name without one. */
    private static List<AddressPattern> patterns(List<String> values, String prefix) {
        return values.stream().map(v -> AddressPattern.of(prefix
                + v.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))).toList();
    }

    private static ExitDecision reject(String text) {
        return ExitDecision.reject(SmtpReply.of(550, "5.7.1", text), text);
    }
}
