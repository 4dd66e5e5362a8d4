package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * Authenticates a session with AUTH (RFC 4954): PLAIN (RFC 4616, initial response) or LOGIN. Credentials travel
 * only in the command lines; a relay reply that echoes them has them masked before it goes into an exception.
 * A 4xx reply is transient; a 5xx reply (wrong credentials) holds the item for an operator.
 */
final class SmtpAuthenticator {

    private final SmtpSettings settings;

    SmtpAuthenticator(SmtpSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs the AUTH exchange.
     *
     * @param connection the connection, after EHLO
     * @param capabilities what the relay offered
     * @throws IOException if the connection fails
     * @throws StageException if the relay does not offer the mechanism or refuses the credentials
     */
    void authenticate(SmtpConnection connection, EhloCapabilities capabilities) throws IOException, StageException {
        String mechanism = settings.auth().name();
        if (!capabilities.authMechanisms().contains(mechanism)) {
            throw new PermanentStageException("smart host " + settings.peer() + " does not offer AUTH " + mechanism
                    + " (offered: " + (capabilities.authMechanisms().isEmpty() ? "none"
                    : String.join(" ", capabilities.authMechanisms())) + ")");
        }
        String user = settings.username().orElseThrow();
        String password = settings.password().orElseThrow().reveal();
        ServerReply reply = settings.auth() == SmtpSettings.AuthMechanism.PLAIN
                ? plain(connection, user, password) : login(connection, user, password);
        if (reply.code() != 235) {
            fail(reply, user, password);
        }
    }

    private static ServerReply plain(SmtpConnection connection, String user, String password) throws IOException {
        String response = base64("\0" + user + "\0" + password);
        ServerReply reply = connection.exchange("AUTH", "PLAIN " + response);
        if (reply.code() == 334) {
            connection.sendLine(response);
            connection.flush();
            reply = connection.readReply();
        }
        return reply;
    }

    private static ServerReply login(SmtpConnection connection, String user, String password) throws IOException {
        ServerReply reply = connection.exchange("AUTH", "LOGIN");
        for (String answer : new String[] {user, password}) {
            if (reply.code() != 334) {
                return reply;
            }
            connection.sendLine(base64(answer));
            connection.flush();
            reply = connection.readReply();
        }
        return reply;
    }

    private void fail(ServerReply reply, String user, String password) throws StageException {
        SmtpReply raw = reply.toSmtpReply();
        String text = raw.text();
        for (String secret : new String[] {base64("\0" + user + "\0" + password), base64(password), password}) {
            if (!secret.isEmpty()) {
                text = text.replace(secret, "***");
            }
        }
        SmtpReply masked = new SmtpReply(raw.code(), raw.enhancedStatus(), text);
        String message = "smart host " + settings.peer() + " refused AUTH " + settings.auth().name() + " as " + user
                + ": " + masked;
        if (masked.isTransient()) {
            throw new TransientStageException(message, masked, null);
        }
        throw new PermanentStageException(message, null, masked, null);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
