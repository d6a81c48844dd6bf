package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.testsupport.MosquittoBroker;

/**
 * ackOrder against the broker's in-flight window (Mosquitto {@code max_inflight_messages 20}, its
 * default): one QoS 1 message held unacknowledged (a station waiting for its ACK_ID) must not stop
 * delivery with ackOrder STATION, and stalls it at the window with ackOrder LINE until released.
 */
@Timeout(90)
class AckWindowIT {

    static final int WINDOW = 20;
    static final int MESSAGES = 100;
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String HELD = "m0";

    @BeforeAll
    static void mosquitto() {
        MosquittoBroker.assumeAvailable();
    }

    private static MqttSession open(String name, String uri, Map<String, Object> params, TestLines.Recorder rec) {
        return TestLines.open(name, List.of(uri), params, rec);
    }

    /** Receives for {@code time} (or until every message is there), acknowledging all but the held one. */
    private static InboundMessage receive(MqttSession s, TestLines.Recorder rec, Set<String> seen, Duration time,
            InboundMessage held) throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        while (seen.size() < MESSAGES && System.nanoTime() < end) {
            InboundMessage m = rec.next(Duration.ofMillis(50));
            if (m == null) {
                continue;
            }
            assertEquals(1, m.qos());
            String text = new String(m.payload(), StandardCharsets.UTF_8);
            seen.add(text);
            if (text.equals(HELD) && held == null) {
                held = m; // the station holding its message: no acknowledge
            } else {
                m.ack().acknowledge();
            }
        }
        return held;
    }

    private static void publishAll(PahoObserver pub) throws Exception {
        for (int i = 0; i < MESSAGES; i++) {
            pub.publish("win/t", "m" + i, 1);
        }
    }

    @Test
    void stationOrderKeepsDeliveringPastTheWindowWhileOneMessageIsHeld() throws Exception {
        try (MosquittoBroker m = MosquittoBroker.startWithMaxInflight(WINDOW);
                PahoObserver pub = new PahoObserver(m.uri(), "obs-win-station")) {
            var rec = new TestLines.Recorder();
            // ackOrder not given: STATION is the default
            MqttSession s = open("winstation", m.uri(), fast(TOPIC_FILTER, "win/#", SUBSCRIBE_QOS, "1"), rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                publishAll(pub);
                Set<String> seen = new HashSet<>();
                InboundMessage held = receive(s, rec, seen, WAIT, null);
                assertNotNull(held, "message " + HELD + " must arrive");
                assertEquals(MESSAGES, seen.size(), "with ackOrder STATION a held message must not stall delivery "
                        + "beyond the broker's in-flight window of " + WINDOW);
                held.ack().acknowledge();
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void lineOrderStallsAtTheWindowUntilTheHeldMessageIsAcknowledged() throws Exception {
        try (MosquittoBroker m = MosquittoBroker.startWithMaxInflight(WINDOW);
                PahoObserver pub = new PahoObserver(m.uri(), "obs-win-line")) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("winline", m.uri(), fast(TOPIC_FILTER, "win/#", SUBSCRIBE_QOS, "1",
                    ACK_ORDER, ACK_ORDER_LINE), rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                publishAll(pub);
                Set<String> seen = new HashSet<>();
                InboundMessage held = receive(s, rec, seen, Duration.ofSeconds(3), null);
                assertNotNull(held, "message " + HELD + " must arrive");
                assertTrue(seen.size() <= WINDOW, "with ackOrder LINE the acknowledgements wait behind " + HELD
                        + ", so the broker must stop at its window of " + WINDOW + "; arrived: " + seen.size());
                assertTrue(seen.size() >= WINDOW / 2, "the window should fill; arrived: " + seen.size());
                held.ack().acknowledge();
                receive(s, rec, seen, WAIT, held);
                assertEquals(MESSAGES, seen.size(), "after " + HELD + " is acknowledged every message must arrive");
            } finally {
                s.stop();
            }
        }
    }
}
