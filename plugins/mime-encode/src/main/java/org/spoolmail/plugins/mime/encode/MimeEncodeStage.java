package org.spoolmail.plugins.mime.encode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.pf4j.Extension;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * Builds the MIME structure of a message before any translation: divides a hand-built multipart (still one
 * record body) into its parts with fresh random boundaries, names attachments, marks binary parts base64 so that
 * no later stage can touch their octets, and adds MIME-Version, Date and Message-ID when the message has none.
 * Bcc and Resent-Bcc header fields are removed whatever the input format (RFC 5322 section 3.6.3, as
 * {@code sendmail -t}); the trace names them.
 * A message with a header field RFC 5322 section 3.6 allows once (From, To, Subject, ...) written twice is refused.
 * Runs before codepage-translate; part bodies stay records in their source CCSID.
 *
 * <pre>
 * pipeline:
 *   - stage: mime-encode
 *     use: mime-encode
 *     config:
 *       message-id-domain: mail.example.com   # default: the reverse-path's domain, else localhost
 *       date-zone: Europe/Berlin              # zone of an added Date; default UTC
 * </pre>
 */
@Extension
@StageName("mime-encode")
public class MimeEncodeStage implements MailStage {

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[^\\[\\]\\s]+]");

    /** The right-hand side of an added Message-ID. */
    static final ConfigKey<String> MESSAGE_ID_DOMAIN = new ConfigKey<>("message-id-domain", Optional.empty(), false,
            "a domain such as mail.example.com", MimeEncodeStage::domain);

    /** The time zone of an added Date header field. */
    static final ConfigKey<ZoneId> DATE_ZONE = new ConfigKey<>("date-zone", Optional.of(ZoneOffset.UTC), false,
            "a time zone such as UTC or Europe/Berlin", MimeEncodeStage::zone);

    private volatile StageContext context;
    private volatile HeaderCompletion completion;
    private final PartStructure structure = new PartStructure(new Boundaries());

    /** Creates the stage; PF4J calls this. */
    public MimeEncodeStage() {
        // configured in init
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return List.of(MESSAGE_ID_DOMAIN, DATE_ZONE);
    }

    @Override
    public void init(StageContext stageContext) {
        this.context = stageContext;
        this.completion = new HeaderCompletion(stageContext.config().get(DATE_ZONE),
                stageContext.config().find(MESSAGE_ID_DOMAIN));
    }

    @Override
    public StageOutcome process(MailObject mail) throws StageException {
        long start = System.nanoTime();
        SingleFields.check(mail.content().headers(), "mail " + mail.id());
        MimePart root;
        try {
            root = structure.build(mail.content().root(), "mail " + mail.id());
        } catch (IOException | UncheckedIOException e) {
            throw new TransientStageException("mail " + mail.id() + ": cannot read the message body: "
                    + e.getMessage(), null, e);
        }
        HeaderCompletion.Result headers = completion.complete(mail.content().headers(),
                mail.envelope().reversePath(), context.clock().instant());
        int parts = root.leaves().size();
        String reason = parts + (parts == 1 ? " part" : " parts") + "; " + headers.summary();
        context.logger().debug("mail {}: {}", mail.id(), reason);
        MailObject out = mail.withContent(mail.content().withRoot(root).withHeaders(headers.headers()))
                .withTrace(new TraceEntry("mime-encode", Optional.empty(), "ENCODED", reason,
                        Duration.ofNanos(System.nanoTime() - start)));
        return StageOutcome.next(out);
    }

    private static String domain(Object raw) {
        String value = String.valueOf(raw).strip();
        if (!DOMAIN.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a domain name");
        }
        return value;
    }

    private static ZoneId zone(Object raw) {
        try {
            return ZoneId.of(String.valueOf(raw).strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a time zone (" + e.getMessage() + ")", e);
        }
    }
}
