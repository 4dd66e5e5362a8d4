package org.spoolmail.plugins.parse.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.pf4j.Extension;
import org.slf4j.LoggerFactory;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.config.StageConfig;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * Parses an SMTP datastream as batch jobs write it to the spool for IBM's SMTP servers: HELO/EHLO, MAIL FROM,
 * RCPT TO (many), DATA ... ".", then another transaction or QUIT; RSET discards an open transaction, NOOP, VERB and
 * TICK are ignored, and STARTTLS marks the following mail objects with the attribute {@code requires-tls=true}.
 * After QUIT a HELO or EHLO starts a new session (job steps concatenated into one spool file); any other record
 * there is a syntax error.
 * Returns one mail object per transaction, with the attributes {@code origin} and {@code input-record} (the record
 * of its MAIL FROM).
 *
 * <p>Takes the variants real jobs write: verbs in any case; blanks after the colon and inside the angle brackets;
 * command records padded with blanks, x'00', x'05', x'0D', x'15' or x'25'; a "." line padded with blanks; no "."
 * and no QUIT at the end of the input; no blank line between header section and body; dotless sender or recipient
 * domains (JES node names), qualified with {@code default-domain}. Records are read with the input's record format
 * and CCSID; the body stays untranslated records in that CCSID, one leaf part even for a multipart type. A control
 * character in a header field fails the whole input with the record named.
 *
 * <p>Limits as IBM's SMTP servers document them: command records up to 510 octets, data lines up to 998 octets
 * (a longer line is kept and goes out quoted-printable, or with {@code long-lines: refuse} fails the input with its
 * record), up to 2000 RCPT TO per transaction. A malformed or misplaced command is a syntax error: up to
 * {@code max-syntax-errors} of them are skipped, as a server answers each with a 5xx reply, and each is traced on
 * the next mail object as {@code parse SKIPPED}; one more refuses the input as a whole (by default the first).
 *
 * <p>Also takes the interlink shape: a file that starts with {@code X-FROM:} and {@code X-TO:} lines (the
 * envelope) followed by the message, with no SMTP verbs. With {@code strip-sequence-numbers: true}, columns 73-80 of
 * fixed 80-octet records (ISPF sequence numbers) are dropped. With {@code at-sign}, the national character a site
 * types at x'7C' is read as '@' in command records and address header fields, never in the Subject or body.
 *
 * <p>Thread-safe: configuration is read once in {@code init}; each input is parsed by its own session.
 *
 * <pre>{@code
 * - stage: parse
 *   use: smtp-datastream
 *   config:
 *     default-domain: example.com   # BATCH@NODE1 becomes BATCH@NODE1.example.com
 *     max-command-octets: 510       # longest command record, trailing padding not counted
 *     long-lines: encode            # encode (keep, sent quoted-printable) | refuse (data lines over 998 octets)
 *     max-recipients: 2000          # RCPT TO per transaction
 *     max-syntax-errors: 0          # bad commands skipped before the input is refused (0: the first refuses it)
 *     strip-sequence-numbers: false # drop columns 73-80 of fixed 80-octet records
 *     at-sign: "§"                  # CCSID 273: '§' (x'7C') typed for '@' in addresses
 *     max-header-octets: 256KiB     # longest header section of one message
 * }</pre>
 */
@Extension
@StageName("smtp-datastream")
public class SmtpDatastreamParser implements MailParser {

