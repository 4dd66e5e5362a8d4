package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
import org.spoolmail.exits.mail.RelayConnections;

/**
 * Relays each mail object to a smart host with spoolmail's own SMTP client, which streams the message from
 * {@link org.spoolmail.exits.mail.MessageWriter} through dot-stuffing to the socket (no Jakarta Mail). Smart hosts
 * are tried in order (one that cannot be reached or does not greet with 2xx is skipped); sessions are kept open for
 * {@code connection-idle} and reused, with RSET between transactions; EHLO (HELO if refused), STARTTLS or implicit
 * TLS, and AUTH PLAIN, LOGIN or XOAUTH2 as configured; SIZE, PIPELINING and DSN used when the relay offers them.
 *
 * <p>Outcomes, each with one result per forward-path and the reply that decided it: every recipient accepted, or
 * some refused (5xx) or deferred (4xx) beside accepted ones: delivered (the kernel gives condition code 4 for a
 * refused or deferred one, and keeps a deferred one for retry). A 4xx to MAIL, DATA or the data, a 421 (the relay
 * closes the session, which is then not reused), or no recipient accepted and one deferred: deferred (condition
 * code 4). Every recipient refused with 5xx, a 5xx to MAIL, DATA or after the data: rejected (8), the recipients
 * it reached REFUSED with that reply. A message over the relay's SIZE limit, or a non-ASCII address for a relay
 * without SMTPUTF8: rejected with the reason before anything was sent. No relay reachable, or a connection that
 * fails: {@link TransientStageException} naming {@code host:port}. So is a
 * protocol error (a reply of a class the command does not allow, such as 250 to DATA, a line that is not a reply,
 * or replies sent before the client asked): the session is closed and the item held, never called refused. A
 * configuration, TLS or AUTH problem (a key that cannot be used, a relay that refuses EHLO, STARTTLS or AUTH, even
 * with 5xx) is transient too: the kernel holds the item as an environment problem (condition code 16), since the
 * input is not at fault. Only a message that cannot be written (a part not translated) is a
 * {@link org.spoolmail.exits.PermanentStageException} (bad input, 12). Sets the
 * attributes {@code size-octets} (octets of the message before dot-stuffing), {@code relay-reply} (the relay's last
 * reply) and {@code relay-host} ({@code host:port} of the relay that took the transaction). Credentials come from
 * the environment or a file and are never logged. {@code tls-trust-store} is a PEM file of one or more
 * {@code -----BEGIN CERTIFICATE-----} blocks (no password), or a PKCS12 or JKS key store (password from
 * {@code tls-trust-store-password-env}, optional for PKCS12 without one); only its certificates are trusted. Thread-safe: each concurrent call gets a session of its own.
 *
 * <pre>{@code
 * - stage: deliver
 *   use: deliver-smtp
 *   config:
 *     host: smtp.example.com          # or hosts: [smtp1.example.com:587, smtp2.example.com:587]
 *     port: "587"
 *     fallback-hosts: [smtp-dr.example.com]   # tried in order when host cannot be reached
 *     tls: starttls                   # starttls (default) | implicit (TLS from the start, port 465)
 *     starttls: required              # required | opportunistic (default) | off
 *     tls-trust-store: certs/relay.pem # optional: PEM certificates, PKCS12 or JKS; default: the JDK's CAs
 *     tls-trust-store-password-env: SPOOLMAIL_TRUST_PASSWORD   # JKS, PKCS12 with a password; not for PEM
 *     tls-verify-hostname: "true"     # the certificate must name the host (default true)
 *     auth-mechanism: plain           # none (default) | plain | login | xoauth2
 *     allow-plaintext-auth: "false"   # true: AUTH may go without TLS (needed for starttls: off); default false
 *     username: batch-mailer
 *     password-env: SPOOLMAIL_SMTP_PASSWORD     # plain, login (the default variable)
 *     # password-file: /etc/spoolmail/relay.pw  # or: a file only its owner may read (0600), one line
 *     oauth2-token-file: secrets/token # xoauth2: re-read for each session; or oauth2-token-env: VAR
 *     dsn-notify: failure,delay       # never | any of success,failure,delay; sent when the relay offers DSN
 *     dsn-ret: hdrs                   # full | hdrs; ENVID is always the mail object's id
 *     connection-idle: 30s            # keep sessions open for reuse; 0s: one session per mail object
 *     connect-timeout: 30s
 *     command-timeout: 60s            # each whole reply, all its lines
 *     data-timeout: 10m               # the whole data phase: the message and the reply after it
 *     wire-trace: "false"             # true: the SMTP dialogue at INFO, credentials shown as ***
 * }</pre>
 */
