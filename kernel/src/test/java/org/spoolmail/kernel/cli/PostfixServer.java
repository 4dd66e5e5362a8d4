package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The machine's test Postfix as {@code .ci/postfix-setup} left it: 127.0.0.1 and a port, STARTTLS with a
 * self-signed certificate, {@code smtpd_forbid_bare_newline = reject} without exclusions, and local delivery into
 * the test user's Maildir. The script writes what the tests need into {@link #PROPERTIES}.
 *
 * <p>Where that Postfix is missing (no properties file, the port does not answer, or the Maildir cannot be read by
 * the user running the tests) the tests are skipped by a JUnit assumption, so {@code mvn -B verify} stays green on a
 * machine without Postfix; with {@code SPOOLMAIL_POSTFIX=required} in the environment (as {@code .ci/run} sets it)
 * they fail instead.
 */
final class PostfixServer {

    /** Written by {@code .ci/postfix-setup}; a system property {@code spoolmail.postfix.properties} overrides it. */
    static final Path PROPERTIES = Path.of(System.getProperty("spoolmail.postfix.properties",
            "/etc/postfix/spoolmail-test/postfix-test.properties"));

    final String host;
    final int port;
    final String domain;
    final String user;
    final Maildir maildir;
    final Path certificate;

    private PostfixServer(Properties p) {
        host = p.getProperty("host");
        port = Integer.parseInt(p.getProperty("port"));
        domain = p.getProperty("domain");
        user = p.getProperty("user");
        maildir = new Maildir(Path.of(p.getProperty("maildir")));
        certificate = Path.of(p.getProperty("certificate"));
    }

    /**
     * The test Postfix, or the test is skipped (failed with {@code SPOOLMAIL_POSTFIX=required}) when it is missing.
     *
     * @return the server
     */
    static PostfixServer require() {
        String missing;
        try {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(PROPERTIES)) {
                p.load(in);
            }
            PostfixServer server = new PostfixServer(p);
            missing = server.problem();
            if (missing == null) {
                return server;
            }
        } catch (IOException | RuntimeException e) {
            missing = PROPERTIES + " cannot be read (" + e + ")";
        }
        String reason = "no test Postfix: " + missing + "; set one up with: sudo .ci/postfix-setup";
        if ("required".equals(System.getenv("SPOOLMAIL_POSTFIX"))) {
            fail(reason + " (SPOOLMAIL_POSTFIX=required)");
        }
        Assumptions.abort(reason);
        return null;
    }

    private String problem() {
        if (!maildir.isReadable()) {
            return "Maildir " + maildir + " cannot be read by " + System.getProperty("user.name")
                    + " (run the tests as root or set SPOOLMAIL_POSTFIX_USER for .ci/postfix-setup)";
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            return null;
        } catch (IOException e) {
            return host + ":" + port + " does not answer (" + e.getMessage() + ")";
        }
    }

    /** @return a recipient address of the test user that no other test uses: {@code user+tag-<random>@domain} */
    String uniqueRecipient(String tag) {
        return user + "+" + tag + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    /**
     * Writes a PKCS12 trust store holding only the test certificate, loadable without a password (no MAC, certificate
     * bag not encrypted), so the deliver-smtp stage needs no {@code tls-trust-store-password-env}.
     *
     * @param file where to write it
     * @return the file
     */
    Path trustStore(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("postfix", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        String[] names = {"keystore.pkcs12.certProtectionAlgorithm", "keystore.pkcs12.macAlgorithm"};
        String[] saved = {System.getProperty(names[0]), System.getProperty(names[1])};
        try (OutputStream out = Files.newOutputStream(file)) {
            System.setProperty(names[0], "NONE");
            System.setProperty(names[1], "NONE");
            store.store(out, null);
        } finally {
            for (int i = 0; i < names.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(names[i]);
                } else {
                    System.setProperty(names[i], saved[i]);
                }
            }
        }
        return file;
    }

    /** @return the deliver stage of a pipeline.yaml: deliver-smtp to this Postfix, STARTTLS required */
    String deliverStage(Path trustStore) {
        return "    use: deliver-smtp\n    config: {host: " + host + ", port: \"" + port
                + "\", starttls: required, tls-trust-store: \"" + trustStore + "\", helo-name: spoolmail.example.com,"
                + " command-timeout: 30s}";
    }
}
