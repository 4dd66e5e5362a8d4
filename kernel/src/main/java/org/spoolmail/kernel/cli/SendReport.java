package org.spoolmail.kernel.cli;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;
import org.spoolmail.kernel.pipeline.ItemResult;

/**
 * What {@code spoolmail send} prints for one mail object: one line on standard output with the queue ID, outcome,
 * sender (and the one it replaced), recipients (each refused, deferred or dropped one marked, e.g.
 * {@code <x@gmail.com>(DROPPED)}) and subject (cut to {@value #SUBJECT_CHARS} characters); on standard error, the
 * reason when there is one, each refused recipient, each recipient an exit routine dropped with the routine's reason,
 * each REPLACE of the sender with its routine and reason, and each stage's warning ({@code <id> WARNING <stage>:
 * <reason>}).
 */
final class SendReport {

    /** The longest subject the result line shows; a longer one ends in "...". */
    static final int SUBJECT_CHARS = 200;

    private final Console console;
    private final String command;

    SendReport(Console console, String command) {
        this.console = console;
        this.command = command;
    }

    void print(ItemResult item) {
        MailObject mail = item.mail();
        Disposition d = item.disposition();
        console.out.printf("%s %s %s -> %s subject \"%s\" (condition code %d)%n", mail.id(), d.kind(), sender(mail),
                recipients(mail, d), subject(mail), item.conditionCode());
        problem(d).ifPresent(p -> console.problem(command, mail.identity().origin() + ": " + mail.id() + " "
                + d.kind() + ": " + p + item.heldAt().map(h -> " (kept in " + h.where() + ")").orElse("")));
        d.recipients().stream().filter(r -> r.status() != RecipientResult.Status.ACCEPTED)
                .forEach(r -> console.problem(command, mail.id() + " " + r.recipient() + " " + r.status()
                        + r.reply().map(x -> " [" + x + "]").orElse("")));
        MailChanges.drops(mail).forEach(x -> console.problem(command, mail.id() + " " + x.path() + " DROPPED by "
                + x.routine() + ": " + x.reason()));
        MailChanges.replacements(mail).forEach(x -> console.problem(command, mail.id() + " sender replaced by "
                + x.routine() + ": " + x.reason()));
        mail.trace().stream().filter(t -> t.decision().equals(TraceEntry.WARNING)).forEach(t -> console.problem(
                command, mail.id() + " WARNING " + t.stage() + ": " + t.reason()));
        item.warnings().forEach(w -> console.problem(command, w));
    }

    /**
     * The reason and the deciding reply; the reply alone when there is no reason; nothing for a plain delivery
     * (every recipient accepted, no reason), whose relay reply is in the audit record.
     */
    private static Optional<String> problem(Disposition d) {
        Optional<String> reply = d.reply().map(SmtpReply::toString);
        if (d.reason().isEmpty()) {
            boolean plain = d.kind() == Disposition.Kind.DELIVERED
                    && d.recipients().stream().allMatch(r -> r.status() == RecipientResult.Status.ACCEPTED);
            return plain ? Optional.empty() : reply;
        }
        return Optional.of(d.reason() + reply.map(r -> " [" + r + "]").orElse(""));
    }

    private static String sender(MailObject mail) {
        String now = mail.envelope().reversePath().toString();
        return mail.attributes().get("original-reverse-path").filter(original -> !original.equals(now))
                .map(original -> now + " (replaced " + original + ")").orElse(now);
    }

    private static String recipients(MailObject mail, Disposition d) {
        Stream<String> results = d.recipients().isEmpty()
                ? mail.envelope().forwardPaths().stream().map(Object::toString)
                : d.recipients().stream().map(r -> r.recipient() + (r.status() == RecipientResult.Status.ACCEPTED
                        ? "" : "(" + r.status() + ")"));
        Stream<String> dropped = MailChanges.drops(mail).stream().map(x -> x.path() + "(DROPPED)");
        return Stream.concat(results, dropped).collect(Collectors.joining(","));
    }

    private static String subject(MailObject mail) {
        String subject = mail.content().headers().first("Subject").orElse("");
        if (subject.codePointCount(0, subject.length()) <= SUBJECT_CHARS) {
            return subject;
        }
        return subject.substring(0, subject.offsetByCodePoints(0, SUBJECT_CHARS)) + "...";
    }
}
