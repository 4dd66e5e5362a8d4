package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

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
