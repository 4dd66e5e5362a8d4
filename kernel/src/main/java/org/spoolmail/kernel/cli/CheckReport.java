package org.spoolmail.kernel.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.TraceEntry;
import org.spoolmail.kernel.pipeline.ItemResult;

/**
 * What {@code spoolmail check} prints for one mail object: the envelope, a header summary, each leaf part (name,
 * type, size in octets, charset), every problem with its file and record (each once) and, as notes, each REPLACE
 * of the sender and each recipient an exit routine dropped. Nothing that changes from run to run
 * (queue ID, Date, Message-ID) is printed, so a job author can compare two runs.
 */
final class CheckReport {

    /** The header fields the summary shows, in this order, when present. */
    private static final List<String> SUMMARY = List.of("From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject");

    /** The trace decisions that are problems: a skipped command, a refusal, a hold, a stage's warning. */
    private static final List<String> PROBLEMS = List.of("SKIPPED", "REJECT", "DEFER", "HELD", "REJECTED",
            "DEFERRED", TraceEntry.WARNING);

    private final PrintWriter out;

    CheckReport(PrintWriter out) {
        this.out = out;
    }

    void print(int number, ItemResult item) {
        MailObject mail = item.mail();
        String record = mail.attributes().get("input-record").map(r -> " (record " + r + ")").orElse("");
        out.printf("%s: message %d%s: %s (condition code %d)%n", mail.identity().origin(), number, record,
                outcome(item.disposition()), item.conditionCode());
        out.println("  MAIL FROM:" + mail.envelope().reversePath());
        out.println("  RCPT TO:" + mail.envelope().forwardPaths().stream().map(ForwardPath::toString)
                .collect(Collectors.joining(", ")));
        for (String name : SUMMARY) {
            mail.content().headers().all(name).forEach(v -> out.println("  " + name + ": " + v));
        }
        List<MimePart> leaves = mail.content().root().leaves();
        for (int i = 0; i < leaves.size(); i++) {
            out.println("  part " + (i + 1) + ": " + part(leaves.get(i)));
        }
        problems(mail, item.disposition());
        MailChanges.replacements(mail).forEach(x -> out.println("  note: sender replaced by " + x.routine() + ": "
                + x.reason()));
        MailChanges.drops(mail).forEach(x -> out.println("  note: " + x.path() + " dropped by " + x.routine() + ": "
                + x.reason()));
    }

    /** Each problem of the trace, then the disposition's reason unless a trace line already said it. */
    private void problems(MailObject mail, Disposition d) {
        boolean said = false;
        for (TraceEntry t : mail.trace()) {
            if (PROBLEMS.contains(t.decision())) {
                out.println("  problem: " + t.stage() + t.routine().map(r -> " " + r).orElse("") + " "
                        + t.decision() + ": " + t.reason());
                said |= t.reason().equals(d.reason());
            }
        }
        if (!d.reason().isEmpty() && !said) {
            out.println("  problem: " + d.reason());
        }
    }

    private static String outcome(Disposition d) {
        return d.kind() == Disposition.Kind.DELIVERED ? "ready to send" : "would be " + d.kind();
    }

    private static String part(MimePart part) {
        String name = part.fileName().map(n -> "\"" + n + "\" ").orElse("");
        PartBody body = part.body().orElseThrow();
        String charset = body instanceof PartBody.Text t ? "charset " + t.charset().name()
                : body instanceof PartBody.Records r ? "CCSID " + r.records().ccsid().number() : "binary";
        return name + part.contentType().mediaType() + ", " + body.sizeOctets() + " octets, " + charset
                + part.transferEncoding().map(e -> ", " + e.token()).orElse("");
    }
}
