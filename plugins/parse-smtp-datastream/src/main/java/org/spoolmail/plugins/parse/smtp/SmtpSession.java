package org.spoolmail.plugins.parse.smtp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * Replays the commands of one datastream as an SMTP server would take them, collecting one mail object per
 * completed transaction. Lives for one input only, so the parser itself keeps no per-input state. A syntax error
 * is skipped and traced while there are no more than {@code max-syntax-errors}; the next one refuses the input.
 */
final class SmtpSession {

    private final MailInput input;
    private final InputRecords records;
    private final RecordText text;
    private final EnvelopePaths paths;
    private final ParserSettings settings;
    private final Logger logger;
    private final List<MailObject> mail = new ArrayList<>();
    private final SkippedCommands skipped;
    private Transaction transaction;
    private boolean requiresTls;
    private long quitRecord;

    SmtpSession(MailInput input, InputRecords records, ParserSettings settings) {
        this.input = input;
        this.records = records;
        this.text = new RecordText(input.ccsid(), records);
        this.paths = new EnvelopePaths(settings.defaultDomain());
        this.settings = settings;
        this.logger = settings.logger();
        this.skipped = new SkippedCommands(settings.maxSyntaxErrors());
    }

    /**
     * Reads every command to the end of the input. After a QUIT, a HELO or EHLO starts a new session (job steps
     * whose datastreams were concatenated into one spool file); any other record there is a syntax error, never
     * dropped silently.
     *
     * @return the mail objects, in input order, at least one
     * @throws PermanentStageException if the input is refused: a command is malformed or out of order beyond
     *     {@code max-syntax-errors}, a limit is passed, or no transaction completed
     * @throws IOException if reading fails
     */
    List<MailObject> run() throws PermanentStageException, IOException {
        byte[] record;
        boolean first = true;
        while ((record = records.next()) != null) {
            String line = settings.atSign().command(text.command(record));
            if (line.isBlank()) {
                continue;
            }
            if (first && Interlink.starts(line)) {
                return List.of(new Interlink(input, records, text, paths, settings).read(line));
            }
            first = false;
            try {
                afterQuit(line);
                command(line);
            } catch (CommandSyntaxException e) {
                skipped.add(e);
            }
        }
        if (transaction != null) {
            throw new PermanentStageException(records.at(transaction.mailFromRecord()),
                    "the input ends before the DATA of this MAIL FROM");
        }
        if (mail.isEmpty()) {
            throw new PermanentStageException(records.at(0), "no SMTP transaction (MAIL FROM, RCPT TO, DATA) found");
        }
        return skipped.traceRestOn(mail);
    }

    /** After QUIT only HELO or EHLO may come: it opens a new session, as the next job step's datastream does. */
    private void afterQuit(String line) throws CommandSyntaxException {
        if (quitRecord == 0) {
            return;
        }
        String verb = Command.parse(line).name();
        if (!verb.equals("HELO") && !verb.equals("EHLO")) {
            throw new CommandSyntaxException(records.location(), "'" + line + "' after the QUIT at record "
                    + quitRecord + ": only HELO or EHLO may start a new session there");
        }
        logger.debug("{}: a new session starts at {} after the QUIT at record {}", input.origin(),
                records.location(), quitRecord);
        quitRecord = 0;
        requiresTls = false;
    }

    private void command(String line) throws PermanentStageException, IOException {
        int octets = text.octets(line);
        InputLocation at = records.location();
        if (octets > settings.maxCommandOctets()) {
            throw new CommandSyntaxException(at, "command record is " + octets
                    + " octets, longer than max-command-octets " + settings.maxCommandOctets());
        }
        Command command = Command.parse(line);
        switch (command.name()) {
            case "HELO", "EHLO", "RSET" -> transaction = null;
            case "MAIL" -> mail(command, at);
            case "RCPT" -> recipient(command, at);
            case "DATA" -> data(at);
            case "STARTTLS" -> requiresTls = true;
            case "QUIT" -> quit(at);
            case "NOOP", "VERB", "TICK" -> {
                // accepted and ignored, as IBM's SMTP servers do
            }
            default -> throw new CommandSyntaxException(at, unknownVerb(command.verb()));
        }
    }

    /** Names the verb, controls as code points; a verb outside printable US-ASCII hints at the input's shape. */
    private static String unknownVerb(String verb) {
        StringBuilder shown = new StringBuilder();
        verb.chars().forEach(c -> shown.append(c < 0x20 || c >= 0x7F && c <= 0x9F
                ? String.format(java.util.Locale.ROOT, "\\u%04X", c) : String.valueOf((char) c)));
        boolean ascii = verb.chars().allMatch(c -> c > ' ' && c < 0x7F);
        return "unknown SMTP verb '" + shown + "'" + (ascii ? ""
                : " (is the input in another code page or record format? see --codepage and --records)");
    }

    private void quit(InputLocation at) throws PermanentStageException {
        if (transaction != null) {
            throw new PermanentStageException(records.at(transaction.mailFromRecord()),
                    "QUIT at record " + at.recordNumber() + " before the DATA of this MAIL FROM");
        }
        quitRecord = at.recordNumber();
    }

    private void mail(Command command, InputLocation at) throws PermanentStageException {
        if (transaction != null) {
            throw new CommandSyntaxException(at, "MAIL FROM inside the transaction opened at record "
                    + transaction.mailFromRecord() + " (DATA or RSET must come first)");
        }
        transaction = new Transaction(paths.reversePath(command.argument(), at), at.recordNumber());
    }

    private void recipient(Command command, InputLocation at) throws PermanentStageException {
        if (transaction == null) {
            throw new CommandSyntaxException(at, "RCPT TO before MAIL FROM");
        }
        if (transaction.recipientCount() >= settings.maxRecipients()) {
            throw new PermanentStageException(at, "more than max-recipients " + settings.maxRecipients()
                    + " RCPT TO in the transaction opened at record " + transaction.mailFromRecord());
        }
        transaction.add(paths.forwardPath(command.argument(), at));
    }

    private void data(InputLocation at) throws PermanentStageException, IOException {
        if (transaction == null || !transaction.hasRecipients()) {
            CommandSyntaxException refused = new CommandSyntaxException(at,
                    transaction == null ? "DATA before MAIL FROM" : "DATA before RCPT TO");
            skipped.add(refused);
            skipData();
            return;
        }
        MessageReader reader = new MessageReader(records, text, input.ccsid(), settings);
        MailObject read = transaction.toMailObject(reader.read(), input, requiresTls);
        for (TraceEntry note : reader.notes()) {
            read = read.withTrace(note);
        }
        if (reader.cutShort()) {
            read = read.withTrace(new TraceEntry("parse", Optional.empty(), TraceEntry.WARNING, records.location()
                    + ": the input ends inside the data of the MAIL FROM at record " + transaction.mailFromRecord()
                    + ", with no \".\" line and no QUIT: the message may be cut short; sent as far as it goes",
                    Duration.ZERO));
        }
        mail.add(skipped.traceOn(read));
        transaction = null;
    }

    /**
     * After a refused DATA the message up to its "." is skipped, so its lines are not taken as commands; an open
     * transaction stays open, as a server's 503 reply leaves it.
     */
    private void skipData() throws PermanentStageException, IOException {
        byte[] record;
        while ((record = records.next()) != null && !text.isEndOfData(record)) {
            // skipped with the refused DATA
        }
    }
}
