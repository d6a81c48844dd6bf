package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;
import static org.scadamqtt.mqtt.internal.client.TestLines.open;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.testsupport.MosquittoBroker;

/** Interoperability with Mosquitto: basics, shared subscriptions, fail-over and fail-back. */
@Timeout(90)
class MosquittoIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    @BeforeAll
    static void mosquitto() {
        MosquittoBroker.assumeAvailable();
    }

    @Test
    void interopBasics() throws Exception {
        try (MosquittoBroker m = MosquittoBroker.start(false);
                PahoObserver obs = new PahoObserver(m.uri(), "obs-mosq").subscribe("mq/out/#", 2)) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("mosq", List.of(m.uri()), fast(TOPIC_FILTER, "mq/in/#", SUBSCRIBE_QOS, "2"), rec);
            try {
                assertEquals(m.uri(), rec.awaitState(LineState.CONNECTED, WAIT).broker());
                for (int qos = 0; qos <= 2; qos++) {
                    obs.publish("mq/in/" + qos, "in" + qos, qos);
                    InboundMessage in = rec.next(WAIT);
                    assertNotNull(in);
                    assertEquals(qos, in.qos());
                    assertEquals("in" + qos, new String(in.payload(), StandardCharsets.UTF_8));
                    in.ack().acknowledge();
                    s.publish("mq/out/" + qos, ("out" + qos).getBytes(StandardCharsets.UTF_8), qos, qos == 2)
                            .get(5, TimeUnit.SECONDS);
                    PahoObserver.Received out = obs.next(WAIT);
                    assertNotNull(out);
                    assertEquals("out" + qos, out.payload());
                    assertEquals(qos, out.qos());
                }
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void sharedSubscriptionSplitsMessagesWithoutLossOrDuplicates() throws Exception {
        int n = 300;
        try (MosquittoBroker m = MosquittoBroker.start(false);
                PahoObserver pub = new PahoObserver(m.uri(), "obs-share")) {
            var recA = new TestLines.Recorder();
            var recB = new TestLines.Recorder();
            var p = fast(TOPIC_FILTER, "$share/plant/share/#", SUBSCRIBE_QOS, "1");
            MqttSession a = open("shareA", List.of(m.uri()), p, recA);
            MqttSession b = open("shareB", List.of(m.uri()), p, recB);
            try {
                recA.awaitState(LineState.CONNECTED, WAIT);
                recB.awaitState(LineState.CONNECTED, WAIT);
                for (int i = 0; i < n; i++) {
                    pub.publish("share/t", "m" + i, 1);
                }
                Set<String> seen = new HashSet<>();
                int countA = drain(a, recA, seen);
                int countB = drain(b, recB, seen);
                long end = System.nanoTime() + WAIT.toNanos();
                while (countA + countB < n && System.nanoTime() < end) {
                    countA += drain(a, recA, seen);
                    countB += drain(b, recB, seen);
                    Thread.sleep(50);
                }
                System.out.printf("MEASURED: shared subscription $share/plant/share/#: %d messages split %d / %d%n",
                        n, countA, countB);
                assertEquals(n, countA + countB, "every message exactly once across the group");
                assertEquals(n, seen.size(), "no duplicates");
                assertTrue(countA > 0 && countB > 0, "both members get messages: " + countA + " / " + countB);
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private static int drain(MqttSession s, TestLines.Recorder rec, Set<String> seen) {
        int count = 0;
        InboundMessage msg;
        while ((msg = rec.messages.poll()) != null) {
            String text = new String(msg.payload(), StandardCharsets.UTF_8);
            if (!seen.add(text)) {
                throw new AssertionError("duplicate " + text);
            }
            msg.ack().acknowledge();
            count++;
        }
        return count;
    }

    @Test
    void failsOverToTheBackupAndBackToThePrimary() throws Exception {
        try (MosquittoBroker primary = MosquittoBroker.start(false);
                MosquittoBroker backup = MosquittoBroker.start(false)) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("failover", List.of(primary.uri(), backup.uri()),
                    fast(TOPIC_FILTER, "fo/#", FAIL_BACK, "YES", RECONNECT_MAX_DELAY, "1"), rec);
            try {
                assertEquals(primary.uri(), rec.awaitState(LineState.CONNECTED, WAIT).broker());
                rec.clearStatuses();
                long t0 = System.nanoTime();
                primary.kill();
                LineStatus onBackup = rec.awaitState(LineState.CONNECTED, WAIT);
                double failover = (System.nanoTime() - t0) / 1e9;
                assertEquals(backup.uri(), onBackup.broker(), "status names the backup broker");
                try (PahoObserver obs = new PahoObserver(backup.uri(), "obs-fo")) {
                    obs.publish("fo/x", "via backup", 1);
                    InboundMessage m = rec.next(WAIT);
                    assertNotNull(m, "subscribed again on the backup");
                    m.ack().acknowledge();
                }
                rec.clearStatuses();
                long t1 = System.nanoTime();
                primary.restart();
                LineStatus back = rec.await(st -> st.state() == LineState.CONNECTED
                        && st.broker().equals(primary.uri()), WAIT);
                double failBack = (System.nanoTime() - t1) / 1e9;
                System.out.printf("MEASURED: fail-over to the backup after primary kill: %.2f s; fail-back to the "
                        + "primary %.2f s after it restarted (probe every reconnectMaxDelay = 1 s)%n", failover, failBack);
                assertEquals(primary.uri(), back.broker());
                assertTrue(backup.isRunning());
                assertEquals(3, s.status().counters().connects());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void failBackNoStaysOnTheBackup() throws Exception {
        try (MosquittoBroker primary = MosquittoBroker.start(false);
                MosquittoBroker backup = MosquittoBroker.start(false)) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("nofailback", List.of(primary.uri(), backup.uri()),
                    fast(TOPIC_FILTER, "nfb/#", FAIL_BACK, "NO", RECONNECT_MAX_DELAY, "1"), rec);
            try {
                assertEquals(primary.uri(), rec.awaitState(LineState.CONNECTED, WAIT).broker());
                rec.clearStatuses();
                primary.kill();
                assertEquals(backup.uri(), rec.awaitState(LineState.CONNECTED, WAIT).broker());
                primary.restart();
                Thread.sleep(3000); // three fail-back probe periods (reconnectMaxDelay 1 s) with Fail Back YES
                assertEquals(LineState.CONNECTED, s.status().state());
                assertEquals(backup.uri(), s.status().broker(), "failBack NO: stay on the backup");
                assertEquals(2, s.status().counters().connects());
            } finally {
                s.stop();
            }
        }
    }
}