@Extension
@StageName("deliver-smtp")
public class SmtpDeliveryStage implements MailStage {

    private final SmtpConfig config;
    private final Consumer<String> traceSink;
    private volatile SessionPool pool;
    private volatile Watchdog watchdog;
    private volatile Logger logger;

    /** Made by PF4J; reads credentials from the process environment. */
    public SmtpDeliveryStage() {
        this(System::getenv, null);
    }

    /** @param environment looks up environment variables (tests pass a map) */
    SmtpDeliveryStage(UnaryOperator<String> environment) {
        this(environment, null);
    }

    /**
     * @param environment looks up environment variables (tests pass a map)
     * @param traceSink where the wire trace goes; null for the stage logger at INFO
     */
    SmtpDeliveryStage(UnaryOperator<String> environment, Consumer<String> traceSink) {
        this.config = new SmtpConfig(environment);
        this.traceSink = traceSink;
    }

    @Override
    public List<ConfigKey<?>> configSchema() {
        return SmtpConfig.SCHEMA;
    }

    @Override
    public void init(StageContext context) throws StageException {
        SmtpSettings settings = config.read(context);
        logger = context.logger();
        Logger log = logger;
        WireTrace trace = new WireTrace(traceSink != null ? traceSink : log::info, settings.wireTrace());
        Watchdog timer = new Watchdog();
        watchdog = timer;
        pool = new SessionPool(new SmartHosts(settings, trace, timer), settings.connectionIdle(), timer);
    }

    @Override
    public StageOutcome process(MailObject mail) throws StageException {
        SessionPool sessions = pool;
        SmtpSession session = sessions.borrow();
        if (requiresTls(mail) && !session.connection().isTls()) {
            sessions.release(session);
            throw new TransientStageException("the input asked for STARTTLS (attribute requires-tls) but the session"
                    + " with smart host " + session.relay().peer() + " is not encrypted: set starttls: required or"
                    + " tls: implicit, or use a relay that offers STARTTLS", null);
        }
        TransactionResult result;
        try {
            result = new SmtpTransaction(session).send(mail);
        } catch (IOException e) {
            sessions.discard(session, false);
            String message = "smart host " + session.relay().peer() + ": " + SmtpSession.describe(e);
            if (e instanceof SmtpProtocolException p && p.reply().isPresent()) {
                throw new TransientStageException(message, p.reply().get().toSmtpReply(), e);
            }
            throw new TransientStageException(message, e);
        } catch (StageException | RuntimeException e) {
            sessions.discard(session, true);
            throw e;
        }
        if (result.reusable()) {
            sessions.release(session);
        } else {
            sessions.discard(session, !result.finalReply().filter(r -> r.code() == 421).isPresent());
        }
        logger.debug("relayed to {}: {}", session.relay().peer(), result.finalReply());
        return StageOutcome.stop(withResultAttributes(mail, result, session.relay()), result.disposition());
    }

    @Override
    public Optional<RelayConnections> relayConnections() {
        SessionPool sessions = pool;
        return sessions == null ? Optional.empty() : Optional.of(sessions.connections());
    }

    /** A STARTTLS command in the datastream asks that this mail object travels encrypted (attribute requires-tls). */
    private static boolean requiresTls(MailObject mail) {
        return mail.attributes().get("requires-tls").map("true"::equals).orElse(false);
    }

    @Override
    public void close() {
        SessionPool sessions = pool;
        if (sessions != null) {
            sessions.close();
        }
        Watchdog timer = watchdog;
        if (timer != null) {
            timer.close();
        }
    }

    private static MailObject withResultAttributes(MailObject mail, TransactionResult result, Relay relay) {
        Attributes attributes = mail.attributes().with("relay-host", relay.peer());
        if (result.sizeOctets().isPresent()) {
            attributes = attributes.with("size-octets", Long.toString(result.sizeOctets().getAsLong()));
        }
        if (result.finalReply().isPresent()) {
            attributes = attributes.with("relay-reply", result.finalReply().get().toString());
        }
        return mail.withAttributes(attributes);
    }
}
