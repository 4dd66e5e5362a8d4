package org.spoolmail.plugins.parse.control;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.pf4j.Extension;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * Parses a deck of control statements, the input a job author writes without knowing SMTP or MIME, in the manner
 * of IBM utility control statements: one keyword per statement (FROM, TO, CC, BCC, REPLYTO, SUBJECT, IMPORTANCE,
 * HEADER, TEXT, TEXTFILE, HTML, HTMLFILE, ATTACH, SEND), '*' comments, '-' and '+' continuation, quoted values, and
 * the symbols {@code &DATE}, {@code &TIME}, {@code &JOBNAME}, {@code &JOBID}, {@code &USERID} and {@code &SYSNAME}
 * ({@code &&} for '&'). SEND ends a message, so one deck holds any number. The grammar is in
 * docs/control-statements.md. The deck is read with the input's record format and CCSID (EBCDIC decks too);
 * inline bodies stay records in the deck's CCSID, text files and attachments records in their own, binary
 * attachments octets marked base64. Any malformed statement fails the whole deck with its record named. With
 * {@code strip-sequence-numbers: true}, columns 73-80 of fixed 80-octet records (ISPF sequence numbers) are dropped
 * from statements and inline bodies alike.
 *
 * <p>Thread-safe: configuration is read once in {@code init}; each deck is parsed by its own session.
 *
 * <pre>{@code
 * - stage: parse
 *   use: control-statements
 *   config:
 *     time-zone: Europe/Berlin   # zone of &DATE and &TIME; default: the system's
 *     max-recipients: 2000       # addresses in one message's TO, CC and BCC, as the datastream's RCPT TO
 *     strip-sequence-numbers: false  # drop columns 73-80 of fixed 80-octet records (ISPF numbering)
 * }</pre>
 */
@Extension
@StageName("control-statements")
public class ControlStatementParser implements MailParser {

    /** The time zone of {@code &DATE} and {@code &TIME}; the system's by default. */
    static final ConfigKey<ZoneId> TIME_ZONE = new ConfigKey<>("time-zone", Optional.empty(), false,
            "a time zone such as UTC or Europe/Berlin", ControlStatementParser::zone);

    /** The most addresses one message's TO, CC and BCC statements may hold together (duplicates count). */
    static final ConfigKey<Integer> MAX_RECIPIENTS = ConfigKey.integer("max-recipients", 2000, 1, 100000);

    /** Drop columns 73-80 (sequence numbers) of fixed 80-octet records, as the smtp-datastream parser does. */
    static final ConfigKey<Boolean> STRIP_SEQUENCE_NUMBERS = ConfigKey.bool("strip-sequence-numbers", false);

    private volatile boolean stripSequenceNumbers;
    private volatile Clock clock = Clock.systemUTC();
    private volatile int maxRecipients = 2000;
    private volatile ZoneId zone = ZoneId.systemDefault();

    /** Creates the parser; PF4J calls this. */
    public ControlStatementParser() {
        // configuration arrives in init
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(TIME_ZONE, MAX_RECIPIENTS, STRIP_SEQUENCE_NUMBERS);
    }

    @Override
    public void init(StageContext context) {
        clock = context.clock();
        zone = context.config().find(TIME_ZONE).orElse(ZoneId.systemDefault());
        maxRecipients = context.config().get(MAX_RECIPIENTS);
        stripSequenceNumbers = context.config().get(STRIP_SEQUENCE_NUMBERS);
    }

    @Override
    public List<MailObject> parse(MailInput input) throws StageException {
        DeckContext deck = DeckContext.of(input, Symbols.of(input.identity(), clock.instant(), zone));
        try (InputStream in = input.data().open()) {
            DeckRecords records = new DeckRecords(input.recordFormat().reader(in), deck,
                    stripSequenceNumbers && input.recordFormat().equals(RecordFormat.fixed(80)));
            return new DeckSession(new StatementReader(records, deck), deck, maxRecipients).run(records::lastNumber);
        } catch (IOException e) {
            throw new TransientStageException(input.origin() + ": cannot read the deck: " + e.getMessage(), e);
        }
    }

    /**
     * Recognises a deck by its first statement: the first record that is neither blank nor a comment starts with a
     * statement keyword followed by a blank or nothing. An mbox {@code From } separator line is not a deck.
     */
    @Override
    public boolean recognises(List<String> firstRecords) {
        for (String record : firstRecords) {
            String r = record.strip();
            if (r.isEmpty() || r.startsWith("*")) {
                continue;
            }
            String word = r.split("[ \t]", 2)[0];
            return Keyword.of(word).isPresent() && !word.equals("From");
        }
        return false;
    }

    private static ZoneId zone(Object raw) {
        try {
            return ZoneId.of(String.valueOf(raw).strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a time zone (" + e.getMessage() + ")", e);
        }
    }
}
