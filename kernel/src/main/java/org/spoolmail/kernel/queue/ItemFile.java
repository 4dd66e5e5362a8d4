package org.spoolmail.kernel.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * An item's state file: the submission, the attempt count and times, and one {@code recipient} line per
 * forward-path ({@code STATUS<tab>forward-path<tab>reply}). The state is where the file is, not in it, so moving the
 * file is the whole state change.
 */
final class ItemFile {

    private ItemFile() {
    }

    static byte[] write(QueueItem item) {
        List<Map.Entry<String, String>> l = new ArrayList<>();
        Submission s = item.submission();
        l.add(Map.entry("id", item.id()));
        l.add(Map.entry("submitter", s.submitter()));
        l.add(Map.entry("established", Boolean.toString(s.established())));
        Submission.CLAIM_KEYS.stream().filter(s.claims()::containsKey)
                .forEach(k -> l.add(Map.entry("claim." + k, s.claims().get(k))));
        l.add(Map.entry("origin", s.origin()));
        s.format().ifPresent(f -> l.add(Map.entry("format", f)));
        l.add(Map.entry("ccsid", Integer.toString(s.ccsid().number())));
        l.add(Map.entry("records", s.records().toString()));
        l.add(Map.entry("index", Integer.toString(s.index())));
        s.options().forEach(o -> l.add(Map.entry("option", o)));
        CarriedFile.write(s.files(), l);
        l.add(Map.entry("created", item.created().toString()));
        l.add(Map.entry("attempts", Integer.toString(item.attempts())));
        item.nextAttempt().ifPresent(t -> l.add(Map.entry("next-attempt", t.toString())));
        item.lastAttempt().ifPresent(t -> l.add(Map.entry("last-attempt", t.toString())));
        item.reason().ifPresent(r -> l.add(Map.entry("reason", r)));
        item.lastReply().ifPresent(r -> l.add(Map.entry("last-reply", r)));
        item.sender().ifPresent(r -> l.add(Map.entry("sender", r)));
        for (RecipientState r : item.recipients()) {
            l.add(Map.entry("recipient", r.status() + "\t" + r.forwardPath() + r.reply().map(t -> "\t" + t).orElse("")));
        }
        return KeyValueText.write(l);
    }

    static QueueItem read(byte[] text, ItemState state, String what) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, String> claims = new LinkedHashMap<>();
        List<RecipientState> recipients = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (Map.Entry<String, String> e : KeyValueText.read(text, what)) {
            if (e.getKey().equals("option")) {
                options.add(e.getValue());
            } else if (e.getKey().equals("recipient")) {
                String[] f = e.getValue().split("\t", 3);
                recipients.add(new RecipientState(f[1], RecipientState.Status.valueOf(f[0]),
                        f.length > 2 ? Optional.of(f[2]) : Optional.empty()));
            } else if (e.getKey().startsWith("claim.")) {
                claims.put(e.getKey().substring(6), e.getValue());
            } else {
                v.put(e.getKey(), e.getValue());
            }
        }
        Submission s = new Submission(v.get("submitter"), Boolean.parseBoolean(v.get("established")), claims,
                v.get("origin"), Optional.ofNullable(v.get("format")), Ccsid.parse(v.get("ccsid")),
                RecordFormat.parse(v.get("records")), Integer.parseInt(v.get("index")), options, CarriedFile.read(v));
        return new QueueItem(v.get("id"), state, s, Instant.parse(v.get("created")),
                Integer.parseInt(v.get("attempts")), Optional.ofNullable(v.get("next-attempt")).map(Instant::parse),
                Optional.ofNullable(v.get("reason")), Optional.ofNullable(v.get("last-reply")),
                Optional.ofNullable(v.get("sender")), recipients,
                Optional.ofNullable(v.get("last-attempt")).map(Instant::parse));
    }
}
