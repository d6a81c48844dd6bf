package org.scadamqtt.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test PKI generated at run time with BouncyCastle: one CA, server certificates and a client
 * certificate, written as PKCS12 stores (and PEM files) to a temporary folder.
 *
 * <p>How to use (README):
 * <pre>{@code
 * TestCertificates pki = TestCertificates.get();          // one per JVM, created on first use
 * pki.trustStore()          // PKCS12 with the CA: the client's trustStore parameter
 * pki.clientKeyStore()      // PKCS12 with the client cert + key (CN=scada-test-client): keyStore parameter
 * pki.serverKeyStore()      // server cert for "localhost" and 127.0.0.1 (for a broker listener)
 * pki.wrongHostKeyStore()   // server cert for "wrong.example" only: hostname verification must refuse it
 * TestCertificates.PASSWORD // password of every store and key ("changeit")
 * pki.caPem(), pki.serverCertPem(), pki.serverKeyPem()   // PEM files, e.g. for Mosquitto
 * }</pre>
 * {@link EmbeddedHiveMq} uses these stores for its TLS listeners. Keys are EC P-256 (fast to make).
 */
public final class TestCertificates {

    /** Password of every store and private key. */
    public static final String PASSWORD = "changeit";

    private static TestCertificates instance;

    private final Path folder;
    private final Path trustStore;
    private final Path serverKeyStore;
    private final Path wrongHostKeyStore;
    private final Path clientKeyStore;
    private final Path caPem;
    private final Path serverCertPem;
    private final Path serverKeyPem;
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis());

    /** The PKI of this JVM, generated on first call. */
    public static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                instance = new TestCertificates(Files.createTempDirectory("scada-test-pki-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
                throw new IllegalStateException("cannot generate test certificates", e);
            }
        }
        return instance;
    }

    private TestCertificates(Path folder) throws IOException, GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException {
        this.folder = folder;
        folder.toFile().deleteOnExit();
        KeyPair caKeys = newKeyPair();
        X509Certificate ca = caCertificate(caKeys);
        KeyPair serverKeys = newKeyPair();
        X509Certificate server = leaf("CN=localhost", serverKeys, caKeys, ca, true,
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        KeyPair wrongKeys = newKeyPair();
        X509Certificate wrong = leaf("CN=wrong.example", wrongKeys, caKeys, ca, true,
                new GeneralName(GeneralName.dNSName, "wrong.example"));
        KeyPair clientKeys = newKeyPair();
        X509Certificate client = leaf("CN=scada-test-client", clientKeys, caKeys, ca, false);

        trustStore = folder.resolve("ca-trust.p12");
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", ca);
        store(ts, trustStore);
        serverKeyStore = keyStore("server.p12", serverKeys.getPrivate(), server, ca);
        wrongHostKeyStore = keyStore("wrong-host.p12", wrongKeys.getPrivate(), wrong, ca);
        clientKeyStore = keyStore("client.p12", clientKeys.getPrivate(), client, ca);
        caPem = pem("ca.pem", "CERTIFICATE", ca.getEncoded());
        serverCertPem = pem("server.pem", "CERTIFICATE", server.getEncoded());
        serverKeyPem = pem("server-key.pem", "PRIVATE KEY", serverKeys.getPrivate().getEncoded());
    }

    public Path folder() {
        return folder;
    }

    /** PKCS12 trust store holding the CA certificate (alias "ca"). */
    public Path trustStore() {
        return trustStore;
    }

    /** PKCS12 key store: server certificate for localhost / 127.0.0.1, signed by the CA. */
    public Path serverKeyStore() {
        return serverKeyStore;
    }

    /** PKCS12 key store: server certificate for wrong.example only, signed by the CA. */
    public Path wrongHostKeyStore() {
        return wrongHostKeyStore;
    }

    /** PKCS12 key store: client certificate (CN=scada-test-client), signed by the CA. */
    public Path clientKeyStore() {
        return clientKeyStore;
    }

    public Path caPem() {
        return caPem;
    }

    public Path serverCertPem() {
        return serverCertPem;
    }

    /** PKCS#8 PEM of the server key (unencrypted). */
    public Path serverKeyPem() {
        return serverKeyPem;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private X509Certificate caCertificate(KeyPair keys) throws GeneralSecurityException, IOException,
            org.bouncycastle.operator.OperatorCreationException {
        X500Name name = new X500Name("CN=scada-mqtt test CA");
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(serial.incrementAndGet()),
                notBefore(), notAfter(), name, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return sign(b, keys.getPrivate());
    }

    private X509Certificate leaf(String subject, KeyPair keys, KeyPair caKeys, X509Certificate ca, boolean server,
            GeneralName... names) throws GeneralSecurityException, IOException,
            org.bouncycastle.operator.OperatorCreationException {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                new X500Name(ca.getSubjectX500Principal().getName()), BigInteger.valueOf(serial.incrementAndGet()),
                notBefore(), notAfter(), new X500Name(subject), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        b.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
        if (names.length > 0) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return sign(b, caKeys.getPrivate());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofDays(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(30)));
    }

    private Path keyStore(String file, PrivateKey key, X509Certificate cert, X509Certificate ca)
            throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("key", key, PASSWORD.toCharArray(), new Certificate[] {cert, ca});
        Path p = folder.resolve(file);
        store(ks, p);
        return p;
    }

    private static void store(KeyStore ks, Path p) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(p)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        p.toFile().deleteOnExit();
    }

    private Path pem(String file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Path p = folder.resolve(file);
        Files.writeString(p, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        p.toFile().deleteOnExit();
        return p;
    }

    /** For diagnostics in test output. */
    @Override
    public String toString() {
        return "TestCertificates[" + folder + ", loopback=" + InetAddress.getLoopbackAddress() + "]";
    }
}
