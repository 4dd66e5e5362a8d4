package org.spoolmail.kernel.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.kernel.queue.CarriedFile;
import org.spoolmail.kernel.queue.FileCapture;
import org.spoolmail.kernel.queue.ItemState;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.RecipientState;
import org.spoolmail.kernel.queue.Submission;

/**
 * Turns what {@code send} (or the embedding API) could not deliver into a spool queue item: HELD or DEFERRED, with
 * the reason naming the outcome, the hold cause and the condition code {@code send} gave, the input's shape (parser,
 * CCSID, record format, the options that shaped it), the sender, and each recipient's result, so that the spool
 * server's retry or {@code queue release} sends only to the recipients still open.
 */
final class HeldMail {

    private final SpoolHold hold;

    HeldMail(SpoolHold hold) {
        this.hold = hold;
    }

    /** Gives a mail object's own octets, cut from the input only when it has to be kept. */
    @FunctionalInterface
    interface Octets {
        /**
         * @return the octets and which mail object of them it is
         * @throws IOException if the input cannot be read again
         */
        TransactionSplitter.Piece get() throws IOException;
    }

    /**
     * Where a mail object came from.
     *
     * @param input the input (its origin, CCSID, record format, identity)
     * @param format the parser that read it, for the server to use again; empty to detect
     * @param options the command-line options that shaped it, shown by {@code queue show}
     * @param octets its own octets
     */
    record Source(MailInput input, Optional<String> format, List<String> options, Octets octets) {
    }

    /**
     * @param source where the mail object came from
     * @param mail the mail object as it ended
     * @param d how it ended: HELD, DEFERRED, or DELIVERED with recipients the relay deferred
     * @param code the condition code {@code send} gives it
     * @return where it is kept
     * @throws IOException if it cannot be kept
     */
    SpoolHold.Kept keep(Source source, MailObject mail, Disposition d, int code) throws IOException {
        TransactionSplitter.Piece piece = source.octets().get();
        List<RecipientResult> pending = deferred(d);
        boolean held = d.kind() == Disposition.Kind.HELD;
        String reason = d.kind() == Disposition.Kind.DELIVERED ? "the relay deferred " + String.join(", ",
                pending.stream().map(r -> r.recipient().toString()).toList()) + " and took the other recipients"
                : d.reason();
        // Beside delivered recipients, the deciding reply is the first deferral, not the relay's 250 to the data.
        Optional<String> firstDeferral = pending.stream().findFirst().flatMap(RecipientResult::reply)
                .map(Object::toString);
        Optional<String> reply = d.kind() == Disposition.Kind.DELIVERED ? firstDeferral
                : d.reply().map(Object::toString).or(() -> firstDeferral);
        QueueItem item = new QueueItem(mail.id(), held ? ItemState.HELD : ItemState.DEFERRED,
                submission(source, piece.index()), java.time.Instant.EPOCH, 0, Optional.empty(),
                Optional.of(outcome(held ? "HELD" : "DEFERRED", held ? d.holdCause().map(Enum::name) : Optional.empty(),
                        code) + reason), reply, Optional.of(mail.envelope().reversePath().toString()),
                recipients(mail, d), Optional.empty());
        return keepCarrying(hold, item, source.input(), piece.data());
    }

    /**
     * Keeps the item with the files its input's parse opened (a deck's ATTACH, TEXTFILE, HTMLFILE), captured as
     * {@code submit} captures them: the octets follow the item's own and the submission lists them with length and
     * SHA-256, because the spool server opens no path an item names.
     */
    private static SpoolHold.Kept keepCarrying(SpoolHold hold, QueueItem item, MailInput input, ContentHandle data)
            throws IOException {
        if (!(input.files() instanceof FileCapture capture) || capture.carried().isEmpty()) {
            return hold.keep(item, data);
        }
        List<CarriedFile> files = capture.carried();
        QueueItem carrying = new QueueItem(item.id(), item.state(), item.submission().carrying(files),
                item.created(), item.attempts(), item.nextAttempt(), item.reason(), item.lastReply(), item.sender(),
                item.recipients(), item.lastAttempt());
        return hold.keep(carrying, new ContentHandle() {
            @Override
            public InputStream open() throws IOException {
                return capture.append(data.open());
            }

            @Override
            public long sizeOctets() {
                return data.sizeOctets() + CarriedFile.total(files);
            }
        });
    }

