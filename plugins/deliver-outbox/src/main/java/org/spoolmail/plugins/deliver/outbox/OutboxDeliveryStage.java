package org.spoolmail.plugins.deliver.outbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.pf4j.Extension;
import org.slf4j.Logger;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.WireOptions;

/**
 * Delivers by writing each mail object into a folder: {@code <id>.eml} holds the message in its RFC 5322 wire form
 * (CRLF line ends, not dot-stuffed) and {@code <id>.envelope} the envelope ({@code MAIL FROM:<...>} then one
 * {@code RCPT TO:<...>} line per forward-path, LF line ends, UTF-8). Both files are written under a hidden temporary
 * name, forced to disk and renamed atomically; the envelope is renamed first, so a reader that sees {@code X.eml}
 * finds {@code X.envelope} complete beside it. The files are owner-only (0600) and a folder it creates 0700 where the
 * file system has POSIX permissions. The folder is created if missing. The embedded default deliverer:
 * the first run needs no mail server.
 *
 * <p>Sets the attributes {@code size-octets} (octets of the .eml file) and {@code outbox-file} (its absolute path),
 * and stops the mail object as delivered with every forward-path ACCEPTED. Thread-safe: configuration is read once
 * in {@code init}; each call writes its own files.
 *
 * <pre>{@code
 * - stage: deliver
 *   use: deliver-outbox
 *   config:
 *     directory: outbox        # relative to pipeline.yaml
 *     eight-bit-mime: false    # true: 8bit text parts are written unencoded
 *     smtputf8: false          # true: UTF-8 header fields are written without RFC 2047
 * }</pre>
 */
@Extension
@StageName("deliver-outbox")
public class OutboxDeliveryStage implements MailStage {

    /** The folder the files go to; relative paths are relative to pipeline.yaml. */
    public static final ConfigKey<String> DIRECTORY = ConfigKey.string("directory", null).asRequired();
    /** Write as for a receiver that offered 8BITMIME. */
    public static final ConfigKey<Boolean> EIGHT_BIT_MIME = ConfigKey.bool("eight-bit-mime", false);
    /** Write as for a receiver that offered SMTPUTF8. */
    public static final ConfigKey<Boolean> SMTPUTF8 = ConfigKey.bool("smtputf8", false);

    private volatile Path directory;
    private volatile WireOptions wireOptions;
    private volatile Logger logger;

    /** Made by PF4J; configured in {@link #init}. */
    public OutboxDeliveryStage() {
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(DIRECTORY, EIGHT_BIT_MIME, SMTPUTF8);
    }

    @Override
    public void init(StageContext context) throws StageException {
        directory = context.resolve(context.config().get(DIRECTORY));
        wireOptions = new WireOptions(context.config().get(EIGHT_BIT_MIME), context.config().get(SMTPUTF8));
        logger = context.logger();
    }

    @Override
    public StageOutcome process(MailObject mail) throws StageException {
        Path eml = fileFor(mail, ".eml");
        Path envelope = fileFor(mail, ".envelope");
        long octets;
        try {
            OwnerOnly.createFolders(directory);
            AtomicFile.write(envelope, out -> out.write(EnvelopeFile.format(mail.envelope())));
            octets = AtomicFile.write(eml, out -> MessageWriter.write(mail.content(), out, wireOptions));
        } catch (IOException e) {
            throw new TransientStageException("outbox " + directory + ": cannot write " + eml.getFileName()
                    + ": " + e, e);
        } catch (IllegalStateException e) {
            throw new PermanentStageException("mail " + mail.id() + " cannot be written: " + e.getMessage(),
                    null, null, e);
        }
        logger.debug("wrote {} ({} octets)", eml, octets);
        MailObject written = mail.withAttributes(mail.attributes()
                .with("size-octets", Long.toString(octets))
                .with("outbox-file", eml.toString()));
        List<RecipientResult> results = mail.envelope().forwardPaths().stream()
                .map(p -> new RecipientResult(p, RecipientResult.Status.ACCEPTED, Optional.empty()))
                .toList();
        return StageOutcome.stop(written, Disposition.delivered(results, Optional.empty()));
    }

    private Path fileFor(MailObject mail, String suffix) throws PermanentStageException {
        String id = mail.id();
        if (id.startsWith(".") || !id.chars().allMatch(OutboxDeliveryStage::isFileNameChar)) {
            throw new PermanentStageException("mail id '" + id + "' cannot name a file in the outbox "
                    + "(allowed: letters, digits, '.', '_', '-'; not leading '.')");
        }
        return directory.resolve(id + suffix);
    }

    private static boolean isFileNameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }
}
