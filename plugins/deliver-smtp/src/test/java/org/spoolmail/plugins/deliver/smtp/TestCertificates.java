package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * GreenMail's self-signed test certificate (greenmail.p12 from the GreenMail test dependency, password changeit;
 * its certificate names no host, so hostname verification fails against it), as a server key and as a client
 * trust store.
 */
final class TestCertificates {

    private static final char[] GREENMAIL_PASSWORD = "changeit".toCharArray();

    private TestCertificates() {
    }

    /**
     * @param dir where to write it
     * @return a PKCS12 trust store, password {@code trustpw}, holding only GreenMail's certificate
     */
    static Path trustStore(Path dir) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("relay", greenmailKeys().getCertificate("greenmail"));
        Path file = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, "trustpw".toCharArray());
        }
        return file;
    }

    /**
     * @param dir where to write it
     * @return a PEM file with a comment line and GreenMail's certificate twice (two blocks), no password
     */
    static Path pemTrustStore(Path dir) throws IOException, GeneralSecurityException {
        String block = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(greenmailKeys().getCertificate("greenmail").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Path file = dir.resolve("relay-ca.pem");
        Files.writeString(file, "# GreenMail test CA\n" + block + "Subject: the same again\n" + block,
                StandardCharsets.US_ASCII);
        return file;
    }

    /**
     * @param dir where to write it
     * @param password the store's password
     * @return a JKS trust store holding only GreenMail's certificate
     */
    static Path jksTrustStore(Path dir, String password) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("JKS");
        trust.load(null, null);
        trust.setCertificateEntry("relay", greenmailKeys().getCertificate("greenmail"));
        Path file = dir.resolve("trust.jks");
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, password.toCharArray());
        }
        return file;
    }

    /** @return a server TLS context with GreenMail's key */
    static SSLContext serverTls() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(greenmailKeys(), GREENMAIL_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static KeyStore greenmailKeys() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestCertificates.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            store.load(in, GREENMAIL_PASSWORD);
        }
        return store;
    }
}
