package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.MqttSession;

/**
 * Reply Timeout bounds a partly received packet (D2000: "fails to read a complete message (and only
 * part of it is read)"): a broker that sends the first bytes of a PUBLISH and goes silent gets the
 * connection closed and opened again, with and without Ping Interval. A packet that keeps coming,
 * however slowly, and silence on a packet boundary do not.
 */
@Timeout(60)
class PartialPacketIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final double REPLY = 1;
    /** Check tick (a fifth of Reply Timeout) plus scheduling on a loaded machine. */
    static final double SLACK = 1.5;
    /** PUBLISH QoS 0, topic "t/x", payload "hello": 2 + 2 + 3 + 5 bytes. */
    static final byte[] PUBLISH = {0x30, 0x0A, 0x00, 0x03, 't', '/', 'x', 'h', 'e', 'l', 'l', 'o'};

    private static MqttSession open(String name, FakeBroker broker, String pingInterval, TestLines.Recorder rec) {
        return TestLines.open(name, List.of(broker.uri()), fast(KEEP_ALIVE, "0", PING_INTERVAL, pingInterval,
                REPLY_TIMEOUT, String.valueOf(REPLY), RECONNECT_MIN_DELAY, "0.2", RECONNECT_MAX_DELAY, "0.2"), rec);
    }

    @ParameterizedTest(name = "Ping Interval {0}")
    @ValueSource(strings = {"0", "60"})
    void firstBytesOfAPublishThenSilenceReconnectsAfterReplyTimeout(String pingInterval) throws Exception {
        try (FakeBroker broker = new FakeBroker(out -> out.write(PUBLISH, 0, 4))) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("partial" + pingInterval, broker, pingInterval, rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                LineStatus down = rec.awaitState(LineState.DISCONNECTED, WAIT);
                double took = (System.nanoTime() - broker.scriptStartedNanos) / 1e9;
                assertTrue(down.reason().contains("only part of a packet"), down.reason());
                assertTrue(took >= REPLY - 0.05 && took <= REPLY + SLACK,
                        "partial packet noticed after " + took + " s");
                long end = System.nanoTime() + WAIT.toNanos();
                while (broker.connects() < 2 && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                assertEquals(2, broker.connects(), "the line connects again");
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void aPacketArrivingSlowerThanReplyTimeoutInTotalButNeverStallingIsKept() throws Exception {
        try (FakeBroker broker = new FakeBroker(out -> {
            for (byte b : PUBLISH) {
                // 12 bytes 0.4 s apart: 4.4 s for the packet, never 1 s without a byte
                out.write(b);
                out.flush();
                Thread.sleep(400);
            }
        })) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("trickle", broker, "0", rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                InboundMessage m = rec.next(WAIT);
                assertNotNull(m, "the trickled PUBLISH arrives");
                assertEquals("hello", new String(m.payload(), StandardCharsets.UTF_8));
                Thread.sleep((long) (3 * REPLY * 1000)); // silence on a packet boundary
                assertTrue(rec.statuses.stream().noneMatch(st -> st.state() == LineState.DISCONNECTED),
                        "connection kept: " + rec.statuses);
                assertEquals(1, broker.connects());
            } finally {
                s.stop();
            }
        }
    }
}
