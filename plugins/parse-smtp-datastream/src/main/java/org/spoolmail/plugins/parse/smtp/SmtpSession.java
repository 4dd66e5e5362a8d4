package org.spoolmail.plugins.parse.smtp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;

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
    private boolean quit;

    SmtpSession(MailInput input, InputRecords records, ParserSettings settings) {
        this.input = input;
        this.records = records;
        this.text = new RecordText(input.ccsid());
        this.paths = new EnvelopePaths(settings.defaultDomain());
        this.settings = settings;
        this.logger = settings.logger();
        this.skipped = new SkippedCommands(settings.maxSyntaxErrors());
    }

    /**
     * Reads every command up to QUIT or the end of the input.
     *
     * @return the mail objects, in input order, at least one
     * @throws PermanentStageException if the input is refused: a command is malformed or out of order beyond
     *     {@code max-syntax-errors}, a limit is passed, or no transaction completed
     * @throws IOException if reading fails
     */
    List<MailObject> run() throws PermanentStageException, IOException {
        byte[] record;
        boolean first = true;
        while (!quit && (record = records.next()) != null) {
            String line = settings.atSign().command(text.command(record));
            if (line.isBlank()) {
                continue;
            }
            if (first && Interlink.starts(line)) {
                return List.of(new Interlink(input, records, text, paths, settings).read(line));
            }
            first = false;
            try {
                command(line);
            } catch (CommandSyntaxException e) {
                skipped.add(e);
            }
        }
        if (quit) {
            warnAboutRecordsAfterQuit();
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

    private void warnAboutRecordsAfterQuit() throws PermanentStageException, IOException {
        long quitRecord = records.location().recordNumber();
        byte[] record;
        while ((record = records.next()) != null) {
            if (!text.command(record).isBlank()) {
                logger.warn("{}: records after the QUIT at record {} are ignored, from {}", input.origin(),
                        quitRecord, records.location());
                return;
            }
        }
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
            case "QUIT" -> quit = true;
            case "NOOP", "VERB", "TICK" -> {
                // accepted and ignored, as IBM's SMTP servers do
            }
            default -> throw new CommandSyntaxException(at, "unknown SMTP verb '" + command.verb() + "'");
        }
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
        mail.add(skipped.traceOn(transaction.toMailObject(reader.read(), input, requiresTls)));
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
