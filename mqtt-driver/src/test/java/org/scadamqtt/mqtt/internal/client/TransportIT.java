package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;
import static org.scadamqtt.mqtt.internal.client.TestLines.line;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.LogCapture;
import org.scadamqtt.testsupport.TestCertificates;

/** TLS (server auth, mutual, hostname verification) and WebSockets against embedded HiveMQ. */
@Timeout(60)
class TransportIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    final EmbeddedHiveMq broker = EmbeddedHiveMq.get();
    final TestCertificates pki = TestCertificates.get();

    private Map<String, Object> tls(Object... more) {
        Map<String, Object> m = fast(TRUST_STORE, pki.trustStore().toString(),
                TRUST_STORE_PASSWORD, TestCertificates.PASSWORD);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    /** Connects, sends one message to itself through the broker, stops; returns the connected status. */
    private LineStatus roundTrip(String name, String uri, Map<String, Object> params) throws Exception {
        params.put(TOPIC_FILTER, "transport/" + name);
        var rec = new TestLines.Recorder();
        MqttSession s = new PahoSessionFactory().open(line(name, List.of(uri), 1883, params), TestLines.host(),
                new LineStatistics(), rec);
        s.start();
        try {
            LineStatus up = rec.awaitState(LineState.CONNECTED, WAIT);
            s.publish("transport/" + name, ("over " + uri).getBytes(StandardCharsets.UTF_8), 1, false).get(5, TimeUnit.SECONDS);
            InboundMessage m = rec.next(WAIT);
            assertNotNull(m, "own message must come back through " + uri);
            assertEquals("over " + uri, new String(m.payload(), StandardCharsets.UTF_8));
            m.ack().acknowledge();
            return up;
        } finally {
            s.stop();
        }
    }

    private LineStatus refused(String name, String uri, Map<String, Object> params) throws Exception {
        var rec = new TestLines.Recorder();
        params.put(RECONNECT_MIN_DELAY, "5");
        params.put(RECONNECT_MAX_DELAY, "5");
        MqttSession s = new PahoSessionFactory().open(line(name, List.of(uri), 1883, params), TestLines.host(),
                new LineStatistics(), rec);
        s.start();
        try {
            LineStatus down = rec.await(st -> st.state() == LineState.DISCONNECTED && !st.reason().isEmpty(), WAIT);
            assertEquals(0, s.status().counters().connects());
            return down;
        } finally {
            s.stop();
        }
    }

    @Test
    void webSocket() throws Exception {
        assertEquals(broker.wsUri(), roundTrip("ws", broker.wsUri(), fast()).broker());
    }

    @Test
    void webSocketWithoutPathUsesSlashMqtt() throws Exception {
        LineStatus up = roundTrip("wsdefault", "ws://127.0.0.1:" + broker.wsPort(), fast());
        assertEquals(broker.wsUri(), up.broker());
    }

    @Test
    void tlsServerAuthentication() throws Exception {
        assertEquals(broker.tlsUri(), roundTrip("tls", broker.tlsUri(), tls()).broker());
    }

    @Test
    void secureWebSocket() throws Exception {
        assertEquals(broker.wssUri(), roundTrip("wss", broker.wssUri(), tls()).broker());
    }

    @Test
    void mutualTls() throws Exception {
        roundTrip("mtls", broker.mtlsUri(), tls(KEY_STORE, pki.clientKeyStore().toString(),
                KEY_STORE_PASSWORD, TestCertificates.PASSWORD));
    }

    @Test
    void mutualTlsWithoutClientCertificateIsRefused() throws Exception {
        LineStatus down = refused("mtlsnokey", broker.mtlsUri(), tls());
        assertTrue(down.reason().contains("cannot connect"), down.reason());
    }

    @Test
    void untrustedServerIsRefused() throws Exception {
        // no trust store: the JVM's CAs do not know the test CA
        LineStatus down = refused("untrusted", broker.tlsUri(), fast());
        assertTrue(down.reason().contains("TLS"), down.reason());
    }

    @Test
    void wrongHostNameIsRefused() throws Exception {
        LineStatus down = refused("wronghost", broker.wrongHostTlsUri(), tls());
        assertTrue(down.reason().contains("TLS"), down.reason());
    }

    @Test
    void wrongHostNameIsAcceptedWithoutHostnameVerification() throws Exception {
        try (LogCapture log = LogCapture.ofLine("nohostcheck")) {
            roundTrip("nohostcheck", broker.wrongHostTlsUri(), tls(HOSTNAME_VERIFICATION, "NO"));
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("connecting to "
                    + broker.wrongHostTlsUri() + " WITHOUT hostname verification")), log.lines().toString());
        }
    }

    @Test
    void tlsVersionsAreApplied() throws Exception {
        roundTrip("tls12", broker.tlsUri(), tls(TLS_VERSIONS, "TLSv1.2"));
        LineStatus down = refused("tls10", broker.tlsUri(), tls(TLS_VERSIONS, "TLSv1"));
        assertTrue(down.reason().contains("cannot connect"), down.reason());
    }

    /**
     * Ping Interval on every transport: the watchdog must see the broker's answers (reads through
     * the TLS and WebSocket layers too), so a healthy idle connection is never declared half-open.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ssl", "ws", "wss"})
    void idleConnectionWithPingIntervalStaysUp(String scheme) throws Exception {
        String uri = switch (scheme) {
            case "tcp" -> broker.tcpUri();
            case "ssl" -> broker.tlsUri();
            case "ws" -> broker.wsUri();
            default -> broker.wssUri();
        };
        Map<String, Object> params = tls(TOPIC_FILTER, "transport/idle", KEEP_ALIVE, "0", PING_INTERVAL, "1",
                REPLY_TIMEOUT, "1");
        var rec = new TestLines.Recorder();
        MqttSession s = new PahoSessionFactory().open(line("idle" + scheme, List.of(uri), 1883, params),
                TestLines.host(), new LineStatistics(), rec);
        s.start();
        try (LogCapture log = LogCapture.ofLine("idle" + scheme)) {
            rec.awaitState(LineState.CONNECTED, WAIT);
            Thread.sleep(3500); // three ping rounds with nothing else arriving
            assertTrue(rec.statuses.stream().noneMatch(st -> st.state() == LineState.DISCONNECTED),
                    "a healthy idle connection was declared dead: " + rec.statuses);
            assertEquals(1, s.status().counters().connects());
            assertTrue(log.any("PINGREQ"), "the watchdog must have pinged: " + log.lines());
        } finally {
            s.stop();
        }
    }
}
