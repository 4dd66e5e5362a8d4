package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.config.StageConfig;

/** The configuration keys of {@link SmtpDeliveryStage} and their reading into {@link SmtpSettings}. */
final class SmtpConfig {

    static final ConfigKey<String> HOST = ConfigKey.string("host", null);
    static final ConfigKey<Integer> PORT = ConfigKey.integer("port", 25, 1, 65535);
    static final ConfigKey<List<String>> HOSTS = ConfigKey.stringList("hosts", null);
    static final ConfigKey<List<String>> FALLBACK_HOSTS = ConfigKey.stringList("fallback-hosts", List.of());
    static final ConfigKey<String> HELO_NAME = ConfigKey.string("helo-name", null);
    static final ConfigKey<String> TLS = ConfigKey.oneOf("tls", "starttls", "starttls", "implicit");
    static final ConfigKey<String> STARTTLS = ConfigKey.oneOf("starttls", "opportunistic",
            "required", "opportunistic", "off");
    static final ConfigKey<String> TRUST_STORE = new ConfigKey<>("tls-trust-store", Optional.empty(), false,
            "a file: " + TlsFactory.FORMATS + " (password from tls-trust-store-password-env; none for PEM); "
            + "default: the JDK's trusted CAs", ConfigKey.string("tls-trust-store", null).converter());
    static final ConfigKey<String> TRUST_STORE_PASSWORD_ENV = ConfigKey.string("tls-trust-store-password-env", null);
    static final ConfigKey<Boolean> VERIFY_HOSTNAME = ConfigKey.bool("tls-verify-hostname", true);
    static final ConfigKey<String> AUTH_MECHANISM = ConfigKey.oneOf("auth-mechanism", "none",
            "none", "plain", "login", "xoauth2");
    static final ConfigKey<Boolean> ALLOW_PLAINTEXT_AUTH = ConfigKey.bool("allow-plaintext-auth", false);
    static final ConfigKey<String> USERNAME = ConfigKey.string("username", null);
    /** The variable {@code password-env} names when neither it nor {@code password-file} is set. */
    static final String DEFAULT_PASSWORD_ENV = "SPOOLMAIL_SMTP_PASSWORD";
    static final ConfigKey<String> PASSWORD_ENV = new ConfigKey<>("password-env", Optional.empty(), false,
            "an environment variable name; default " + DEFAULT_PASSWORD_ENV + " unless password-file is set",
            ConfigKey.string("password-env", null).converter());
    static final ConfigKey<String> PASSWORD_FILE = new ConfigKey<>("password-file", Optional.empty(), false,
            "a file readable by its owner only holding the password on one line; instead of password-env",
            ConfigKey.string("password-file", null).converter());
    static final ConfigKey<String> OAUTH2_TOKEN_FILE = ConfigKey.string("oauth2-token-file", null);
    static final ConfigKey<String> OAUTH2_TOKEN_ENV = ConfigKey.string("oauth2-token-env", null);
    static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.duration("connect-timeout", Duration.ofSeconds(30));
    static final ConfigKey<Duration> COMMAND_TIMEOUT = ConfigKey.duration("command-timeout", Duration.ofSeconds(60));
    static final ConfigKey<Duration> DATA_TIMEOUT = ConfigKey.duration("data-timeout", Duration.ofMinutes(10));
    static final ConfigKey<String> DSN_NOTIFY = ConfigKey.string("dsn-notify", null);
    static final ConfigKey<String> DSN_RET = ConfigKey.oneOf("dsn-ret", null, "full", "hdrs");
    static final ConfigKey<Duration> CONNECTION_IDLE = ConfigKey.duration("connection-idle", Duration.ofSeconds(30));
    static final ConfigKey<Boolean> WIRE_TRACE = ConfigKey.bool("wire-trace", false);

    static final List<ConfigKey<?>> SCHEMA = List.of(HOST, PORT, HOSTS, FALLBACK_HOSTS, HELO_NAME, TLS, STARTTLS,
            TRUST_STORE, TRUST_STORE_PASSWORD_ENV, VERIFY_HOSTNAME, AUTH_MECHANISM, ALLOW_PLAINTEXT_AUTH, USERNAME,
            PASSWORD_ENV, PASSWORD_FILE, OAUTH2_TOKEN_FILE, OAUTH2_TOKEN_ENV, CONNECT_TIMEOUT, COMMAND_TIMEOUT, DATA_TIMEOUT, DSN_NOTIFY, DSN_RET,
            CONNECTION_IDLE, WIRE_TRACE);

