package org.scadamqtt.mqtt.internal.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.net.Socket;

/** Builds the TLS socket factory of a line from its trust store, key store and TLS versions. */
final class TlsFactories {

    private TlsFactories() {
    }

    /**
     * @throws IllegalArgumentException with a sentence naming the store and what is wrong with it
     */
    static SSLSocketFactory create(SessionSettings.Tls tls) {
        try {
            TrustManager[] trust = null;
            if (!tls.trustStore().isBlank()) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(tls.trustStore(), tls.trustStorePassword(), "trustStore"));
                trust = tmf.getTrustManagers();
            }
            KeyManager[] keys = null;
            if (!tls.keyStore().isBlank()) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(tls.keyStore(), tls.keyStorePassword(), "keyStore"), tls.keyStorePassword().toCharArray());
                keys = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, trust, null);
            return new VersionLimitedFactory(ctx.getSocketFactory(), tls.versions());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String file, String password, String parameter) throws GeneralSecurityException {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(parameter + " file '" + file + "' does not exist or cannot be read");
        }
        String type = file.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password.toCharArray());
            return ks;
        } catch (IOException e) {
            throw new IllegalArgumentException(parameter + " file '" + file + "' cannot be read as " + type
                    + " (wrong password or format?): " + e.getMessage(), e);
        }
    }

    /** Enables only the configured protocol versions on every socket. */
    private static final class VersionLimitedFactory extends WrappingSslSocketFactory {
        private final String[] versions;

        VersionLimitedFactory(SSLSocketFactory d, List<String> versions) {
            super(d);
            this.versions = versions.toArray(String[]::new);
        }

        @Override
        protected Socket wrap(Socket s) {
            if (versions.length > 0 && s instanceof SSLSocket ssl) {
                SSLParameters p = ssl.getSSLParameters();
                p.setProtocols(versions);
                ssl.setSSLParameters(p);
            }
            return s;
        }
    }
}
