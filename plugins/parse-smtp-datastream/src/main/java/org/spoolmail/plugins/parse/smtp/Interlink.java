package org.spoolmail.plugins.parse.smtp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Attributes;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.ReversePath;

/**
 * The interlink shape: no SMTP verbs, the envelope in lines at the start of the file, one {@code X-FROM:} with
 * the reverse-path and one or more {@code X-TO:} with recipients (several per line separated by commas), then the
 * message itself (header fields and body) up to the end of the input. The message is not SMTP data: it is
 * neither dot-unstuffed nor ended by a "." line. One mail object per file.
 */
final class Interlink {

    private final MailInput input;
    private final InputRecords records;
    private final RecordText text;
    private final EnvelopePaths paths;
    private final ParserSettings settings;
    private ReversePath reversePath;
    private long fromRecord;
    private final List<ForwardPath> recipients = new ArrayList<>();

    Interlink(MailInput input, InputRecords records, RecordText text, EnvelopePaths paths, ParserSettings settings) {
        this.input = input;
        this.records = records;
        this.text = text;
        this.paths = paths;
        this.settings = settings;
    }

    /** @return true if the command line is an {@code X-FROM:} or {@code X-TO:} line */
    static boolean starts(String line) {
        String upper = line.stripLeading().toUpperCase(Locale.ROOT);
        return upper.matches("X-(FROM|TO)\\s*:.*");
    }

    /**
     * Reads the envelope lines and the message.
     *
     * @param firstLine the first envelope line, decoded, already read
     * @return the mail object
     * @throws PermanentStageException if an address is malformed, X-FROM is missing or repeated, or X-TO missing
     * @throws IOException if reading fails
     */
    MailObject read(String firstLine) throws PermanentStageException, IOException {
        String line = firstLine;
        byte[] record = null;
        while (line != null && starts(line)) {
            envelopeLine(line, records.location());
            record = records.next();
            line = record == null ? null : settings.atSign().command(text.command(record));
        }
        InputLocation end = records.location();
        if (reversePath == null) {
            throw new PermanentStageException(end, "interlink file without an X-FROM: line before the message");
        }
        if (recipients.isEmpty()) {
            throw new PermanentStageException(end, "interlink file without an X-TO: line before the message");
        }
        MailContent content = new MessageReader(records, text, input.ccsid(), settings).readToEnd(record);
        Attributes attributes = Attributes.EMPTY.with("origin", input.origin())
                .with("input-record", Long.toString(fromRecord));
        return MailObject.of(UUID.randomUUID().toString(), new Envelope(reversePath, recipients), content,
                input.identity()).withAttributes(attributes);
    }

    private void envelopeLine(String line, InputLocation at) throws PermanentStageException {
        String value = line.substring(line.indexOf(':') + 1);
        if (line.stripLeading().toUpperCase(Locale.ROOT).startsWith("X-FROM")) {
            if (reversePath != null) {
                throw new PermanentStageException(at, "a second X-FROM: line (the first is record " + fromRecord
                        + ")");
            }
            String path = EnvelopePaths.bare(value, "X-FROM", at);
            reversePath = path.isEmpty() ? ReversePath.nullPath() : ReversePath.of(paths.address(path, "X-FROM", at));
            fromRecord = at.recordNumber();
            return;
        }
        for (String one : value.split(",")) {
            if (one.isBlank()) {
                continue;
            }
            String path = EnvelopePaths.bare(one, "X-TO", at);
            if (path.isEmpty()) {
                throw new PermanentStageException(at, "malformed address '<>' in X-TO: a recipient cannot be empty");
            }
            if (recipients.size() >= settings.maxRecipients()) {
                throw new PermanentStageException(at, "more than max-recipients " + settings.maxRecipients()
                        + " X-TO addresses");
            }
            recipients.add(new ForwardPath(paths.address(path, "X-TO", at)));
        }
    }
}