    /** The domain appended to dotless domains in MAIL FROM and RCPT TO; none by default (such input fails). */
    public static final ConfigKey<String> DEFAULT_DOMAIN = ConfigKey.string("default-domain", null);
    /** The longest command record in octets, without trailing padding; RFC 5321 allows 512 with CRLF. */
    public static final ConfigKey<Integer> MAX_COMMAND_OCTETS =
            ConfigKey.integer("max-command-octets", 510, 16, 32760);
    /** What to do with a data line over 998 octets: keep it (it goes out quoted-printable) or refuse the input. */
    public static final ConfigKey<String> LONG_LINES = ConfigKey.oneOf("long-lines", "encode", "encode", "refuse");
    /** The most recipients (RCPT TO) one transaction may hold, as IBM's servers document. */
    public static final ConfigKey<Integer> MAX_RECIPIENTS = ConfigKey.integer("max-recipients", 2000, 1, 100000);
    /** How many syntax errors are skipped and traced; one more refuses the input as a whole. */
    public static final ConfigKey<Integer> MAX_SYNTAX_ERRORS = ConfigKey.integer("max-syntax-errors", 0, 0, 1000);
    /** Drop columns 73-80 (sequence numbers) of fixed 80-octet records. */
    public static final ConfigKey<Boolean> STRIP_SEQUENCE_NUMBERS = ConfigKey.bool("strip-sequence-numbers", false);
    /** The longest header section of one message, in octets of its records; a longer one refuses the input. */
    public static final ConfigKey<Long> MAX_HEADER_OCTETS =
            ConfigKey.size("max-header-octets", ParserSettings.DEFAULT_MAX_HEADER_OCTETS);
    /** The national character typed for '@' (x'7C' in CCSIDs such as 273), read as '@' in addresses only. */
    public static final ConfigKey<String> AT_SIGN = ConfigKey.string("at-sign", null);

    private static final Pattern FIRST_COMMAND =
            Pattern.compile("(?i)(HELO|EHLO)(\\s.*)?|MAIL\\s+FROM\\b.*|X-(FROM|TO)\\s*:.*");

    private volatile ParserSettings settings =
            ParserSettings.defaults(LoggerFactory.getLogger(SmtpDatastreamParser.class));

    /** Creates the parser; PF4J calls this. */
    public SmtpDatastreamParser() {
        // configuration arrives in init
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(DEFAULT_DOMAIN, MAX_COMMAND_OCTETS, LONG_LINES, MAX_RECIPIENTS, MAX_SYNTAX_ERRORS,
                STRIP_SEQUENCE_NUMBERS, AT_SIGN, MAX_HEADER_OCTETS);
    }

    @Override
    public void init(StageContext context) throws StageException {
        StageConfig config = context.config();
        AtSign atSign;
        try {
            atSign = config.find(AT_SIGN).map(AtSign::of).orElse(AtSign.NONE);
        } catch (IllegalArgumentException e) {
            throw new PermanentStageException(e.getMessage());
        }
        settings = new ParserSettings(defaultDomain(context), config.get(MAX_COMMAND_OCTETS),
                config.get(LONG_LINES).equals("refuse"), config.get(MAX_RECIPIENTS), config.get(MAX_SYNTAX_ERRORS),
                config.get(STRIP_SEQUENCE_NUMBERS), atSign, config.get(MAX_HEADER_OCTETS), context.logger());
    }

    @Override
    public List<MailObject> parse(MailInput input) throws StageException {
        try (InputStream in = input.data().open()) {
            InputRecords records = new InputRecords(input.recordFormat().reader(in), input.origin(),
                    settings.stripSequenceNumbers() && input.recordFormat().equals(RecordFormat.fixed(80)));
            return new SmtpSession(input, records, settings).run();
        } catch (IOException e) {
            throw new TransientStageException(input.origin() + ": cannot read the input: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean recognises(List<String> firstRecords) {
        return firstRecords.stream().map(String::strip).filter(r -> !r.isEmpty()).findFirst()
                .map(r -> FIRST_COMMAND.matcher(r).matches()).orElse(false);
    }

    /** Checks the configured default domain once, so a typo fails start-up instead of every message. */
    private static Optional<String> defaultDomain(StageContext context) throws PermanentStageException {
        Optional<String> configured = context.config().find(DEFAULT_DOMAIN);
        if (configured.isEmpty()) {
            return configured;
        }
        String domain = configured.get().startsWith(".") ? configured.get().substring(1) : configured.get();
        try {
            new Mailbox("postmaster", domain);
        } catch (IllegalArgumentException e) {
            throw new PermanentStageException("default-domain '" + domain + "' is not a domain: " + e.getMessage());
        }
        if (!domain.contains(".")) {
            throw new PermanentStageException("default-domain '" + domain
                    + "' has no dot: it must be a fully qualified domain such as example.com");
        }
        return Optional.of(domain);
    }
}
