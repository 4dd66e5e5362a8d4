package org.spoolmail.plugins.parse.rfc5322;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.pf4j.Extension;
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
 * Parses a plain RFC 5322 message (header section, blank line, body) with the semantics of {@code sendmail -t}:
 * the recipients are every address of To, Cc and Bcc (RFC 5322 section 3.6.3, groups and display names allowed),
 * Bcc and Resent-Bcc are removed from the header section (Resent-To, Resent-Cc and Resent-Bcc make no
 * recipients: re-sending is not this parser's job), and the reverse-path is {@code envelope-sender} if configured (as
 * {@code sendmail -f}), else the Sender address, else the first From address. Header and body are handled as the
 * smtp-datastream parser handles its data: records in the input's CCSID and record format, continuation lines
 * unfolded, the header section ending at the blank line or at the first line that is no header field,
 * Content-Type and Content-Transfer-Encoding moved to the root part, the body kept as untranslated records. The
 * message is not SMTP data: it is not dot-unstuffed and runs to the end of the input. One mail object per input,
 * with the attributes {@code origin} and {@code input-record} (1).
 *
 * <p>Thread-safe: configuration is read once in {@code init}.
 *
 * <pre>{@code
 * - stage: parse
 *   use: rfc5322-message
 *   config:
 *     envelope-sender: batch@example.com   # the reverse-path, as sendmail -f; default: Sender, else From
 *     max-header-octets: 256KiB            # longest header section
 *     max-recipients: 2000                 # addresses in To, Cc and Bcc together, as the datastream's RCPT TO
 * }</pre>
 */
@Extension
@StageName("rfc5322-message")
public class Rfc5322MessageParser implements MailParser {

    /** The reverse-path of every message, as {@code sendmail -f}; by default Sender, else From. */
    public static final ConfigKey<String> ENVELOPE_SENDER = ConfigKey.string("envelope-sender", null);

    private static final Pattern FIELD = Pattern.compile("[!-9;-~]+\\s*:.*");
    private static final Pattern VERB = Pattern.compile("(?i)(HELO|EHLO|MAIL|RCPT|DATA|QUIT|RSET|X-FROM|X-TO)\\b.*");

    /** The longest header section, in octets of its records; a longer one refuses the input. */
    public static final ConfigKey<Long> MAX_HEADER_OCTETS = ConfigKey.size("max-header-octets", 256L * 1024);

    /** The most addresses To, Cc and Bcc may hold together (duplicates count); more refuse the input. */
    public static final ConfigKey<Integer> MAX_RECIPIENTS = ConfigKey.integer("max-recipients", 2000, 1, 100000);

    private volatile Optional<Mailbox> envelopeSender = Optional.empty();
    private volatile long maxHeaderOctets = 256L * 1024;
    private volatile int maxRecipients = 2000;

    /** Creates the parser; PF4J calls this. */
    public Rfc5322MessageParser() {
        // configuration arrives in init
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(ENVELOPE_SENDER, MAX_HEADER_OCTETS, MAX_RECIPIENTS);
    }

    @Override
    public void init(StageContext context) throws StageException {
        maxHeaderOctets = context.config().get(MAX_HEADER_OCTETS);
        maxRecipients = context.config().get(MAX_RECIPIENTS);
        Optional<String> configured = context.config().find(ENVELOPE_SENDER);
        try {
            envelopeSender = configured.map(Mailbox::parse);
        } catch (IllegalArgumentException e) {
            throw new PermanentStageException("envelope-sender '" + configured.orElseThrow() + "' is not an address: "
                    + e.getMessage());
        }
    }

    @Override
    public List<MailObject> parse(MailInput input) throws StageException {
        try (InputStream in = input.data().open()) {
            MessageRecords message = MessageRecords.read(input, in, maxHeaderOctets);
            SendmailEnvelope envelope = new SendmailEnvelope(input.origin(), envelopeSender, maxRecipients);
            return List.of(envelope.toMailObject(message, input));
        } catch (IOException e) {
            throw new TransientStageException(input.origin() + ": cannot read the input: " + e.getMessage(), e);
        }
    }

    /** The first non-blank record is a header field, and not an SMTP verb or an interlink X-FROM/X-TO line. */
    @Override
    public boolean recognises(List<String> firstRecords) {
        return firstRecords.stream().map(String::strip).filter(r -> !r.isEmpty()).findFirst()
                .map(r -> FIELD.matcher(r).matches() && !VERB.matcher(r.toUpperCase(Locale.ROOT)).matches())
                .orElse(false);
    }
}
