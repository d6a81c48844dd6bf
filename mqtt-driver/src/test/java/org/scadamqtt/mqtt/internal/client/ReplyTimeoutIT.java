package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;
import static org.scadamqtt.mqtt.internal.client.TestLines.line;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.TcpProxy;

/**
 * Reply Timeout bounds CONNECT (CONNACK), SUBSCRIBE (SUBACK) and UNSUBSCRIBE (UNSUBACK). The proxy
 * swallows all traffic; Keep Alive and Ping Interval are off, so only the Reply Timeout can notice.
 */
@Timeout(60)
class ReplyTimeoutIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    /** Reply Timeout of these tests, seconds. */
    static final double REPLY = 1;
    /** Allowed lateness: the CONNACK timer adds 0.5 s to Paho's own connect timeout, plus scheduling. */
    static final double SLACK = 1.5;

    private static Map<String, Object> quiet(Object... more) {
        Map<String, Object> m = fast(KEEP_ALIVE, "0", PING_INTERVAL, "0", REPLY_TIMEOUT, String.valueOf(REPLY),
                RECONNECT_MIN_DELAY, "5", RECONNECT_MAX_DELAY, "5");
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    private static MqttSession open(String name, TcpProxy proxy, Map<String, Object> params, TestLines.Recorder rec) {
        return TestLines.open(name, List.of(proxy.uri()), params, rec);
    }

    private static double seconds(long fromNanos) {
        return (System.nanoTime() - fromNanos) / 1e9;
    }

    @Test
    void noConnackWithinReplyTimeoutFailsTheAttempt() throws Exception {
        try (TcpProxy proxy = TcpProxy.start("127.0.0.1", EmbeddedHiveMq.get().tcpPort())) {
            proxy.halfOpen(); // TCP connects, CONNECT is swallowed: no CONNACK ever
            var rec = new TestLines.Recorder();
            long t0 = System.nanoTime();
            MqttSession s = open("noconnack", proxy, quiet(TOPIC_FILTER, "rt/#"), rec);
            try {
                LineStatus down = rec.await(st -> st.state() == LineState.DISCONNECTED
                        && st.reason().contains("cannot connect"), WAIT);
                double took = seconds(t0);
                assertTrue(down.reason().contains("CONNACK") && down.reason().contains("Reply Timeout"),
                        down.reason());
                assertTrue(took <= REPLY + SLACK, "CONNECT abandoned only after " + took + " s");
                assertEquals(0, s.status().counters().connects());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void noSubackWithinReplyTimeoutClosesTheConnection() throws Exception {
        expectLossOnFilterChange("nosuback", List.of("rt/a/#", "rt/b/#"), "SUBACK");
    }

    @Test
    void noUnsubackWithinReplyTimeoutClosesTheConnection() throws Exception {
        expectLossOnFilterChange("nounsuback", List.of("rt/c/#"), "UNSUBACK");
    }

    /** Connected with filter rt/a/#, then the network goes silent and the filters change to {@code next}. */
    private static void expectLossOnFilterChange(String name, List<String> next, String reply) throws Exception {
        try (TcpProxy proxy = TcpProxy.start("127.0.0.1", EmbeddedHiveMq.get().tcpPort())) {
            var rec = new TestLines.Recorder();
            MqttSession s = open(name, proxy, quiet(TOPIC_FILTER, "rt/a/#"), rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                rec.clearStatuses();
                proxy.halfOpen();
                long t0 = System.nanoTime();
                s.reconfigure(line(name, List.of(proxy.uri()), 1883, quiet(TOPIC_FILTER, next)));
                LineStatus down = rec.awaitState(LineState.DISCONNECTED, WAIT);
                double took = seconds(t0);
                assertTrue(down.reason().contains("no " + reply + " within Reply Timeout"), down.reason());
                assertTrue(took <= REPLY + SLACK, reply + " timeout noticed only after " + took + " s");
            } finally {
                s.stop();
            }
        }
    }
}
