package org.spoolmail.plugins.deliver.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory for STARTTLS and implicit TLS: the JDK's default trust (cacerts) unless a trust
 * store is configured, in which case only its certificates are trusted. The trust store is either a PEM file of
 * one or more X.509 certificates ({@code -----BEGIN CERTIFICATE-----} blocks, RFC 7468 section 5; text between
 * blocks is ignored; no password) or a PKCS12 or JKS key store (the type is recognised from the content; the
 * password is needed for JKS and for a PKCS12 store with an integrity password).
 *
 * <p>The trust store is read and checked by {@link #create} (at init, so a bad one stops start-up), but the
 * {@link SSLContext} is made only by the first {@link #socketFactory()} call, once, whichever thread comes first:
 * the JDK's default context costs about 140 ms (cacerts, providers), wasted on a run that never uses TLS.
 */
final class TlsFactory {

    /** What {@code tls-trust-store} accepts, for the key's description and error messages. */
    static final String FORMATS = "a PEM file of -----BEGIN CERTIFICATE----- blocks, or a PKCS12 or JKS key store";

    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*)-----END CERTIFICATE-----");

    /** The configured trust managers, or empty for the JDK's default context. */
    private final Optional<TrustManager[]> trustManagers;
    private volatile SSLSocketFactory factory;

    private TlsFactory(Optional<TrustManager[]> trustManagers) {
        this.trustManagers = trustManagers;
    }

    /**
     * Reads and checks the trust store now; the TLS context is made later, by {@link #socketFactory()}.
     *
     * @param trustStore a PEM, PKCS12 or JKS file of trusted certificates, or empty for the JDK default
     * @param password the key store's password, or empty for PEM or a store without integrity password
     * @return the factory
     * @throws IOException if the file cannot be read
     * @throws GeneralSecurityException if it is none of the accepted formats or holds no certificate
     */
    static TlsFactory create(Optional<Path> trustStore, Optional<Secret> password)
            throws IOException, GeneralSecurityException {
        if (trustStore.isEmpty()) {
            return new TlsFactory(Optional.empty());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore.get(), password));
        return new TlsFactory(Optional.of(trust.getTrustManagers()));
    }

    /**
     * The socket factory, made at the first call (thread-safe: one context for all callers).
     *
     * @return the factory with the configured trust material
     * @throws IOException if the JDK cannot make a TLS context (the cause says why)
     */
    SSLSocketFactory socketFactory() throws IOException {
        SSLSocketFactory made = factory;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (factory == null) {
                factory = newFactory();
            }
            return factory;
        }
    }

    private SSLSocketFactory newFactory() throws IOException {
        try {
            if (trustManagers.isEmpty()) {
                return SSLContext.getDefault().getSocketFactory();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.get(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a trust store.
     *
     * @param file the PEM, PKCS12 or JKS file
     * @param password the key store's password, ignored for PEM
     * @return an in-memory key store with the certificates
     * @throws IOException if the file cannot be read, or a key store cannot be read with the password
     * @throws GeneralSecurityException if it is none of the accepted formats or holds no certificate
     */
    static KeyStore load(Path file, Optional<Secret> password) throws IOException, GeneralSecurityException {
        byte[] content = Regular.read(file);
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            return pem(text);
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.toFile(), password.map(p -> p.reveal().toCharArray()).orElse(null));
        } catch (KeyStoreException e) {
            throw new GeneralSecurityException("the file is neither PEM nor a PKCS12 or JKS key store", e);
        }
        if (store.size() == 0) {
            throw new GeneralSecurityException("the key store holds no certificate");
        }
        return store;
    }

    private static KeyStore pem(String text) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        Matcher block = PEM_CERTIFICATE.matcher(text);
        int count = 0;
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(1));
            Certificate certificate = factory.generateCertificate(new ByteArrayInputStream(der));
            store.setCertificateEntry("pem-" + ++count, certificate);
        }
        if (count == 0) {
            throw new GeneralSecurityException("the PEM file holds no -----BEGIN CERTIFICATE----- block");
        }
        return store;
    }
}
