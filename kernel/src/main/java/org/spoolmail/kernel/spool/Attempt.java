package org.spoolmail.kernel.spool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.RecipientState;
import org.spoolmail.kernel.queue.RecipientState.Status;

/**
 * What one attempt at an item means for the queue: each recipient's new state (results of former attempts kept) and
 * what to do with the item next. A recipient the relay deferred while others were accepted stays open, alone, for
 * the retry; one an exit routine dropped is final.
 *
 * @param recipients every forward-path of the item and where it stands now
 * @param next what to do with the item
 * @param reason why, one line (for a deferral or a hold)
 * @param reply the deciding reply, one line, when there is one
 */
record Attempt(List<RecipientState> recipients, Next next, String reason, Optional<String> reply) {

    /** What happens to the item after the attempt. */
    enum Next {
        /** Every recipient is final: remove it. */
        DONE,
        /** Some recipients are open: defer it (or report it undeliverable past its maximum age). */
        RETRY,
        /** A bad spool file (unparseable, refused by an exit): hold or delete per bad-spool-disposition. */
        BAD_SPOOL,
        /** Held for an operator (a stage failed for a reason outside the input). */
        HOLD
    }

    static Attempt of(QueueItem item, List<ForwardPath> attempted, String role, MailObject mail, Disposition d) {
        Map<String, RecipientState> all = new LinkedHashMap<>();
        item.recipients().forEach(r -> all.put(r.forwardPath(), r));
        Optional<String> reply = d.reply().map(Object::toString);
        Map<String, RecipientResult> results = new LinkedHashMap<>();
        d.recipients().forEach(r -> results.put(r.recipient().toString(), r));
        Next next = switch (d.kind()) {
            case DELIVERED, DISCARDED -> Next.DONE;
            case DEFERRED -> Next.RETRY;
            case REJECTED -> role.equals("deliver") ? Next.DONE : Next.BAD_SPOOL;
            case HELD -> d.holdCause().orElseThrow() == Disposition.HoldCause.ENVIRONMENT ? Next.HOLD
                    : Next.BAD_SPOOL;
        };
        for (ForwardPath f : attempted) {
            String path = f.toString();
            RecipientState state = switch (d.kind()) {
                case DELIVERED -> delivered(path, results.get(path), mail);
                case DISCARDED -> new RecipientState(path, Status.ACCEPTED, Optional.of("discarded: " + d.reason()));
                case DEFERRED -> new RecipientState(path, Status.DEFERRED, reply.or(() -> Optional.of(d.reason())));
                case REJECTED -> next == Next.DONE ? new RecipientState(path, Status.REFUSED, reply)
                        : new RecipientState(path, Status.PENDING, Optional.empty());
                case HELD -> new RecipientState(path, Status.PENDING, Optional.empty());
            };
            all.put(path, state);
        }
        List<RecipientState> merged = new ArrayList<>(all.values());
        String reason = d.reason().isEmpty() ? reply.orElse(d.kind().name()) : d.reason();
        if (next == Next.DONE && merged.stream().anyMatch(r -> !r.status().isFinal())) {
            // The relay took the data for some and deferred others: the reply to the data (250) is not why the item
            // waits; the deferred recipients' own replies are.
            next = Next.RETRY;
            reason = openReason(merged);
        }
        return new Attempt(merged, next, reason, reply);
    }

    /** The open recipients and their last replies, one line: {@code <b@x> deferred: 450 4.2.1 mailbox busy}. */
    private static String openReason(List<RecipientState> recipients) {
        return String.join("; ", recipients.stream().filter(r -> !r.status().isFinal())
                .map(r -> r.forwardPath() + " " + r.status().name().toLowerCase(java.util.Locale.ROOT)
                        + r.reply().map(x -> ": " + x).orElse(""))
                .toList());
    }

    private static RecipientState delivered(String path, RecipientResult result, MailObject mail) {
        if (result != null) {
            Status status = switch (result.status()) {
                case ACCEPTED -> Status.ACCEPTED;
                case REFUSED -> Status.REFUSED;
                case DEFERRED -> Status.DEFERRED;
            };
            return new RecipientState(path, status, result.reply().map(Object::toString));
        }
        boolean kept = mail.envelope().forwardPaths().stream().anyMatch(f -> f.toString().equals(path));
        // No result of its own: a deliver stage without per-recipient results (the outbox) took every forward-path
        // it was given; one missing from the envelope was dropped by an exit routine on the way.
        return kept ? new RecipientState(path, Status.ACCEPTED, Optional.empty())
                : new RecipientState(path, Status.REFUSED, Optional.of("dropped by an exit routine"));
    }

    /** @return the recipients refused for good in this item */
    List<RecipientState> refused() {
        return recipients.stream().filter(r -> r.status() == Status.REFUSED).toList();
    }
}
