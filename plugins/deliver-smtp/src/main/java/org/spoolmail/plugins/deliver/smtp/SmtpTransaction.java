package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.RecipientResult.Status;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.WireOptions;

/**
 * One mail transaction (RFC 5321 section 3.3) on an open {@link SmtpSession}. Before anything is sent, the
 * message is checked against the relay's offer: a non-ASCII address (envelope or header field) without SMTPUTF8,
 * or a message larger than the relay's SIZE limit (RFC 1870), ends as {@link Disposition#rejected} with the
 * reason. Then MAIL FROM (with SIZE, BODY=8BITMIME, SMTPUTF8 and the DSN parameters RET/ENVID as offered and
 * needed), one RCPT TO per forward-path (with NOTIFY), all in one write when the relay offers PIPELINING
 * (RFC 2920) and the replies read in order, each recipient's reply recorded; DATA only if a recipient was
 * accepted, then the message from {@link MessageData}. Every disposition from a relay's answer lists each
 * forward-path with its result and the reply that decided it ({@link RecipientOutcomes}): a 4xx to MAIL, DATA or
 * the data is {@link Disposition.Kind#DEFERRED}, a 5xx {@link Disposition.Kind#REJECTED}; refused recipients beside
 * accepted ones end as a delivery that lists them (4xx DEFERRED, 5xx REFUSED, each with the relay's reply and its
 * RFC 3463 enhanced status). After a transaction that did not complete, RSET leaves the session ready; after a
 * 421 the relay has closed it, and the commands it left unanswered count as answered with that 421.
 *
 * <p>The message is written for the relay's offer: 8bit parts only with 8BITMIME, and BODY=8BITMIME announced only
 * when the written message holds an octet of 0x80 or above ({@link WireScan}, RFC 6152), raw UTF-8 header fields only when the transaction itself is SMTPUTF8 (a non-ASCII address made it
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
            return refusedBeforeSending(needsUtf8.get() + " needs SMTPUTF8 which the relay did not offer");
        }
        WireOptions wire = new WireOptions(offered.eightBitMime(), needsUtf8.isPresent());
        Optional<String> unwritable = unwritable(mail, wire);
        if (unwritable.isPresent()) {
            return refusedBeforeSending(unwritable.get());
        }
        boolean sizeOffered = offered.keywords().contains("SIZE");
        WireScan scan = sizeOffered || offered.eightBitMime() ? WireScan.of(mail, wire) : new WireScan(0, false);
        OptionalLong size = sizeOffered ? OptionalLong.of(scan.octets()) : OptionalLong.empty();
        if (size.isPresent() && offered.maxSize().isPresent() && size.getAsLong() > offered.maxSize().getAsLong()) {
            String reason = "the message of " + size.getAsLong() + " octets exceeds the SIZE limit of "
                    + offered.maxSize().getAsLong() + " octets of smart host " + session.relay().peer();
            return rejected(reason, SmtpReply.of(552, "5.3.4", reason));
        }
        Envelope envelope = mail.envelope();
        List<ServerReply> replies = envelopeReplies(mail, mailParameters(mail, offered, wire, size, scan), offered);
        ServerReply mailReply = replies.get(0);
        RecipientOutcomes outcomes = new RecipientOutcomes(session.relay().peer());
        if (!mailReply.isPositive()) {
            return ended(outcomes.whole(envelope.forwardPaths(), mailReply, "sender " + envelope.reversePath()),
                    OptionalLong.empty(), mailReply);
        }
        List<RecipientResult> results = RecipientOutcomes.ofRcpt(envelope, replies.subList(1, replies.size()));
        Optional<ServerReply> closing = replies.stream().filter(ServerReply::closesSession).findFirst();
        if (closing.isPresent()) {
            return ended(outcomes.afterAccepting(results, closing.get(), "the recipients"), OptionalLong.empty(),
                    closing.get());
        }
        if (results.stream().noneMatch(r -> r.status() == Status.ACCEPTED)) {
            return ended(outcomes.noRecipient(results), OptionalLong.empty(), replies.get(replies.size() - 1));
        }
        ServerReply dataReply = session.connection().exchange("DATA", "");
        if (dataReply.code() != 354) {
            return ended(outcomes.afterAccepting(results, dataReply, "DATA"), OptionalLong.empty(), dataReply);
        }
        return data(mail, wire, results, outcomes);
    }

    private String mailParameters(MailObject mail, EhloCapabilities offered, WireOptions wire, OptionalLong size,
            WireScan scan) {
        StringBuilder argument = new StringBuilder("FROM:").append(mail.envelope().reversePath());
        size.ifPresent(octets -> argument.append(" SIZE=").append(octets));
        if (offered.eightBitMime() && scan.eightBit()) {
            argument.append(" BODY=8BITMIME");
        }
        if (wire.smtpUtf8()) {
            argument.append(" SMTPUTF8");
        }
        if (offered.keywords().contains("DSN")) {
            argument.append(session.settings().dsn().mailParameters(mail.id()));
        }
        return argument.toString();
    }

    /** MAIL FROM and every RCPT TO: in one write with PIPELINING, else one exchange at a time. */
    private List<ServerReply> envelopeReplies(MailObject mail, String mailArgument, EhloCapabilities offered)
            throws IOException {
        SmtpConnection connection = session.connection();
        String notify = offered.keywords().contains("DSN") ? session.settings().dsn().recipientParameters() : "";
        List<ServerReply> replies = new ArrayList<>();
        List<ForwardPath> paths = mail.envelope().forwardPaths();
        if (!offered.pipelining()) {
            replies.add(connection.exchange("MAIL", mailArgument));
            if (replies.get(0).isPositive()) {
                for (int i = 0; i < paths.size() && !replies.get(i).closesSession(); i++) {
                    replies.add(connection.exchange("RCPT", "TO:" + paths.get(i) + notify));
                }
            }
            return closedAfter(replies, paths.size() + 1);
        }
        connection.send("MAIL", mailArgument);
        for (ForwardPath path : paths) {
            connection.send("RCPT", "TO:" + path + notify);
        }
        connection.flush();
        for (int i = 0; i <= paths.size() && (i == 0 || !replies.get(i - 1).closesSession()); i++) {
            replies.add(connection.readReply());
        }
        return closedAfter(replies, paths.size() + 1);
    }

    /**
     * After a 421 the relay has closed the channel (RFC 5321 section 3.8) and answers nothing more: the commands
     * it did not answer count as answered with that 421.
     */
    private static List<ServerReply> closedAfter(List<ServerReply> replies, int expected) {
        ServerReply last = replies.get(replies.size() - 1);
        while (last.closesSession() && replies.size() < expected) {
            replies.add(last);
        }
        return replies;
    }

    private TransactionResult data(MailObject mail, WireOptions wire, List<RecipientResult> results,
            RecipientOutcomes outcomes) throws IOException, StageException {
        MessageData.Sent sent = new MessageData(session).send(mail.content(), wire);
        ServerReply reply = sent.reply();
        OptionalLong octets = OptionalLong.of(sent.octets());
        if (!reply.isPositive()) {
            return ended(outcomes.afterAccepting(results, reply, "the message"), octets, reply);
        }
        return new TransactionResult(Disposition.delivered(results, Optional.of(reply.toSmtpReply())), octets,
                Optional.of(reply.toSmtpReply()), true);
    }

    /**
     * A transaction the relay ended before delivery: RSET makes the session ready for the next one, unless the relay
     * closed it with 421 or RSET fails, when the session is not to be reused; either way the disposition stands.
     */
    private TransactionResult ended(Disposition disposition, OptionalLong octets, ServerReply last) {
        boolean reusable = !last.closesSession();
        if (reusable) {
            try {
                reusable = session.reset().isPositive();
            } catch (IOException e) {
                reusable = false;
            }
        }
        return new TransactionResult(disposition, octets, Optional.of(last.toSmtpReply()), reusable);
    }

    /** The reason the message cannot go to this relay as it stands (SMTPUTF8 lacking), checked without sending. */
    private static Optional<String> unwritable(MailObject mail, WireOptions wire) throws StageException {
        try {
            MessageWriter.checkWritable(mail.content(), wire);
            return Optional.empty();
        } catch (IllegalStateException e) {
            try {
                MessageWriter.checkWritable(mail.content(), new WireOptions(wire.eightBitMime(), true));
            } catch (IllegalStateException notForThisRelay) {
                throw new PermanentStageException("the message cannot be written: " + e.getMessage(), null, null, e);
            }
            return Optional.of(e.getMessage());
        }
    }

    private static TransactionResult refusedBeforeSending(String reason) {
        return rejected(reason, SmtpReply.of(553, "5.6.7", reason));
    }

    private static TransactionResult rejected(String reason, SmtpReply reply) {
        return new TransactionResult(Disposition.rejected(reason, reply), OptionalLong.empty(), Optional.of(reply),
                true);
    }

    private static Optional<String> internationalizedPath(Envelope envelope) {
        if (envelope.reversePath().mailbox().filter(m -> m.isInternationalized()).isPresent()) {
            return Optional.of("sender " + envelope.reversePath().mailbox().orElseThrow());
        }
        return envelope.forwardPaths().stream().filter(p -> p.mailbox().isInternationalized())
                .findFirst().map(p -> "recipient " + p.mailbox());
    }
}
