package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.RecipientResult.Status;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.WireOptions;

/**
 * One mail transaction (RFC 5321 section 3.3) on an open {@link SmtpSession}: MAIL FROM (with BODY=8BITMIME and
 * SMTPUTF8 as offered and needed), one RCPT TO per forward-path with each reply recorded, DATA only if a recipient
 * was accepted, then the message from {@link MessageData}. 4xx replies to MAIL or DATA throw
 * {@link TransientStageException}; 5xx replies end as {@link Disposition#rejected}; refused recipients beside
 * accepted ones end as a delivery that lists them. After a transaction that did not complete, RSET leaves the
 * session ready for the next one.
 *
 * <p>The message is written for the relay's offer: 8bit parts only with 8BITMIME (then always announced with
 * BODY=8BITMIME), raw UTF-8 header fields only when the transaction itself is SMTPUTF8 (a non-ASCII address made it
 * so); otherwise RFC 2047, which every later hop can carry.
 */
final class SmtpTransaction {

    private final SmtpSession session;

    SmtpTransaction(SmtpSession session) {
        this.session = session;
    }

    /**
     * Runs the transaction.
     *
     * @param mail the mail object to relay
     * @return how it ended
     * @throws IOException if the connection fails
     * @throws StageException on a transient refusal, or if the message cannot be written
     */
    TransactionResult send(MailObject mail) throws IOException, StageException {
        EhloCapabilities offered = session.capabilities();
        Optional<String> needsUtf8 = internationalizedPath(mail.envelope());
        if (needsUtf8.isPresent() && !offered.smtpUtf8()) {
            String reason = needsUtf8.get() + " needs SMTPUTF8 which the relay did not offer";
            return new TransactionResult(Disposition.rejected(reason, SmtpReply.of(553, "5.6.7", reason)),
                    OptionalLong.empty(), Optional.empty());
        }
        ServerReply mailReply = mailFrom(mail.envelope(), offered, needsUtf8.isPresent());
        if (!mailReply.isPositive()) {
            return refused(mailReply, "sender " + mail.envelope().reversePath());
        }
        List<RecipientResult> results = recipients(mail.envelope());
        if (results.stream().noneMatch(r -> r.status() == Status.ACCEPTED)) {
            return noRecipient(results);
        }
        ServerReply dataReply = session.connection().exchange("DATA", "");
        if (dataReply.code() != 354) {
            return refused(dataReply, "DATA");
        }
        WireOptions wire = new WireOptions(offered.eightBitMime(), needsUtf8.isPresent());
        return data(mail, wire, results);
    }

    private ServerReply mailFrom(Envelope envelope, EhloCapabilities offered, boolean utf8) throws IOException {
        StringBuilder argument = new StringBuilder("FROM:").append(envelope.reversePath());
        if (offered.eightBitMime()) {
            argument.append(" BODY=8BITMIME");
        }
        if (utf8) {
            argument.append(" SMTPUTF8");
        }
        return session.connection().exchange("MAIL", argument.toString());
    }

    private List<RecipientResult> recipients(Envelope envelope) throws IOException {
        List<RecipientResult> results = new ArrayList<>();
        for (ForwardPath path : envelope.forwardPaths()) {
            ServerReply reply = session.connection().exchange("RCPT", "TO:" + path);
            Status status = reply.isPositive() ? Status.ACCEPTED
                    : reply.isTransient() ? Status.DEFERRED : Status.REFUSED;
            results.add(new RecipientResult(path, status, Optional.of(reply.toSmtpReply())));
        }
        return results;
    }

    private TransactionResult data(MailObject mail, WireOptions wire, List<RecipientResult> results)
            throws IOException, StageException {
        long octets = new MessageData(session).write(mail.content(), wire);
        ServerReply reply = session.connection().readReply();
        session.connection().readTimeout(session.settings().commandTimeout());
        if (reply.isTransient()) {
            throw transientFailure("the message", reply);
        }
        if (!reply.isPositive()) {
            return new TransactionResult(Disposition.rejected("smart host " + session.settings().peer()
                    + " refused the message: " + reply, reply.toSmtpReply()), OptionalLong.of(octets),
                    Optional.of(reply.toSmtpReply()));
        }
        return new TransactionResult(Disposition.delivered(results, Optional.of(reply.toSmtpReply())),
                OptionalLong.of(octets), Optional.of(reply.toSmtpReply()));
    }

    private TransactionResult noRecipient(List<RecipientResult> results) throws IOException, StageException {
        session.reset();
        SmtpReply last = results.get(results.size() - 1).reply().orElseThrow();
        Optional<RecipientResult> deferred = results.stream().filter(r -> r.status() == Status.DEFERRED).findFirst();
        if (deferred.isPresent()) {
            SmtpReply reply = deferred.get().reply().orElseThrow();
            throw new TransientStageException("smart host " + session.settings().peer() + " accepted no recipient; "
                    + deferred.get().recipient() + ": " + reply, reply, null);
        }
        return rejected("smart host " + session.settings().peer() + " refused every recipient; last: " + last, last);
    }

    private TransactionResult refused(ServerReply reply, String what)
            throws IOException, StageException {
        session.reset();
        if (reply.isTransient()) {
            throw transientFailure(what, reply);
        }
        return rejected("smart host " + session.settings().peer() + " refused " + what + ": " + reply,
                reply.toSmtpReply());
    }

    private TransientStageException transientFailure(String what, ServerReply reply) {
        return new TransientStageException("smart host " + session.settings().peer() + " deferred " + what + ": "
                + reply, reply.toSmtpReply(), null);
    }

    private static TransactionResult rejected(String reason, SmtpReply reply) {
        return new TransactionResult(Disposition.rejected(reason, reply), OptionalLong.empty(), Optional.of(reply));
    }

    private static Optional<String> internationalizedPath(Envelope envelope) {
        if (envelope.reversePath().mailbox().filter(m -> m.isInternationalized()).isPresent()) {
            return Optional.of("sender " + envelope.reversePath().mailbox().orElseThrow());
        }
        return envelope.forwardPaths().stream().filter(p -> p.mailbox().isInternationalized())
                .findFirst().map(p -> "recipient " + p.mailbox());
    }
}
