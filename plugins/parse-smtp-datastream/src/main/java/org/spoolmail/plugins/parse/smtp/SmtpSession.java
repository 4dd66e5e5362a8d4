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
 * completed transaction. Lives for one input only, so the parser itself keeps no per-input state.
 */
final class SmtpSession {

    private final MailInput input;
    private final InputRecords records;
    private final RecordText text;
    private final EnvelopePaths paths;
    private final int maxCommandOctets;
    private final Logger logger;
    private final List<MailObject> mail = new ArrayList<>();
    private Transaction transaction;
    private boolean requiresTls;
    private boolean quit;

    SmtpSession(MailInput input, InputRecords records, ParserSettings settings) {
        this.input = input;
        this.records = records;
        this.text = new RecordText(input.ccsid());
        this.paths = new EnvelopePaths(settings.defaultDomain());
        this.maxCommandOctets = settings.maxCommandOctets();
        this.logger = settings.logger();
    }

    /**
     * Reads every command up to QUIT or the end of the input.
     *
     * @return the mail objects, in input order, at least one
     * @throws PermanentStageException if a command is malformed or out of order, or no transaction completed
     * @throws IOException if reading fails
     */
    List<MailObject> run() throws PermanentStageException, IOException {
        byte[] record;
        while (!quit && (record = records.next()) != null) {
            String line = text.command(record);
            if (!line.isBlank()) {
                command(line);
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
        return List.copyOf(mail);
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
        if (octets > maxCommandOctets) {
            throw records.error("command record is " + octets + " octets, longer than max-command-octets "
                    + maxCommandOctets);
        }
        Command command = Command.parse(line);
        InputLocation at = records.location();
        switch (command.name()) {
            case "HELO", "EHLO", "RSET" -> transaction = null;
            case "MAIL" -> mail(command, at);
            case "RCPT" -> recipient(command, at);
            case "DATA" -> data();
            case "STARTTLS" -> requiresTls = true;
            case "QUIT" -> quit = true;
            case "NOOP", "VERB", "TICK" -> {
                // accepted and ignored, as IBM's SMTP servers do
            }
            default -> throw records.error("unknown SMTP verb '" + command.verb() + "'");
        }
    }

    private void mail(Command command, InputLocation at) throws PermanentStageException {
        if (transaction != null) {
            throw records.error("MAIL FROM inside the transaction opened at record " + transaction.mailFromRecord()
                    + " (DATA or RSET must come first)");
        }
        transaction = new Transaction(paths.reversePath(command.argument(), at), at.recordNumber());
    }

    private void recipient(Command command, InputLocation at) throws PermanentStageException {
        if (transaction == null) {
            throw records.error("RCPT TO before MAIL FROM");
        }
        transaction.add(paths.forwardPath(command.argument(), at));
    }

    private void data() throws PermanentStageException, IOException {
        if (transaction == null) {
            throw records.error("DATA before MAIL FROM");
        }
        if (!transaction.hasRecipients()) {
            throw records.error("DATA before RCPT TO");
        }
        MessageReader reader = new MessageReader(records, text, input.ccsid());
        mail.add(transaction.toMailObject(reader.read(), input, requiresTls));
        transaction = null;
    }
}
