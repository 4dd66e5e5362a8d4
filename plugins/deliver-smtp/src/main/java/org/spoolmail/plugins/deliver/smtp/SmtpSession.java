package org.spoolmail.plugins.deliver.smtp;

import java.io.Closeable;
import java.io.IOException;
import java.net.UnknownHostException;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;

/**
 * An open SMTP session with one smart host, ready for mail transactions: greeting read, EHLO (or HELO when the
 * relay refuses EHLO) done, STARTTLS and AUTH done as configured. A session can carry several
 * {@link SmtpTransaction}s one after another ({@link #reset()} between them); {@link #quit()} ends it.
 * Not thread-safe: one worker uses a session at a time ({@link SessionPool} hands each to one caller).
 */
final class SmtpSession implements Closeable {

    private final SmtpConnection connection;
    private final SmtpSettings settings;
    private final Watchdog watchdog;
    private EhloCapabilities capabilities = EhloCapabilities.NONE;

    private SmtpSession(SmtpConnection connection, SmtpSettings settings, Watchdog watchdog) {
        this.connection = connection;
        this.settings = settings;
        this.watchdog = watchdog;
    }

    /**
     * Connects to one relay (with TLS first when {@code tls: implicit}) and reads its greeting. Everything that
     * makes another smart host worth trying is an {@link IOException} here: no connection, a failed implicit TLS
     * handshake, no greeting, or a greeting that is not 2xx (RFC 5321 section 3.1: 554 means no service; a 421
     * means not now).
     *
     * @param settings how to talk to relays
     * @param relay the relay
     * @param trace where the dialogue is shown
     * @param watchdog bounds the sending of each message by the data timeout
     * @return the session, greeted but not yet started
     * @throws IOException if the relay cannot be used now
     */
    static SmtpSession connect(SmtpSettings settings, Relay relay, WireTrace trace, Watchdog watchdog)
            throws IOException {
        SmtpConnection connection = settings.tlsMode() == SmtpSettings.TlsMode.IMPLICIT
                ? SmtpConnection.openTls(relay, settings.connectTimeout(), settings.commandTimeout(),
                        settings.tlsFactory().socketFactory(), settings.verifyHostname(), trace, watchdog)
                : SmtpConnection.open(relay, settings.connectTimeout(), settings.commandTimeout(), trace, watchdog);
        try {
            ServerReply greeting = connection.readReply();
            if (!greeting.isPositive()) {
                throw new IOException("greeting " + greeting);
            }
            return new SmtpSession(connection, settings, watchdog);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Says EHLO (or HELO), then STARTTLS and AUTH as configured.
     *
     * @throws IOException if the connection fails
     * @throws StageException if the relay refuses the session, TLS or AUTH
     */
    void start() throws IOException, StageException {
        hello();
        if (new StartTls(settings).negotiate(connection, capabilities)) {
            hello();
        }
        if (settings.auth() != SmtpSettings.AuthMechanism.NONE) {
            new StartTls(settings).checkCredentialsMayGo(connection);
            new SmtpAuthenticator(settings).authenticate(connection, capabilities);
        }
    }

    /** @return the timer that bounds writes */
    Watchdog watchdog() {
        return watchdog;
    }

    /** @return the relay of this session */
    Relay relay() {
        return connection.relay();
    }

    /** @return what the relay offered in its last EHLO reply */
    EhloCapabilities capabilities() {
        return capabilities;
    }

    /** @return the connection, for transactions */
    SmtpConnection connection() {
        return connection;
    }

    /** @return the settings */
    SmtpSettings settings() {
        return settings;
    }

    /** @throws IOException if RSET fails @return the reply to RSET */
    ServerReply reset() throws IOException {
        return connection.exchange("RSET", "");
    }

    /** Sends QUIT and reads its reply. @throws IOException if the connection fails */
    void quit() throws IOException {
        connection.exchange("QUIT", "");
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    private void hello() throws IOException, StageException {
        ServerReply ehlo = connection.exchange("EHLO", settings.heloName());
        if (ehlo.isPositive()) {
            capabilities = EhloCapabilities.parse(ehlo);
            return;
        }
        if (!ehlo.isPermanent()) {
            expect(ehlo, "EHLO");
        }
        expect(connection.exchange("HELO", settings.heloName()), "HELO");
        capabilities = EhloCapabilities.NONE;
    }

    private void expect(ServerReply reply, String step) throws StageException {
        if (!reply.isPositive()) {
            throw new TransientStageException("smart host " + connection.peer() + " refused the session at " + step
                    + ": " + reply, reply.toSmtpReply(), null);
        }
    }

    /**
     * Describes a connection failure in words: {@code Connection refused}, {@code unknown host x}.
     *
     * @param e the failure
     * @return the description
     */
    static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
