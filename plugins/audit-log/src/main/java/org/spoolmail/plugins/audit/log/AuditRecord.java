package org.spoolmail.plugins.audit.log;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * Renders the audit record of one mail object and outcome as one line of JSON, with kebab-case keys in a fixed
 * order: time, queue-id, message-id, outcome, reason, hold-cause, condition-code, held-in, identity, origin,
 * original-reverse-path, reverse-path, original-from, from, recipients, subject, attachments, size-octets,
 * reply, relay-reply, trace. Absent values are {@code null}. {@code reply} is the reply of the decision that ended
 * the item (an exit routine's {@code 550 5.7.1}, or the relay's); {@code relay-reply} holds only a reply the relay
 * sent, from the attribute {@code relay-reply} that deliver-smtp sets. The kernel sets the attributes
 * {@code condition-code} (the item's condition code, before the observers run) and {@code original-from} (the From
 * header field as parsed), and for a held or deferred item {@code held-in} (where the copy is kept) or, when it
 * could not be kept, {@code hold-failed}, which is then written in place of {@code held-in}. Each recipient an exit routine dropped (admitted in the attribute
 * {@code original-forward-paths}, no longer in the envelope) is in {@code recipients} with status {@code DROPPED},
 * {@code routine} and that routine's {@code reason}. Every other recipient has the status the disposition gives it
 * ({@code ACCEPTED}, {@code DEFERRED} to retry, {@code REFUSED} for good, each with the relay {@code reply} that
 * decided it, also when a reply to MAIL, DATA or the data decided for every recipient), or {@code NOT-ATTEMPTED}
 * when no relay was asked (an exit routine's decision, a hold). {@code spoolmail audit} reads these records.
 * It reads header fields, the envelope, the identity, attributes and the trace; never a body.
 */
final class AuditRecord {

    private AuditRecord() {
    }

    /**
     * Renders the record.
     *
     * @param mail the mail object as it ended
     * @param disposition where it ended
     * @param time when the record is written
     * @return the JSON text, without a line end
     */
    static String toJson(MailObject mail, Disposition disposition, Instant time) {
        HeaderSection headers = mail.content().headers();
        JsonWriter json = new JsonWriter().beginObject();
        json.name("time").value(time.truncatedTo(ChronoUnit.MILLIS).toString());
        json.name("queue-id").value(mail.id());
        json.name("message-id").value(headers.first("Message-ID"));
        json.name("outcome").value(disposition.kind().name());
        json.name("reason").value(disposition.reason());
        json.name("hold-cause").value(disposition.holdCause().map(Enum::name));
        Optional<String> code = mail.attributes().get("condition-code").filter(c -> c.matches("\\d{1,2}"));
        if (code.isPresent()) {
            json.name("condition-code").value(Long.parseLong(code.get()));
        } else {
            json.name("condition-code").nullValue();
        }
        Optional<String> holdFailed = mail.attributes().get("hold-failed");
        if (holdFailed.isPresent()) {
            json.name("hold-failed").value(holdFailed.get());
        } else {
            json.name("held-in").value(mail.attributes().get("held-in"));
        }
        identity(json.name("identity"), mail.identity());
        json.name("origin").value(mail.identity().origin());
        json.name("original-reverse-path").value(mail.attributes().get("original-reverse-path")
                .orElse(mail.envelope().reversePath().toString()));
        json.name("reverse-path").value(mail.envelope().reversePath().toString());
        json.name("original-from").value(mail.attributes().get("original-from").or(() -> headers.first("From")));
        json.name("from").value(headers.first("From"));
        recipients(json.name("recipients"), mail, disposition);
        json.name("subject").value(headers.first("Subject"));
        json.name("attachments").value(attachments(mail.content().root()));
        json.name("size-octets").value(sizeOctets(mail));
        json.name("reply").value(disposition.reply().map(SmtpReply::toString));
        json.name("relay-reply").value(mail.attributes().get("relay-reply"));
        trace(json.name("trace"), mail);
        return json.endObject().toString();
    }

    static void identity(JsonWriter json, Identity identity) {
        json.beginObject();
        fact(json.name("user-id"), Optional.of(identity.userId()));
        fact(json.name("job-name"), identity.jobName());
        fact(json.name("job-id"), identity.jobId());
        fact(json.name("program"), identity.program());
        fact(json.name("system-name"), Optional.of(identity.systemName()));
        json.endObject();
    }

    private static void fact(JsonWriter json, Optional<IdentityFact> fact) {
        if (fact.isEmpty()) {
            json.nullValue();
            return;
        }
        json.beginObject().name("value").value(fact.get().value())
                .name("established").value(fact.get().established()).endObject();
    }

    private static void recipients(JsonWriter json, MailObject mail, Disposition disposition) {
        json.beginArray();
        if (disposition.recipients().isEmpty()) {
            for (ForwardPath path : mail.envelope().forwardPaths()) {
                recipient(json, path, "NOT-ATTEMPTED", Optional.empty());
            }
        }
        for (RecipientResult result : disposition.recipients()) {
            recipient(json, result.recipient(), result.status().name(), result.reply());
        }
        for (DroppedRecipients.Drop drop : DroppedRecipients.drops(mail)) {
            String path = drop.path();
            json.beginObject().name("address").value(path.substring(1, path.length() - 1))
                    .name("status").value("DROPPED")
                    .name("reply").nullValue()
                    .name("routine").value(drop.routine())
                    .name("reason").value(drop.reason())
                    .endObject();
        }
        json.endArray();
    }

    private static void recipient(JsonWriter json, ForwardPath path, String status, Optional<SmtpReply> reply) {
        json.beginObject().name("address").value(path.mailbox().toString())
                .name("status").value(status)
                .name("reply").value(reply.map(SmtpReply::toString))
                .endObject();
    }

    private static long attachments(MimePart root) {
        return root.leaves().stream().filter(p -> p.fileName().isPresent()).count();
    }

    private static long sizeOctets(MailObject mail) {
        Optional<String> written = mail.attributes().get("size-octets");
        if (written.isPresent() && written.get().matches("\\d{1,18}")) {
            return Long.parseLong(written.get());
        }
        return mail.content().bodySizeOctets();
    }

    private static void trace(JsonWriter json, MailObject mail) {
        json.beginArray();
        for (TraceEntry entry : mail.trace()) {
            json.beginObject().name("stage").value(entry.stage())
                    .name("routine").value(entry.routine())
                    .name("decision").value(entry.decision())
                    .name("reason").value(entry.reason())
                    .name("elapsed-ms").value(entry.elapsed().toMillis())
                    .endObject();
        }
        json.endArray();
    }
}
