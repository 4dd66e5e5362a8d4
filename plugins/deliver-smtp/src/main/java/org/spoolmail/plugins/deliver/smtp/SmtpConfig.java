package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLSocketFactory;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.config.StageConfig;

/** The configuration keys of {@link SmtpDeliveryStage} and their reading into {@link SmtpSettings}. */
final class SmtpConfig {

    static final ConfigKey<String> HOST = ConfigKey.string("host", null).asRequired();
    static final ConfigKey<Integer> PORT = ConfigKey.integer("port", 25, 1, 65535);
    static final ConfigKey<String> HELO_NAME = ConfigKey.string("helo-name", null);
    static final ConfigKey<String> STARTTLS = ConfigKey.oneOf("starttls", "opportunistic",
            "required", "opportunistic", "off");
    static final ConfigKey<String> TRUST_STORE = ConfigKey.string("tls-trust-store", null);
    static final ConfigKey<String> TRUST_STORE_PASSWORD_ENV = ConfigKey.string("tls-trust-store-password-env", null);
    static final ConfigKey<Boolean> VERIFY_HOSTNAME = ConfigKey.bool("tls-verify-hostname", true);
    static final ConfigKey<String> AUTH_MECHANISM = ConfigKey.oneOf("auth-mechanism", "none",
            "none", "plain", "login");
    static final ConfigKey<String> USERNAME = ConfigKey.string("username", null);
    static final ConfigKey<String> PASSWORD_ENV = ConfigKey.string("password-env", "SPOOLMAIL_SMTP_PASSWORD");
    static final ConfigKey<Duration> CONNECT_TIMEOUT = ConfigKey.duration("connect-timeout", Duration.ofSeconds(30));
    static final ConfigKey<Duration> COMMAND_TIMEOUT = ConfigKey.duration("command-timeout", Duration.ofSeconds(60));
    static final ConfigKey<Duration> DATA_TIMEOUT = ConfigKey.duration("data-timeout", Duration.ofMinutes(10));

    static final List<ConfigKey<?>> SCHEMA = List.of(HOST, PORT, HELO_NAME, STARTTLS, TRUST_STORE,
            TRUST_STORE_PASSWORD_ENV, VERIFY_HOSTNAME, AUTH_MECHANISM, USERNAME, PASSWORD_ENV, CONNECT_TIMEOUT,
            COMMAND_TIMEOUT, DATA_TIMEOUT);

    private final UnaryOperator<String> environment;

    SmtpConfig(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * Reads and checks the configuration.
     *
     * @param context the stage's context
     * @return the settings
     * @throws StageException if AUTH lacks a user or password, a name is unusable, or the trust store is unusable
     */
    SmtpSettings read(StageContext context) throws StageException {
        StageConfig c = context.config();
        SmtpSettings.AuthMechanism auth = SmtpSettings.AuthMechanism.valueOf(
                c.get(AUTH_MECHANISM).toUpperCase(Locale.ROOT));
        Optional<String> user = c.find(USERNAME);
        Optional<Secret> password = Optional.empty();
        if (auth != SmtpSettings.AuthMechanism.NONE) {
            if (user.isEmpty()) {
                throw new PermanentStageException("auth-mechanism " + c.get(AUTH_MECHANISM) + " needs username");
            }
            password = Optional.of(secret(c.get(PASSWORD_ENV), "password-env"));
        }
        return new SmtpSettings(checkedName(c.get(HOST), "host"), c.get(PORT), heloName(c),
                SmtpSettings.StartTlsPolicy.valueOf(c.get(STARTTLS).toUpperCase(Locale.ROOT)), tls(context),
                c.get(VERIFY_HOSTNAME), auth, auth == SmtpSettings.AuthMechanism.NONE ? Optional.empty() : user,
                password, c.get(CONNECT_TIMEOUT), c.get(COMMAND_TIMEOUT), c.get(DATA_TIMEOUT));
    }

    private SSLSocketFactory tls(StageContext context) throws StageException {
        StageConfig c = context.config();
        Optional<Path> store = c.find(TRUST_STORE).map(context::resolve);
        Optional<Secret> password = Optional.empty();
        if (c.find(TRUST_STORE_PASSWORD_ENV).isPresent()) {
            password = Optional.of(secret(c.get(TRUST_STORE_PASSWORD_ENV), "tls-trust-store-password-env"));
        }
        try {
            return TlsFactory.create(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new PermanentStageException("tls-trust-store " + store.map(Path::toString).orElse("(default)")
                    + " cannot be used: " + e, null, null, e);
        }
    }

    private Secret secret(String variable, String key) throws StageException {
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new PermanentStageException("environment variable " + variable + " (named by " + key
                    + ") is not set");
        }
        return new Secret(value);
    }

    private static String heloName(StageConfig c) throws StageException {
        Optional<String> configured = c.find(HELO_NAME);
        if (configured.isPresent()) {
            return checkedName(configured.get(), "helo-name");
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String checkedName(String name, String key) throws StageException {
        if (name.isEmpty() || !name.chars().allMatch(ch -> ch > 0x20 && ch < 0x7F)) {
            throw new PermanentStageException(key + " '" + name + "' is not a host name");
        }
        return name;
    }
}
