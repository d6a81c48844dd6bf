package org.scadamqtt.testsupport;

import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One embedded HiveMQ CE broker per test JVM, bound to 127.0.0.1 on free ports, in-memory
 * persistence, started on first use and stopped by a JVM shutdown hook.
 *
 * <p>How to use (README):
 * <pre>{@code
 * EmbeddedHiveMq broker = EmbeddedHiveMq.get();   // starts it (about 2 s) the first time
 * broker.tcpUri()        // "tcp://127.0.0.1:PORT"
 * broker.wsUri()         // "ws://127.0.0.1:PORT/mqtt"
 * broker.tlsUri()        // "ssl://localhost:PORT"  server-auth TLS, cert for localhost/127.0.0.1 (TestCertificates)
 * broker.mtlsUri()       // "ssl://localhost:PORT"  TLS that REQUIRES a client certificate signed by the test CA
 * broker.wrongHostTlsUri() // "ssl://localhost:PORT" server cert names wrong.example: hostname verification fails
 * broker.wssUri()        // "wss://localhost:PORT/mqtt"
 * broker.tcpPort() ...   // the ports, for LineConfig(hosts=["127.0.0.1"], port=...)
 * EmbeddedHiveMq.DENIED_PREFIX // "denied/": SUBSCRIBE to such filters gets SUBACK 0x80 (all else allowed)
 * }</pre>
 * Never stop it from a test: other test classes in the same JVM share it. Use a {@link TcpProxy}
 * in front of {@link #tcpPort()} to simulate network failures. Limits are raised for load
 * (server-receive-maximum 65535, max-queue-size 1,000,000) so the broker does not drop under a flood.
 */
public final class EmbeddedHiveMq {

    /** Subscriptions to filters starting with this are refused (SUBACK 0x80). */
    public static final String DENIED_PREFIX = "denied/";

    private static EmbeddedHiveMq instance;

    private final EmbeddedHiveMQ hivemq;
    private final int tcpPort;
    private final int wsPort;
    private final int tlsPort;
    private final int mtlsPort;
    private final int wrongHostTlsPort;
    private final int wssPort;

    /** The broker of this JVM, started on first call. */
    public static synchronized EmbeddedHiveMq get() {
        if (instance == null) {
            instance = new EmbeddedHiveMq();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopQuietly, "embedded-hivemq-stop"));
        }
        return instance;
    }

    private EmbeddedHiveMq() {
        try {
            TestCertificates pki = TestCertificates.get();
            Path home = Files.createTempDirectory("scada-test-hivemq-");
            Path conf = Files.createDirectories(home.resolve("conf"));
            Path data = Files.createDirectories(home.resolve("data"));
            Path extensions = Files.createDirectories(home.resolve("extensions"));
            tcpPort = freePort();
            wsPort = freePort();
            tlsPort = freePort();
            mtlsPort = freePort();
            wrongHostTlsPort = freePort();
            wssPort = freePort();
            Files.writeString(conf.resolve("config.xml"), configXml(pki));
            hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(conf).withDataFolder(data)
                    .withExtensionsFolder(extensions).withEmbeddedExtension(denyExtension()).build();
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded HiveMQ did not start: " + e, e);
        }
    }

    private String configXml(TestCertificates pki) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                    <websocket-listener><port>%d</port><bind-address>127.0.0.1</bind-address><path>/mqtt</path>
                      <subprotocols><subprotocol>mqttv3.1</subprotocol><subprotocol>mqtt</subprotocol></subprotocols>
                    </websocket-listener>
                    <tls-tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address>%s</tls-tcp-listener>
                    <tls-tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address>%s</tls-tcp-listener>
                    <tls-tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address>%s</tls-tcp-listener>
                    <tls-websocket-listener><port>%d</port><bind-address>127.0.0.1</bind-address><path>/mqtt</path>
                      <subprotocols><subprotocol>mqttv3.1</subprotocol><subprotocol>mqtt</subprotocol></subprotocols>
                      %s</tls-websocket-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
                    <receive-maximum><server-receive-maximum>65535</server-receive-maximum></receive-maximum>
                  </mqtt>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                  <persistence><mode>in-memory</mode></persistence>
                </hivemq>
                """.formatted(tcpPort, wsPort,
                tlsPort, tls(pki.serverKeyStore(), pki, "NONE"),
                mtlsPort, tls(pki.serverKeyStore(), pki, "REQUIRED"),
                wrongHostTlsPort, tls(pki.wrongHostKeyStore(), pki, "NONE"),
                wssPort, tls(pki.serverKeyStore(), pki, "NONE"));
    }

    private static String tls(Path keyStore, TestCertificates pki, String clientAuth) {
        return """
                <tls>
                  <keystore><path>%s</path><password>%s</password><private-key-password>%s</private-key-password></keystore>
                  <truststore><path>%s</path><password>%s</password></truststore>
                  <client-authentication-mode>%s</client-authentication-mode>
                </tls>""".formatted(keyStore.toAbsolutePath(), TestCertificates.PASSWORD, TestCertificates.PASSWORD,
                pki.trustStore().toAbsolutePath(), TestCertificates.PASSWORD, clientAuth);
    }

    /**
     * Refuses subscriptions to filters starting with {@value #DENIED_PREFIX} (SUBACK 0x80 for MQTT
     * 3.1.1), so tests can see how a client reports a refused subscription. Everything else is allowed.
     */
    private static com.hivemq.embedded.EmbeddedExtension denyExtension() {
        SubscriptionAuthorizer authorizer = (in, out) -> {
            if (in.getSubscription().getTopicFilter().startsWith(DENIED_PREFIX)) {
                out.failAuthorization();
            } else {
                out.authorizeSuccessfully();
            }
        };
        return com.hivemq.embedded.EmbeddedExtension.builder().withId("scada-test-deny").withName("scada test deny")
                .withVersion("1").withAuthor("scada-mqtt tests").withPriority(0).withStartPriority(1000)
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
                        Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
                    }
                }).build();
    }

    /** A port free at the moment of the call on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stopQuietly() {
        try {
            hivemq.stop().get(10, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            // JVM is exiting; nothing useful to do
        }
    }

    public int tcpPort() {
        return tcpPort;
    }

    public int wsPort() {
        return wsPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int mtlsPort() {
        return mtlsPort;
    }

    public int wrongHostTlsPort() {
        return wrongHostTlsPort;
    }

    public int wssPort() {
        return wssPort;
    }

    public String tcpUri() {
        return "tcp://127.0.0.1:" + tcpPort;
    }

    public String wsUri() {
        return "ws://127.0.0.1:" + wsPort + "/mqtt";
    }

    public String tlsUri() {
        return "ssl://localhost:" + tlsPort;
    }

    public String mtlsUri() {
        return "ssl://localhost:" + mtlsPort;
    }

    public String wrongHostTlsUri() {
        return "ssl://localhost:" + wrongHostTlsPort;
    }

    public String wssUri() {
        return "wss://localhost:" + wssPort + "/mqtt";
    }
}