    /**
     * Keeps an input that was refused as a whole (bad input, or a pipeline that cannot run), HELD with its reason.
     *
     * @param id the queue ID to give it
     * @param input the input
     * @param format the parser asked for; empty to detect
     * @param options the options that shaped it
     * @param cause the hold cause, e.g. {@code BAD_INPUT}
     * @param reason why, one line
     * @param code the condition code it got
     * @return where it is kept
     * @throws IOException if it cannot be kept
     */
    SpoolHold.Kept keepInput(String id, MailInput input, Optional<String> format, List<String> options, String cause,
            String reason, int code) throws IOException {
        return keepWhole(hold, id, input, format, options, cause, reason, code);
    }

    static SpoolHold.Kept keepWhole(SpoolHold hold, String id, MailInput input, Optional<String> format,
            List<String> options, String cause, String reason, int code) throws IOException {
        ContentHandle data = input.data();
        QueueItem item = new QueueItem(id, ItemState.HELD, submission(new Source(input, format, options, null), 0),
                java.time.Instant.EPOCH, 0, Optional.empty(), Optional.of(outcome("HELD", Optional.of(cause), code)
                + reason), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
        return keepCarrying(hold, item, input, data);
    }

    /** e.g. {@code HELD, hold-cause EXIT_FAILURE, condition code 8: }, before the reason */
    private static String outcome(String kind, Optional<String> cause, int code) {
        return kind + cause.map(c -> ", hold-cause " + c).orElse("") + ", condition code " + code + ": ";
    }

    private static Submission submission(Source source, int index) {
        MailInput input = source.input();
        Map<String, String> claims = Submission.claimsOf(input.identity());
        return new Submission(input.identity().userId().value(), input.identity().userId().established(), claims,
                origin(input.origin()), source.format(), input.ccsid(), input.recordFormat(), index, source.options(),
                List.of());
    }

    /**
     * A file input's path made absolute: the spool server runs in another folder, and a control-statement deck's
     * relative ATTACH paths resolve against the deck's folder when the item is parsed again.
     */
    private static String origin(String origin) {
        try {
            Path file = Path.of(origin);
            return !file.isAbsolute() && Files.isRegularFile(file) ? file.toAbsolutePath().normalize().toString()
                    : origin;
        } catch (InvalidPathException e) {
            return origin; // a name such as a data set name, not a path
        }
    }

    private static List<RecipientResult> deferred(Disposition d) {
        return d.recipients().stream().filter(r -> r.status() == RecipientResult.Status.DEFERRED).toList();
    }

    /** Each forward-path with its result: what the relay accepted or refused is final, never sent again. */
    private static List<RecipientState> recipients(MailObject mail, Disposition d) {
        List<RecipientState> all = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        for (RecipientResult r : d.recipients()) {
            RecipientState.Status status = switch (r.status()) {
                case ACCEPTED -> RecipientState.Status.ACCEPTED;
                case REFUSED -> RecipientState.Status.REFUSED;
                case DEFERRED -> RecipientState.Status.DEFERRED;
            };
            all.add(new RecipientState(r.recipient().toString(), status, r.reply().map(Object::toString)));
            answered.add(r.recipient().toString());
        }
        for (ForwardPath f : mail.envelope().forwardPaths()) {
            if (!answered.contains(f.toString())) {
                all.add(new RecipientState(f.toString(), RecipientState.Status.PENDING, Optional.empty()));
            }
        }
        return all;
    }
}
