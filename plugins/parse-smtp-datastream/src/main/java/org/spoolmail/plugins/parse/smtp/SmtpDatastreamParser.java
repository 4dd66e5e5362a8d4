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
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;

/**
 * Parses an SMTP datastream as batch jobs write it to the spool for IBM's SMTP servers: HELO/EHLO, MAIL FROM,
 * RCPT TO (many), DATA ... ".", then another transaction or QUIT; RSET discards an open transaction, NOOP, VERB and
 * TICK are ignored, and STARTTLS marks the following mail objects with the attribute {@code requires-tls=true}.
 * Returns one mail object per transaction, with the attributes {@code origin} and {@code input-record} (the record
 * of its MAIL FROM).
 *
 * <p>Takes the variants real jobs write: verbs in any case; blanks after the colon and inside the angle brackets;
 * command records padded with blanks, x'00', x'05', x'0D', x'15' or x'25'; a "." line padded with blanks; no "."
 * and no QUIT at the end of the input; no blank line between header section and body; dotless sender or recipient
 * domains (JES node names), qualified with {@code default-domain}. Records are read with the input's record format
 * and CCSID; the body stays untranslated records in that CCSID, one leaf part even for a multipart type. Any
 * malformed command, or a control character in a header field, fails the whole input with the record named.
 *
 * <p>Thread-safe: configuration is read once in {@code init}; each input is parsed by its own session.
 *
 * <pre>{@code
 * - stage: parse
 *   use: smtp-datastream
 *   config:
 *     default-domain: example.com   # BATCH@NODE1 becomes BATCH@NODE1.example.com
 *     max-command-octets: 510       # longest command record, trailing padding not counted
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

    private static final Pattern FIRST_COMMAND = Pattern.compile("(?i)(HELO|EHLO)(\\s.*)?|MAIL\\s+FROM\\b.*");

    private volatile ParserSettings settings = new ParserSettings(Optional.empty(), 510,
            LoggerFactory.getLogger(SmtpDatastreamParser.class));

    /** Creates the parser; PF4J calls this. */
    public SmtpDatastreamParser() {
        // configuration arrives in init
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(DEFAULT_DOMAIN, MAX_COMMAND_OCTETS);
    }

    @Override
    public void init(StageContext context) throws StageException {
        settings = new ParserSettings(defaultDomain(context), context.config().get(MAX_COMMAND_OCTETS),
                context.logger());
    }

    @Override
    public List<MailObject> parse(MailInput input) throws StageException {
        try (InputStream in = input.data().open()) {
            InputRecords records = new InputRecords(input.recordFormat().reader(in), input.origin());
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
