package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.MosquittoBroker;
import org.scadamqtt.testsupport.TcpProxy;

/**
 * Connection loss and recovery, measured. Each test prints its figure ("reconnect after …: 1.3 s")
 * for the operations documentation.
 */
@Timeout(90)
class ReconnectIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    private static MqttSession open(String name, String uri, java.util.Map<String, Object> params,
            TestLines.Recorder rec) {
        return TestLines.open(name, List.of(uri), params, rec);
    }

    private static double seconds(long fromNanos) {
        return Math.round((System.nanoTime() - fromNanos) / 1e7) / 100.0;
    }

    @Test
    void reconnectsAfterTheConnectionIsCut() throws Exception {
        try (TcpProxy proxy = TcpProxy.start("127.0.0.1", EmbeddedHiveMq.get().tcpPort())) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("cut", proxy.uri(), fast(TOPIC_FILTER, "cut/#"), rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                rec.clearStatuses();
                long t0 = System.nanoTime();
                proxy.cut();
                LineStatus down = rec.awaitState(LineState.DISCONNECTED, WAIT);
                double detected = seconds(t0);
                rec.awaitState(LineState.CONNECTED, WAIT);
                double back = seconds(t0);
                System.out.printf("MEASURED: connection cut (TCP close): loss detected after %.2f s, reconnected after "
                        + "%.2f s (reconnectMinDelay 0.2 s)%n", detected, back);
                assertTrue(down.reason().contains("lost"), down.reason());
                assertEquals(2, s.status().counters().connects());
                assertTrue(back < 5, "reconnect took " + back + " s");
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void halfOpenConnectionIsDetectedWithinPingIntervalPlusReplyTimeout() throws Exception {
        try (TcpProxy proxy = TcpProxy.start("127.0.0.1", EmbeddedHiveMq.get().tcpPort())) {
            var rec = new TestLines.Recorder();
            // Keep Alive 0: Paho never pings on its own, only the Ping Interval watchdog can notice
            MqttSession s = open("halfopen", proxy.uri(), fast(TOPIC_FILTER, "halfopen/#", KEEP_ALIVE, "0",
                    PING_INTERVAL, "2", REPLY_TIMEOUT, "2"), rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                Thread.sleep(500);
                rec.clearStatuses();
                long t0 = System.nanoTime();
                proxy.halfOpen();
                LineStatus down = rec.awaitState(LineState.DISCONNECTED, WAIT);
                double detected = seconds(t0);
                proxy.resume();
                long t1 = System.nanoTime();
                rec.awaitState(LineState.CONNECTED, WAIT);
                double back = seconds(t1);
                System.out.printf("MEASURED: half-open connection (traffic swallowed): detected after %.2f s "
                        + "(bound: pingInterval 2 s + replyTimeout 2 s), reconnected %.2f s after the network "
                        + "recovered%n", detected, back);
                assertTrue(down.reason().contains("PINGRESP"), down.reason());
                // the bound holds from the last bytes received, which came before the cut; 0.25 s is
                // for scheduling on a loaded machine (the old fixed tick overshot by up to 0.4 s)
                assertTrue(detected <= 2 + 2 + 0.25, "half-open detected only after " + detected + " s");
            } finally {
                s.stop();
            }
        }
    }

    /** Waits until the line's scheduler holds {@code expected} tasks (a periodic task leaves it while it runs). */
    private static void awaitTasks(PahoSession line, int expected, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (line.scheduledTasks() != expected && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(expected, line.scheduledTasks(), what);
    }

    @Test
    void publishTimesOutWhenTheBrokerNeverConfirms() throws Exception {
        try (TcpProxy proxy = TcpProxy.start("127.0.0.1", EmbeddedHiveMq.get().tcpPort())) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("wtimeout", proxy.uri(), fast(TOPIC_FILTER, "wt/#", WRITE_TIMEOUT, "1"), rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                PahoSession line = (PahoSession) s;
                int base = line.scheduledTasks();
                s.publish("wt/x", new byte[] {0}, 1, false).get(5, java.util.concurrent.TimeUnit.SECONDS);
                awaitTasks(line, base, "a confirmed publish leaves no timer behind");
                proxy.halfOpen();
                long t0 = System.nanoTime();
                var f = s.publish("wt/x", new byte[] {1}, 1, false);
                awaitTasks(line, base + 1, "one deadline timer while the broker has not confirmed");
                var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> f.get(5, java.util.concurrent.TimeUnit.SECONDS));
                double took = seconds(t0);
                var failure = ((org.scadamqtt.mqtt.internal.PublishException) e.getCause()).failure();
                assertEquals(org.scadamqtt.driver.WriteFailure.TIMEOUT, failure);
                assertEquals("the broker did not confirm the message to topic 'wt/x' (QoS 1) within 1 s "
                        + "(line parameter writeTimeout)", e.getCause().getMessage());
                assertTrue(took >= 0.9 && took < 3, "timed out after " + took + " s");
                awaitTasks(line, base, "a timed-out publish leaves no timer behind");
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void reconnectsAfterBrokerKillAndRestart() throws Exception {
        MosquittoBroker.assumeAvailable();
        try (MosquittoBroker m = MosquittoBroker.start(false)) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("kill", m.uri(), fast(TOPIC_FILTER, "kill/#"), rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                rec.clearStatuses();
                long t0 = System.nanoTime();
                m.kill();
                rec.awaitState(LineState.DISCONNECTED, WAIT);
                double detected = seconds(t0);
                m.restart();
                double restarted = seconds(t0);
                rec.awaitState(LineState.CONNECTED, WAIT);
                double back = seconds(t0);
                System.out.printf("MEASURED: Mosquitto killed (SIGKILL): loss detected after %.2f s; broker up again "
                        + "after %.2f s; line reconnected after %.2f s (%.2f s after the broker was back; "
                        + "reconnect delay 0.2..1 s)%n", detected, restarted, back, back - restarted);
                assertTrue(back - restarted < 3, "reconnect took " + (back - restarted) + " s after the restart");
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void keepsTryingWhenTheFirstConnectFails() throws Exception {
        MosquittoBroker.assumeAvailable();
        int port = EmbeddedHiveMq.freePort();
        var rec = new TestLines.Recorder();
        MqttSession s = open("late", "tcp://127.0.0.1:" + port, fast(TOPIC_FILTER, "late/#"), rec);
        try {
            rec.await(st -> st.state() == LineState.DISCONNECTED && st.reason().contains("cannot connect"), WAIT);
            Thread.sleep(1500);
            assertEquals(0, s.status().counters().connects());
            try (MosquittoBroker m = MosquittoBroker.start(false, port)) {
                assertEquals(port, m.port());
                long t0 = System.nanoTime();
                rec.awaitState(LineState.CONNECTED, WAIT);
                System.out.printf("MEASURED: first connect failed, broker started later: connected %.2f s after "
                        + "the broker came up%n", seconds(t0));
                assertEquals(1, s.status().counters().connects());
            }
        } finally {
            s.stop();
        }
    }
}
