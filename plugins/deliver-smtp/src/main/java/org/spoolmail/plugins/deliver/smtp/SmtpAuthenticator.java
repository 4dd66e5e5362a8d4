package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * Authenticates a session with AUTH (RFC 4954): PLAIN (RFC 4616, initial response), LOGIN, or XOAUTH2 (Google's
 * and Microsoft's SASL profile for OAuth 2.0 bearer tokens: {@code user=U ^A auth=Bearer T ^A ^A} in base64 as the
 * initial response; on failure the relay sends a 334 with a base64 JSON error, answered by an empty line, then
 * its final 5xx). Credentials travel only in the command lines and are shown as {@code ***} in the wire trace; the
 * connection learns each secret and its base64 forms before they go out ({@link SmtpConnection#secret}), so a
 * relay reply that echoes one has it masked before it reaches the trace, an exception or an attribute.
 * Every failure is transient (environment, condition code 16), a 5xx reply (wrong credentials) too: the relay or
 * the configuration is at fault, not the input, and the item is held for an operator with the relay's reply.
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
     * @throws StageException transient if the relay does not offer the mechanism or refuses the credentials
     */
    void authenticate(SmtpConnection connection, EhloCapabilities capabilities) throws IOException, StageException {
        String mechanism = settings.auth().name();
        if (!capabilities.authMechanisms().contains(mechanism)) {
            throw new TransientStageException("smart host " + connection.peer() + " does not offer AUTH " + mechanism
                    + " (offered: " + (capabilities.authMechanisms().isEmpty() ? "none"
                    : String.join(" ", capabilities.authMechanisms())) + ")", null);
        }
        String user = settings.username().orElseThrow();
        String password = credential();
        connection.secret(password);
        connection.secret(base64(password));
        ServerReply reply = switch (settings.auth()) {
            case PLAIN -> plain(connection, user, password);
            case LOGIN -> login(connection, user, password);
            default -> xoauth2(connection, user, password);
        };
        if (reply.code() != 235) {
            fail(connection, reply, user);
        }
    }

    private String credential() throws StageException {
        if (settings.auth() != SmtpSettings.AuthMechanism.XOAUTH2) {
            return settings.password().orElseThrow().reveal();
        }
        try {
            return settings.oauthToken().orElseThrow().current().reveal();
        } catch (IOException e) {
            throw new TransientStageException("AUTH XOAUTH2 has no token: " + e.getMessage(), e);
        }
    }

    /**
     * The XOAUTH2 initial response for a user and a token.
     *
     * @param user the mailbox the token was issued for
     * @param token the bearer token
     * @return the base64 text that follows {@code AUTH XOAUTH2}
     */
    static String xoauth2Response(String user, String token) {
        return base64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    private static ServerReply xoauth2(SmtpConnection connection, String user, String token) throws IOException {
        connection.secret(xoauth2Response(user, token));
        ServerReply reply = connection.exchange("AUTH", "XOAUTH2 " + xoauth2Response(user, token));
        if (reply.code() == 334) {
            // The error details (base64 JSON) are in the challenge; an empty answer asks for the final reply.
            connection.sendSecret("");
            connection.flush();
            reply = connection.readReply();
        }
        return reply;
    }

    private static ServerReply plain(SmtpConnection connection, String user, String password) throws IOException {
        String response = base64("\0" + user + "\0" + password);
        connection.secret(response);
        ServerReply reply = connection.exchange("AUTH", "PLAIN " + response);
        if (reply.code() == 334) {
            connection.sendSecret(response);
            connection.flush();
            reply = connection.readReply();
        }
        return reply;
    }

    private static ServerReply login(SmtpConnection connection, String user, String password) throws IOException {
        connection.secret(base64(user));
        ServerReply reply = connection.exchange("AUTH", "LOGIN");
        for (String answer : new String[] {user, password}) {
            if (reply.code() != 334) {
                return reply;
            }
            connection.sendSecret(base64(answer));
            connection.flush();
            reply = connection.readReply();
        }
        return reply;
    }

    private void fail(SmtpConnection connection, ServerReply reply, String user) throws StageException {
        SmtpReply masked = reply.toSmtpReply();
        String message = "smart host " + connection.peer() + " refused AUTH " + settings.auth().name() + " as " + user
                + ": " + masked;
        throw new TransientStageException(message, masked, null);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
