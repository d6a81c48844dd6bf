package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.TestCertificates;

/** The line's sockets: TCP_NODELAY on, input buffered, reads reported to the ping watchdog. */
@Timeout(30)
class SocketFactoryIT {

    @Test
    void plainSocketHasNoDelayAndABufferedTrackedInput() throws Exception {
        InboundActivity activity = new InboundActivity();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket s = new NoDelaySocketFactory(activity).createSocket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
            assertTrue(s.getTcpNoDelay(), "TCP_NODELAY must be on");
            InputStream in = s.getInputStream();
            assertInstanceOf(BufferedInputStream.class, in);
            assertSame(in, s.getInputStream(), "one buffer per socket");
            long before = activity.lastReadNanos();
            try (Socket peer = server.accept()) {
                Thread.sleep(5);
                peer.getOutputStream().write(new byte[] {1, 2, 3});
                peer.getOutputStream().flush();
                assertEquals(1, in.read());
                assertTrue(activity.lastReadNanos() > before, "a read must count as broker activity");
                assertEquals(2, in.available(), "the rest came in the same read");
            }
        }
    }

    @Test
    void tlsSocketIsAnSslSocketWithNoDelayAndBufferedInput() throws Exception {
        EmbeddedHiveMq broker = EmbeddedHiveMq.get();
        TestCertificates pki = TestCertificates.get();
        SessionSettings settings = SessionSettings.of(TestLines.line("tlsf", List.of(broker.tlsUri()), 1883,
                Map.of(MqttParameters.TRUST_STORE, pki.trustStore().toString(),
                        MqttParameters.TRUST_STORE_PASSWORD, TestCertificates.PASSWORD)), "h");
        NoDelaySslSocketFactory f = new NoDelaySslSocketFactory(TlsFactories.create(settings.tls()), null);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", broker.tlsPort()), 2000);
            try (Socket s = f.createSocket(plain, "localhost", broker.tlsPort(), true)) {
                SSLSocket ssl = assertInstanceOf(SSLSocket.class, s, "Paho casts to SSLSocket");
                ssl.startHandshake();
                assertTrue(ssl.getTcpNoDelay());
                assertInstanceOf(BufferedInputStream.class, ssl.getInputStream());
                assertTrue(ssl.getSession().getProtocol().startsWith("TLSv1."), ssl.getSession().getProtocol());
            }
        }
    }
}
