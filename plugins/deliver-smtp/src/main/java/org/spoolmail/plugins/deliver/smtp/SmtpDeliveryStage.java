package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

import org.pf4j.Extension;
import org.slf4j.Logger;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.Attributes;
import org.spoolmail.exits.mail.MailObject;

/**
 * Relays each mail object to a smart host with spoolmail's own SMTP client, which streams the message from
 * {@link org.spoolmail.exits.mail.MessageWriter} through dot-stuffing to the socket (no Jakarta Mail). One
 * connection per mail object for now: connect, EHLO (HELO if refused), STARTTLS and AUTH as configured, one
 * transaction, QUIT.
 *
 * <p>Outcomes: every recipient accepted, or some refused beside accepted ones: delivered, with each recipient's
 * result (the kernel gives condition code 4 for refusals). Every recipient refused with 5xx, or a 5xx to MAIL or
 * after the data: rejected with the relay's reply. Relay unreachable, or a 4xx to MAIL, DATA or the data:
 * {@link TransientStageException} naming {@code host:port} and the reply. Sets the attributes {@code size-octets}
 * (octets of the message before dot-stuffing) and {@code relay-reply} (the relay's last reply). Credentials come
 * from the environment and are never logged. Thread-safe: each call opens its own session.
 *
 * <pre>{@code
 * - stage: deliver
 *   use: deliver-smtp
 *   config:
 *     host: smtp.example.com
 *     port: 587
 *     starttls: required              # required | opportunistic (default) | off
 *     tls-trust-store: certs/relay.p12 # optional PKCS12; default: the JDK's trusted CAs
 *     tls-trust-store-password-env: SPOOLMAIL_TRUST_PASSWORD
 *     auth-mechanism: plain           # none (default) | plain | login
 *     username: batch-mailer
 *     password-env: SPOOLMAIL_SMTP_PASSWORD
 *     command-timeout: 60s
 * }</pre>
 */
@Extension
@StageName("deliver-smtp")
public class SmtpDeliveryStage implements MailStage {

    private final SmtpConfig config;
    private volatile SmtpSettings settings;
    private volatile Logger logger;

    /** Made by PF4J; reads credentials from the process environment. */
    public SmtpDeliveryStage() {
        this(System::getenv);
    }

    /** @param environment looks up environment variables (tests pass a map) */
    SmtpDeliveryStage(UnaryOperator<String> environment) {
        this.config = new SmtpConfig(environment);
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return SmtpConfig.SCHEMA;
    }

    @Override
    public void init(StageContext context) throws StageException {
        settings = config.read(context);
        logger = context.logger();
    }

    @Override
    public StageOutcome process(MailObject mail) throws StageException {
        SmtpSettings current = settings;
        try (SmtpSession session = SmtpSession.open(current)) {
            TransactionResult result = new SmtpTransaction(session).send(mail);
            quietly(session);
            logger.debug("relayed to {}: {}", current.peer(), result.finalReply());
            return StageOutcome.stop(withResultAttributes(mail, result), result.disposition());
        } catch (IOException e) {
            throw new TransientStageException("smart host " + current.peer() + ": " + SmtpSession.describe(e), e);
        }
    }

    private static MailObject withResultAttributes(MailObject mail, TransactionResult result) {
        Attributes attributes = mail.attributes();
        if (result.sizeOctets().isPresent()) {
            attributes = attributes.with("size-octets", Long.toString(result.sizeOctets().getAsLong()));
        }
        if (result.finalReply().isPresent()) {
            attributes = attributes.with("relay-reply", result.finalReply().get().toString());
        }
        return mail.withAttributes(attributes);
    }

    private void quietly(SmtpSession session) {
        try {
            session.quit();
        } catch (IOException e) {
            // The transaction is decided; a lost QUIT must not turn a delivery into a failure.
            logger.debug("QUIT to {} failed: {}", session.settings().peer(), e.toString());
        }
    }
}
