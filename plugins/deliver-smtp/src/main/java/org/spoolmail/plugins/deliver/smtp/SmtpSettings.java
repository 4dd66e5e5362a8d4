package org.spoolmail.plugins.deliver.smtp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The validated configuration of {@link SmtpDeliveryStage}, read once in {@code init}. Immutable; its
 * {@code toString} shows no credential ({@link Secret}, {@link OAuthToken}).
 *
 * @param relays the smart hosts, tried in this order; at least one
 * @param heloName the name sent with EHLO/HELO
 * @param tlsMode STARTTLS after the greeting, or implicit TLS from the first octet
 * @param startTls when to use STARTTLS (tlsMode STARTTLS only)
 * @param tlsFactory makes the TLS socket factory with the configured trust material, at its first use
 * @param verifyHostname whether the certificate must name the relay's host
 * @param auth the SASL mechanism, or NONE
 * @param allowPlaintextAuth whether AUTH may send credentials over a connection without TLS
 * @param username the AUTH user, empty when no AUTH
 * @param password the AUTH password (PLAIN, LOGIN), empty otherwise
 * @param oauthToken where the XOAUTH2 bearer token comes from, empty unless XOAUTH2
 * @param connectTimeout TCP connect time limit
 * @param commandTimeout time limit for each whole reply (all its lines), from the greeting to QUIT
 * @param dataTimeout time limit for the whole data phase: sending the message and the reply after it
 * @param dsn what to ask for when the relay offers DSN
 * @param connectionIdle how long an unused session stays open for the next mail object; zero: never reused
 * @param wireTrace whether the dialogue is shown
 */
record SmtpSettings(List<Relay> relays, String heloName, TlsMode tlsMode, StartTlsPolicy startTls,
        TlsFactory tlsFactory, boolean verifyHostname, AuthMechanism auth, boolean allowPlaintextAuth,
        Optional<String> username,
        Optional<Secret> password, Optional<OAuthToken> oauthToken, Duration connectTimeout, Duration commandTimeout,
        Duration dataTimeout, DsnRequest dsn, Duration connectionIdle, boolean wireTrace) {

    SmtpSettings {
        relays = List.copyOf(relays);
        if (relays.isEmpty()) {
            throw new IllegalArgumentException("at least one relay");
        }
    }

    /** The {@code tls} setting. */
    enum TlsMode {
        /** Plain TCP first; the {@code starttls} policy decides about STARTTLS (RFC 3207). */
        STARTTLS,
        /** TLS from the start (RFC 8314 section 3.3, port 465). */
        IMPLICIT
    }

    /** The {@code starttls} setting. */
    enum StartTlsPolicy {
        /** Fail unless the relay offers STARTTLS and the handshake succeeds. */
        REQUIRED,
        /** Use STARTTLS when offered. */
        OPPORTUNISTIC,
        /** Never use STARTTLS; AUTH then needs {@code allow-plaintext-auth}. */
        OFF
    }

    /** The {@code auth-mechanism} setting. */
    enum AuthMechanism {
        /** No AUTH. */
        NONE,
        /** RFC 4616 PLAIN with an initial response. */
        PLAIN,
        /** The LOGIN mechanism (user name and password as base64 answers). */
        LOGIN,
        /** Google's and Microsoft's XOAUTH2: user name and an OAuth 2.0 bearer token. */
        XOAUTH2
    }

    /** @return the relays as {@code host:port}, blank separated, for messages */
    String peers() {
        return String.join(" ", relays.stream().map(Relay::peer).toList());
    }
}
