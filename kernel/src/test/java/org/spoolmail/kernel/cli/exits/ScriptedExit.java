package org.spoolmail.kernel.cli.exits;

import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * A site exit routine for the end-to-end tests, packed into a throw-away plugin jar by {@link ExitJars}: it makes
 * the decision its configuration names (or fails as told: throws, raises a LinkageError, sleeps, returns null), but
 * only for mail whose reverse-path is {@code when-sender}; other mail gets CONTINUE. Deliberately not annotated
 * with {@code @Extension}: the kernel's test classpath must offer no extension of its own, so the jar lists the
 * class in its own {@code META-INF/extensions.idx}.
 */
public abstract class ScriptedExit implements MailExit {

    static final ConfigKey<String> DECISION = ConfigKey.oneOf("decision", "continue", "continue", "accept",
            "replace", "drop", "reject", "defer", "throw", "linkage-error", "sleep", "null");
    static final ConfigKey<String> WHEN_SENDER = ConfigKey.string("when-sender", null);
    static final ConfigKey<String> ADDRESS = ConfigKey.string("address", "nobody@example.com");

    private String decision = "continue";
    private Optional<String> whenSender = Optional.empty();
    private Mailbox address = Mailbox.parse("nobody@example.com");

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(DECISION, WHEN_SENDER, ADDRESS);
    }

    @Override
    public void init(StageContext context) {
        decision = context.config().get(DECISION);
        whenSender = context.config().find(WHEN_SENDER);
        address = Mailbox.parse(context.config().get(ADDRESS));
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        String sender = mail.envelope().reversePath().mailbox().map(Mailbox::toString).orElse("");
        if (whenSender.isPresent() && !whenSender.get().equalsIgnoreCase(sender)) {
            return new ExitDecision.Continue("not " + whenSender.get());
        }
        return switch (decision) {
            case "accept" -> ExitDecision.accept("trusted sender " + sender);
            case "replace" -> ExitDecision.replace(address, sender + " sends as " + address);
            case "drop" -> ExitDecision.dropRecipients(List.of(new ForwardPath(address)), address + " may not get"
                    + " this mail");
            case "reject" -> ExitDecision.reject(SmtpReply.of(550, "5.7.1", sender + " may not send this"),
                    "policy refuses " + sender);
            case "defer" -> ExitDecision.defer(SmtpReply.of(451, "4.3.0", "directory unavailable"),
                    "directory unavailable for " + sender);
            case "throw" -> throw new IllegalStateException("site directory is corrupt");
            case "linkage-error" -> throw new NoClassDefFoundError("com/example/SiteDirectory");
            case "sleep" -> sleep();
            case "null" -> null;
            default -> new ExitDecision.Continue("no objection to " + sender);
        };
    }

    private static ExitDecision sleep() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitDecision.accept("woke up too late");
    }
}
