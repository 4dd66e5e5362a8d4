package org.spoolmail.plugins.audit.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RefusedInput;

/**
 * The log stage: writes one audit record per mail object and outcome as a line of JSON (JSON Lines) to
 * {@code <directory>/audit-YYYY-MM-DD.jsonl}, the day taken from the kernel's clock in UTC. The record holds the
 * queue ID, Message-ID, outcome and reason, the submitter's identity with established/claimed flags, original and
 * final reverse-path, From, recipients with their results, Subject, the number of attachments, the size, the
 * relay's reply and every stage and exit decision; never a body and never a credential.
 *
 * <pre>{@code
 * - stage: log
 *   use: audit-log
 *   config:
 *     directory: audit     # required; relative to the folder of pipeline.yaml
 *     fsync: true          # force each record to disk before the item is done (default true)
 * }</pre>
 *
 * <p>{@code observe} may run concurrently: records are appended under one lock, one write call per record. A record
 * that cannot be written raises a {@link TransientStageException}.
 */
@Extension
@StageName("audit-log")
public class AuditLogObserver implements MailObserver {

    /** The folder of the daily audit files; created if missing. */
    static final ConfigKey<String> DIRECTORY = ConfigKey.string("directory", null).asRequired();
    /** Whether each record is forced to the device before {@code observe} returns. */
    static final ConfigKey<Boolean> FSYNC = ConfigKey.bool("fsync", true);

    private Clock clock = Clock.systemUTC();
    private Logger logger = LoggerFactory.getLogger(AuditLogObserver.class);
    private DailyAuditFile file;

    /** Creates the observer; PF4J calls this. */
    public AuditLogObserver() {
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(DIRECTORY, FSYNC);
    }

    @Override
    public void init(StageContext context) throws StageException {
        Path directory = context.resolve(context.config().get(DIRECTORY));
        try {
            OwnerOnly.createFolders(directory);
        } catch (IOException e) {
            throw new TransientStageException("audit directory " + directory + " cannot be created: " + reason(e), e);
        }
        clock = context.clock();
        logger = context.logger();
        file = new DailyAuditFile(directory, context.config().get(FSYNC));
    }

    @Override
    public void observe(MailObject mail, Disposition disposition) throws StageException {
        Instant now = clock.instant();
        append(mail.id(), now, AuditRecord.toJson(mail, disposition, now));
    }

    /** Writes the record of a bad spool file, which has no mail object, in the same file. */
    @Override
    public void observeRefused(RefusedInput refused) throws StageException {
        Instant now = clock.instant();
        append(refused.queueId(), now, RefusedRecord.toJson(refused, now));
    }

    private void append(String queueId, Instant now, String json) throws StageException {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        try {
            file.append(day, (json + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientStageException("audit record of " + queueId + " cannot be written to "
                    + file.pathFor(day) + ": " + reason(e), e);
        }
    }

    /** The reason in a user's words: the operating system's, or this plugin's own message; no Java class name. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            logger.warn("audit file could not be closed; the last records may be missing: {}", e.toString());
        }
    }
}
