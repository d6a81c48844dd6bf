package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;
import static org.scadamqtt.mqtt.internal.client.TestLines.open;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.TcpProxy;

/** The host list: the first host that answers, the others first after a loss, back-off between rounds. */
@Timeout(60)
class HostRotationIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    final EmbeddedHiveMq broker = EmbeddedHiveMq.get();

    @Test
    void connectsToTheSecondHostWhenThePrimaryIsDownAtStart() throws Exception {
        String dead = "tcp://127.0.0.1:" + EmbeddedHiveMq.freePort();
        var rec = new TestLines.Recorder();
        // long back-off: only trying the next host within the same round can connect in time
        MqttSession s = open("firstanswers", List.of(dead, broker.tcpUri()),
                fast(TOPIC_FILTER, "rot/#", RECONNECT_MIN_DELAY, "30", RECONNECT_MAX_DELAY, "30"), rec);
        try {
            LineStatus up = rec.awaitState(LineState.CONNECTED, WAIT);
            assertEquals(broker.tcpUri(), up.broker(), "status names the broker that answered");
            assertTrue(rec.statuses.stream().anyMatch(st -> st.state() == LineState.CONNECTING
                    && st.broker().equals(dead)), "the primary is tried first: " + rec.statuses);
        } finally {
            s.stop();
        }
    }

    @Test
    void afterALossTheOtherHostIsTriedFirst() throws Exception {
        try (TcpProxy primary = TcpProxy.start("127.0.0.1", broker.tcpPort())) {
            var rec = new TestLines.Recorder();
            // Reply Timeout 3 s: trying the lost (now silent) primary first would take that long
            MqttSession s = open("rotate", List.of(primary.uri(), broker.tcpUri()),
                    fast(TOPIC_FILTER, "rot/#", REPLY_TIMEOUT, "3", FAIL_BACK, "NO"), rec);
            try {
                assertEquals(primary.uri(), rec.awaitState(LineState.CONNECTED, WAIT).broker());
                rec.clearStatuses();
                long t0 = System.nanoTime();
                primary.cut();
                primary.halfOpen(); // the primary's port still accepts but never answers
                LineStatus up = rec.awaitState(LineState.CONNECTED, WAIT);
                double took = (System.nanoTime() - t0) / 1e9;
                assertEquals(broker.tcpUri(), up.broker());
                assertTrue(took < 2, "after losing the primary the backup must be tried first; connected after "
                        + took + " s: " + rec.statuses);
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void reconnectDelayGrowsFromMinToMax() throws Exception {
        var rec = new TestLines.Recorder();
        MqttSession s = open("growing", List.of("tcp://127.0.0.1:" + EmbeddedHiveMq.freePort()),
                fast(TOPIC_FILTER, "rot/#", RECONNECT_MIN_DELAY, "0.1", RECONNECT_MAX_DELAY, "0.8"), rec);
        try {
            rec.await(st -> delays(rec).size() >= 6, WAIT);
            List<Double> d = delays(rec);
            // 0.1, 0.2, 0.4, 0.8, 0.8 … each ±20 %, never outside [min, max]
            assertTrue(d.get(0) <= 0.12, "first delay is about reconnectMinDelay: " + d);
            assertTrue(d.get(3) >= 0.6, "the delay doubles per failed round: " + d);
            assertTrue(d.stream().allMatch(x -> x >= 0.1 && x <= 0.8), "within min and max: " + d);
        } finally {
            s.stop();
        }
    }

    /** The "next attempt in X s" delays of the statuses so far. */
    private static List<Double> delays(TestLines.Recorder rec) {
        return rec.statuses.stream().map(LineStatus::reason).filter(r -> r.contains("next attempt in "))
                .map(r -> Double.parseDouble(r.substring(r.lastIndexOf("next attempt in ") + 16).replace(" s", "")))
                .toList();
    }
}
