package org.spoolmail.plugins.deliver.smtp;

import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLSocketFactory;

/**
 * The validated configuration of {@link SmtpDeliveryStage}, read once in {@code init}. Immutable; its
 * {@code toString} shows no credential ({@link Secret}).
 *
 * @param host the smart host
 * @param port its port
 * @param heloName the name sent with EHLO/HELO
 * @param startTls when to use STARTTLS
 * @param tlsFactory the TLS socket factory with the configured trust material
 * @param verifyHostname whether the certificate must name {@code host}
 * @param auth the SASL mechanism, or NONE
 * @param username the AUTH user, empty when no AUTH
 * @param password the AUTH password, empty when no AUTH
 * @param connectTimeout TCP connect time limit
 * @param commandTimeout time limit for each reply
 * @param dataTimeout time limit for the reply after the end of data
 */
record SmtpSettings(String host, int port, String heloName, StartTlsPolicy startTls, SSLSocketFactory tlsFactory,
        boolean verifyHostname, AuthMechanism auth, Optional<String> username, Optional<Secret> password,
        Duration connectTimeout, Duration commandTimeout, Duration dataTimeout) {

    /** The {@code starttls} setting. */
    enum StartTlsPolicy {
        /** Fail unless the relay offers STARTTLS and the handshake succeeds. */
        REQUIRED,
        /** Use STARTTLS when offered. */
        OPPORTUNISTIC,
        /** Never use STARTTLS; also allows AUTH without TLS. */
        OFF
    }

    /** The {@code auth-mechanism} setting. */
    enum AuthMechanism {
        /** No AUTH. */
        NONE,
        /** RFC 4616 PLAIN with an initial response. */
        PLAIN,
        /** The LOGIN mechanism (user name and password as base64 answers). */
        LOGIN
    }

    /** @return {@code host:port} */
    String peer() {
        return host + ":" + port;
    }
}
