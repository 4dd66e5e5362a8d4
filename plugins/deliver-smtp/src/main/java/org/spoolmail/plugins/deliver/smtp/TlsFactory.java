package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory for STARTTLS: the JDK's default trust (cacerts) unless a PKCS12 trust store is
 * configured, in which case only its certificates are trusted.
 */
final class TlsFactory {

    private TlsFactory() {
    }

    /**
     * @param trustStore a PKCS12 file of trusted certificates, or empty for the JDK default
     * @param password its password, or empty for a store without integrity password
     * @return the factory
     * @throws IOException if the file cannot be read
     * @throws GeneralSecurityException if it is not a usable PKCS12 trust store
     */
    static SSLSocketFactory create(Optional<Path> trustStore, Optional<Secret> password)
            throws IOException, GeneralSecurityException {
        if (trustStore.isEmpty()) {
            return SSLContext.getDefault().getSocketFactory();
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore.get())) {
            store.load(in, password.map(p -> p.reveal().toCharArray()).orElse(null));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
