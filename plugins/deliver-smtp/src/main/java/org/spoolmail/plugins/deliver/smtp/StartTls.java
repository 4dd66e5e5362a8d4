package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;

/**
 * Applies the {@code starttls} policy (RFC 3207): REQUIRED fails unless TLS is set up, OPPORTUNISTIC uses it when
 * offered, OFF never does. Also decides whether AUTH may send credentials: only over TLS, unless
 * {@code allow-plaintext-auth} is set (the administrator trusts the network to the relay; {@code starttls: off}
 * with AUTH is refused at init without it). A connection with implicit TLS ({@code tls: implicit})
 * is TLS already: STARTTLS is not used on it.
 */
final class StartTls {

    private final SmtpSettings settings;

    StartTls(SmtpSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs STARTTLS if the policy and the relay call for it.
     *
     * @param connection the connection after EHLO
     * @param capabilities what the relay offered
     * @return true if the connection is now TLS (EHLO must be sent again)
     * @throws IOException if the connection or handshake fails
     * @throws StageException if TLS is required and cannot be had
     */
    boolean negotiate(SmtpConnection connection, EhloCapabilities capabilities) throws IOException, StageException {
        SmtpSettings.StartTlsPolicy policy = settings.startTls();
        if (policy == SmtpSettings.StartTlsPolicy.OFF || connection.isTls()) {
            return false;
        }
        if (!capabilities.startTls()) {
            if (policy == SmtpSettings.StartTlsPolicy.REQUIRED) {
                throw new TransientStageException("smart host " + connection.peer()
                        + " did not offer STARTTLS, which starttls: required demands", null);
            }
            return false;
        }
        ServerReply reply = connection.exchange("STARTTLS", "");
        if (reply.code() != 220) {
            if (policy == SmtpSettings.StartTlsPolicy.REQUIRED) {
                throw new TransientStageException("smart host " + connection.peer() + " refused STARTTLS: " + reply,
                        reply.toSmtpReply(), null);
            }
            return false;
        }
        try {
            connection.upgradeToTls(settings.tlsFactory().socketFactory(), settings.verifyHostname());
        } catch (IOException e) {
            throw new TransientStageException("TLS with smart host " + connection.peer() + " failed: "
                    + SmtpSession.describe(e), e);
        }
        return true;
    }

    /**
     * Refuses to send credentials over a plain connection unless {@code allow-plaintext-auth} allows it.
     *
     * @param connection the connection
     * @throws StageException if credentials would travel in clear text against the policy
     */
    void checkCredentialsMayGo(SmtpConnection connection) throws StageException {
        if (!connection.isTls() && !settings.allowPlaintextAuth()) {
            throw new TransientStageException("smart host " + connection.peer() + " did not set up TLS, so AUTH "
                    + settings.auth().name() + " credentials are not sent; use starttls: required, or set "
                    + "allow-plaintext-auth: \"true\" to allow AUTH without TLS", null);
        }
    }
}