    private final UnaryOperator<String> environment;

    SmtpConfig(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * Reads and checks the configuration.
     *
     * @param context the stage's context
     * @return the settings
     * @throws StageException transient (a configuration problem is the environment's, condition code 16, never
     *     the input's) if no relay is named, AUTH lacks a user or credential, the password file is unusable or
     *     open to its group or others, a name is unusable, or the trust store is unusable
     */
    SmtpSettings read(StageContext context) throws StageException {
        StageConfig c = context.config();
        SmtpSettings.AuthMechanism auth = SmtpSettings.AuthMechanism.valueOf(
                c.get(AUTH_MECHANISM).toUpperCase(Locale.ROOT));
        Optional<String> user = c.find(USERNAME);
        if (auth != SmtpSettings.AuthMechanism.NONE && user.isEmpty()) {
            throw new TransientStageException("auth-mechanism " + c.get(AUTH_MECHANISM) + " needs username", null);
        }
        checkPlaintextAuth(c, auth);
        Optional<Secret> password = Optional.empty();
        if (auth == SmtpSettings.AuthMechanism.PLAIN || auth == SmtpSettings.AuthMechanism.LOGIN) {
            password = Optional.of(password(context));
        }
        Optional<OAuthToken> token = auth == SmtpSettings.AuthMechanism.XOAUTH2 ? Optional.of(token(context))
                : Optional.empty();
        return new SmtpSettings(relays(c), heloName(c),
                SmtpSettings.TlsMode.valueOf(c.get(TLS).toUpperCase(Locale.ROOT)),
                SmtpSettings.StartTlsPolicy.valueOf(c.get(STARTTLS).toUpperCase(Locale.ROOT)), tls(context),
                c.get(VERIFY_HOSTNAME), auth, c.get(ALLOW_PLAINTEXT_AUTH),
                auth == SmtpSettings.AuthMechanism.NONE ? Optional.empty() : user,
                password, token, c.get(CONNECT_TIMEOUT), c.get(COMMAND_TIMEOUT), c.get(DATA_TIMEOUT), dsn(c),
                c.get(CONNECTION_IDLE), c.get(WIRE_TRACE));
    }

    /**
     * {@code starttls: off} with AUTH would send the credentials in clear text (RFC 4954 section 4 asks for a
     * protected channel): refused unless {@code allow-plaintext-auth} says the network to the relay is trusted.
     */
    private static void checkPlaintextAuth(StageConfig c, SmtpSettings.AuthMechanism auth) throws StageException {
        boolean plain = c.get(STARTTLS).equals("off") && c.get(TLS).equals("starttls");
        if (auth != SmtpSettings.AuthMechanism.NONE && plain && !c.get(ALLOW_PLAINTEXT_AUTH)) {
            throw new TransientStageException("auth-mechanism " + c.get(AUTH_MECHANISM) + " with starttls: off "
                    + "would send the credentials in clear text: use starttls: required (or tls: implicit), or set "
                    + "allow-plaintext-auth: \"true\" if the network to the relay is trusted", null);
        }
    }

    private static List<Relay> relays(StageConfig c) throws StageException {
        if (c.find(HOSTS).isPresent() == c.find(HOST).isPresent()) {
            throw new TransientStageException("name the smart host(s) with either host (plus fallback-hosts) or "
                    + "hosts, not both and not neither", null);
        }
        List<Relay> relays = new ArrayList<>();
        List<String> entries = new ArrayList<>(c.find(HOSTS).orElse(List.of()));
        String key = c.find(HOSTS).isPresent() ? "hosts" : "fallback-hosts";
        if (c.find(HOST).isPresent()) {
            relays.add(new Relay(checkedName(c.get(HOST), "host"), c.get(PORT)));
            entries.addAll(c.get(FALLBACK_HOSTS));
        }
        for (String entry : entries) {
            relays.add(Relay.parse(entry, c.get(PORT), key));
        }
        if (relays.isEmpty()) {
            throw new TransientStageException("hosts names no smart host", null);
        }
        return relays;
    }

    private static DsnRequest dsn(StageConfig c) throws StageException {
        Optional<String> notify = Optional.empty();
        if (c.find(DSN_NOTIFY).isPresent()) {
            notify = Optional.of(DsnRequest.parseNotify(c.get(DSN_NOTIFY)));
        }
        return new DsnRequest(notify, c.find(DSN_RET).map(r -> r.toUpperCase(Locale.ROOT)));
    }

    /** The AUTH password, from {@code password-file} or the variable {@code password-env} names; not both. */
    private Secret password(StageContext context) throws StageException {
        StageConfig c = context.config();
        if (c.find(PASSWORD_FILE).isPresent()) {
            if (c.find(PASSWORD_ENV).isPresent()) {
                throw new TransientStageException("name the AUTH password with either password-env or password-file,"
                        + " not both", null);
            }
            return PasswordFile.read(context.resolve(c.get(PASSWORD_FILE)));
        }
        return secret(c.find(PASSWORD_ENV).orElse(DEFAULT_PASSWORD_ENV), "password-env");
    }

    private OAuthToken token(StageContext context) throws StageException {
        StageConfig c = context.config();
        if (c.find(OAUTH2_TOKEN_FILE).isPresent() == c.find(OAUTH2_TOKEN_ENV).isPresent()) {
            throw new TransientStageException("auth-mechanism xoauth2 needs exactly one of oauth2-token-file and "
                    + "oauth2-token-env", null);
        }
        if (c.find(OAUTH2_TOKEN_ENV).isPresent()) {
            return OAuthToken.fixed(secret(c.get(OAUTH2_TOKEN_ENV), "oauth2-token-env"), c.get(OAUTH2_TOKEN_ENV));
        }
        OAuthToken token = OAuthToken.fromFile(context.resolve(c.get(OAUTH2_TOKEN_FILE)));
        try {
            token.current();
        } catch (IOException e) {
            throw new TransientStageException("oauth2-token-file cannot be used: " + e.getMessage(), e);
        }
        return token;
    }

    private TlsFactory tls(StageContext context) throws StageException {
        StageConfig c = context.config();
        Optional<Path> store = c.find(TRUST_STORE).map(context::resolve);
        Optional<Secret> password = Optional.empty();
        if (c.find(TRUST_STORE_PASSWORD_ENV).isPresent()) {
            password = Optional.of(secret(c.get(TRUST_STORE_PASSWORD_ENV), "tls-trust-store-password-env"));
        }
        try {
            return TlsFactory.create(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new TransientStageException("tls-trust-store " + store.map(Path::toString).orElse("(default)")
                    + " cannot be used: " + reason(e) + "; it must be " + TlsFactory.FORMATS
                    + " (password from tls-trust-store-password-env)", e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private Secret secret(String variable, String key) throws StageException {
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new TransientStageException("environment variable " + variable + " (named by " + key
                    + ") is not set", null);
        }
        return new Secret(value);
    }

    private static String heloName(StageConfig c) throws StageException {
        Optional<String> configured = c.find(HELO_NAME);
        if (configured.isPresent()) {
            return checkedName(configured.get(), "helo-name");
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            return defaultHeloName(local.getHostName(), local.getCanonicalHostName());
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * RFC 5321 4.1.1.1 wants the client's fully qualified name. The canonical name comes from a reverse lookup,
     * which on many hosts maps 127.0.0.1 back to "localhost", a name smart hosts often refuse: take it only when it
     * is qualified and not localhost, else the system's own host name.
     */
    static String defaultHeloName(String hostName, String canonicalName) {
        boolean canonicalUsable = canonicalName.contains(".") && !canonicalName.startsWith("localhost")
                && !canonicalName.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch));
        if (canonicalUsable) {
            return canonicalName;
        }
        return hostName.isBlank() ? "localhost" : hostName;
    }

    private static String checkedName(String name, String key) throws StageException {
        if (name.isEmpty() || !name.chars().allMatch(ch -> ch > 0x20 && ch < 0x7F)) {
            throw new TransientStageException(key + " '" + name + "' is not a host name", null);
        }
        return name;
    }
}
