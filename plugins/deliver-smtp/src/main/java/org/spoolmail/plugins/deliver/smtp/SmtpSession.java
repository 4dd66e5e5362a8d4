package org.spoolmail.plugins.deliver.smtp;

import java.io.Closeable;
import java.io.IOException;
import java.net.UnknownHostException;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;

/**
 * An open SMTP session with the smart host, ready for mail transactions: greeting read, EHLO (or HELO when the
 * relay refuses EHLO) done, STARTTLS and AUTH done as configured. A session can carry several
 * {@link SmtpTransaction}s one after another ({@link #reset()} between failed ones); {@link #quit()} ends it.
 * Not thread-safe: one worker uses a session at a time.
 */
final class SmtpSession implements Closeable {

    private final SmtpConnection connection;
    private final SmtpSettings settings;
    private EhloCapabilities capabilities = EhloCapabilities.NONE;

    private SmtpSession(SmtpConnection connection, SmtpSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    /**
     * Connects and prepares a session.
     *
     * @param settings the relay and how to talk to it
     * @return the session, ready for MAIL FROM
     * @throws IOException if the connection fails after it was made
     * @throws StageException if the relay cannot be reached or refuses the session
     */
    static SmtpSession open(SmtpSettings settings) throws IOException, StageException {
        SmtpConnection connection;
        try {
            connection = SmtpConnection.open(settings.host(), settings.port(), settings.connectTimeout(),
                    settings.commandTimeout());
        } catch (IOException e) {
            throw new TransientStageException("smart host " + settings.peer() + " unreachable: " + describe(e), e);
        }
        SmtpSession session = new SmtpSession(connection, settings);
        try {
            session.start();
            return session;
        } catch (IOException | StageException | RuntimeException e) {
            connection.close();
            throw e;
        }
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

    private void start() throws IOException, StageException {
        expect(connection.readReply(), "greeting");
        hello();
        if (new StartTls(settings).negotiate(connection, capabilities)) {
            hello();
        }
        if (settings.auth() != SmtpSettings.AuthMechanism.NONE) {
            new StartTls(settings).checkCredentialsMayGo(connection);
            new SmtpAuthenticator(settings).authenticate(connection, capabilities);
        }
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
            throw new TransientStageException("smart host " + settings.peer() + " refused the session at " + step
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
