package org.spoolmail.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.WireOptions;

/**
 * A deliver stage that keeps each message in memory instead of relaying it, written as deliver-smtp writes it to a
 * relay offering 8BITMIME and SMTPUTF8. A forward-path given to {@link #refuse} is refused with its reply, as a relay
 * refuses RCPT TO: the others are delivered (condition code 4), and when none is left the mail is rejected
 * (condition code 8). Thread-safe.
 *
 * <pre>
 *   - stage: deliver
 *     use: memory-delivery
 * </pre>
 *
 * @since 1.0.0
 */
@StageName("memory-delivery")
public final class MemoryDelivery implements MailStage {

    private static final WireOptions RELAY = new WireOptions(true, true);

    private final List<DeliveredMail> delivered = new CopyOnWriteArrayList<>();
    private final Map<ForwardPath, SmtpReply> refusals = new ConcurrentHashMap<>();

    /**
     * Makes every later delivery to a forward-path fail with a reply.
     *
     * @param recipient the forward-path, e.g. {@code ForwardPath.parse("gone@example.com")}
     * @param reply the relay's reply, e.g. {@code SmtpReply.of(550, "5.1.1", "no such user")}
     */
    public void refuse(ForwardPath recipient, SmtpReply reply) {
        refusals.put(recipient, reply);
    }

    /** @return the messages delivered so far, in the order they were delivered */
    public List<DeliveredMail> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public StageOutcome process(MailObject mail) throws PermanentStageException {
        List<RecipientResult> results = new ArrayList<>();
        List<ForwardPath> accepted = new ArrayList<>();
        for (ForwardPath p : mail.envelope().forwardPaths()) {
            SmtpReply refused = refusals.get(p);
            results.add(new RecipientResult(p, refused == null ? RecipientResult.Status.ACCEPTED
                    : refused.code() >= 500 ? RecipientResult.Status.REFUSED : RecipientResult.Status.DEFERRED,
                    Optional.ofNullable(refused)));
            if (refused == null) {
                accepted.add(p);
            }
        }
        if (accepted.isEmpty()) {
            SmtpReply first = results.get(0).reply().orElseThrow();
            return StageOutcome.stop(mail, new Disposition(first.code() >= 500 ? Disposition.Kind.REJECTED
                    : Disposition.Kind.DEFERRED, "every recipient was refused", Optional.of(first), results,
                    Optional.empty()));
        }
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        try {
            MessageWriter.write(mail.content(), octets, RELAY);
        } catch (IOException | IllegalStateException e) {
            throw new PermanentStageException("the message cannot be written: " + e.getMessage());
        }
        delivered.add(new DeliveredMail(mail.id(), mail.envelope(), accepted, octets.toByteArray()));
        return StageOutcome.stop(mail, Disposition.delivered(results, Optional.empty()));
    }
}
