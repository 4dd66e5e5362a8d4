package org.spoolmail.plugins.deliver.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.RecipientResult.Status;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * Turns the relay's replies into a disposition with one {@link RecipientResult} per forward-path, each with the
 * reply that decided it: 2xx ACCEPTED, 4xx DEFERRED (the spool retries it; {@code send} keeps it in the hold folder),
 * 5xx REFUSED (final). A reply to the whole transaction (MAIL, DATA, the end of the data, a 421) decides for every
 * recipient it reached: all of them for MAIL, those the relay had accepted for DATA and the data; the others keep
 * their own RCPT reply. The disposition is DEFERRED for a 4xx and REJECTED for a 5xx, never a thrown failure, so the
 * kernel gives condition code 4 or 8, not the 16 of an environment problem.
 */
final class RecipientOutcomes {

    private final String peer;

    /** @param peer {@code host:port} of the relay, for the reasons */
    RecipientOutcomes(String peer) {
        this.peer = peer;
    }

    /** Each forward-path with the reply to its RCPT TO, in envelope order. */
    static List<RecipientResult> ofRcpt(Envelope envelope, List<ServerReply> replies) {
        List<RecipientResult> results = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            results.add(result(envelope.forwardPaths().get(i), replies.get(i)));
        }
        return results;
    }

    /**
     * A reply that ended the transaction before any recipient was asked for (the reply to MAIL): every recipient.
     *
     * @param paths the forward-paths
     * @param reply the 4xx or 5xx reply
     * @param what what the relay refused, e.g. {@code sender <a@x>}
     * @return DEFERRED or REJECTED
     */
    Disposition whole(List<ForwardPath> paths, ServerReply reply, String what) {
        return ended(paths.stream().map(p -> result(p, reply)).toList(), reply, what);
    }

    /**
     * A reply after the recipients (to DATA, to the data, or a 421): it decides for each recipient the relay had
     * accepted; the others keep their RCPT result.
     *
     * @param rcpt the results of RCPT TO
     * @param reply the 4xx or 5xx reply
     * @param what what it answered, e.g. {@code DATA}, {@code the message}
     * @return DEFERRED or REJECTED
     */
    Disposition afterAccepting(List<RecipientResult> rcpt, ServerReply reply, String what) {
        List<RecipientResult> results = rcpt.stream().map(r -> r.status() == Status.ACCEPTED
                ? result(r.recipient(), reply) : r).toList();
        return ended(results, reply, what);
    }

    /**
     * No recipient accepted: DEFERRED when one was deferred (it may go later), else REJECTED.
     *
     * @param rcpt the results of RCPT TO, none ACCEPTED
     * @return the disposition, whose reply is the first deferred recipient's, else the last refusal
     */
    Disposition noRecipient(List<RecipientResult> rcpt) {
        Optional<RecipientResult> deferred = rcpt.stream().filter(r -> r.status() == Status.DEFERRED).findFirst();
        if (deferred.isPresent()) {
            SmtpReply reply = deferred.get().reply().orElseThrow();
            return Disposition.deferred("smart host " + peer + " accepted no recipient; " + deferred.get().recipient()
                    + ": " + reply, reply, rcpt);
        }
        SmtpReply last = rcpt.get(rcpt.size() - 1).reply().orElseThrow();
        return Disposition.rejected("smart host " + peer + " refused every recipient; last: " + last, last, rcpt);
    }

    private Disposition ended(List<RecipientResult> results, ServerReply reply, String what) {
        SmtpReply smtp = reply.toSmtpReply();
        return reply.isTransient()
                ? Disposition.deferred("smart host " + peer + " deferred " + what + ": " + smtp, smtp, results)
                : Disposition.rejected("smart host " + peer + " refused " + what + ": " + smtp, smtp, results);
    }

    private static RecipientResult result(ForwardPath path, ServerReply reply) {
        Status status = reply.isPositive() ? Status.ACCEPTED : reply.isTransient() ? Status.DEFERRED : Status.REFUSED;
        return new RecipientResult(path, status, Optional.of(reply.toSmtpReply()));
    }
}
