package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;
import static org.scadamqtt.mqtt.internal.client.TestLines.line;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.PublishException;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.LogCapture;
import org.scadamqtt.testsupport.TcpProxy;

/** The session against embedded HiveMQ CE: connect, subscribe, publish, will, sessions, re-subscribe. */
@Timeout(60)
class HiveMqSessionIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    final EmbeddedHiveMq broker = EmbeddedHiveMq.get();

    static MqttSession open(org.scadamqtt.config.LineConfig line, DriverContext ctx, TestLines.Recorder rec,
            LineStatistics stats) {
        MqttSession s = new PahoSessionFactory().open(line, ctx, stats, rec);
        s.start();
        return s;
    }

    @Test
    void connectsSubscribesReceivesPublishesAndCounts() throws Exception {
        var rec = new TestLines.Recorder();
        var stats = new LineStatistics();
        MqttSession s = open(line("basic", List.of("127.0.0.1"), broker.tcpPort(),
                fast(TOPIC_FILTER, List.of("basic/in/#", "basic/other"))), TestLines.host(), rec, stats);
        try (PahoObserver obs = new PahoObserver(broker.tcpUri(), "obs-basic").subscribe("basic/out/#", 2)) {
            LineStatus up = rec.awaitState(LineState.CONNECTED, WAIT);
            assertEquals(broker.tcpUri(), up.broker());
            obs.publish("basic/in/a", "hello", 1);
            InboundMessage m = rec.next(WAIT);
            assertNotNull(m, "message published to a subscribed topic must arrive");
            assertEquals("basic/in/a", m.topic());
            assertEquals("hello", new String(m.payload(), StandardCharsets.UTF_8));
            assertEquals(1, m.qos());
            assertTrue(m.messageId() > 0);
            m.ack().acknowledge();
            for (int qos = 0; qos <= 2; qos++) {
                s.publish("basic/out/q" + qos, ("v" + qos).getBytes(StandardCharsets.UTF_8), qos, false)
                        .get(5, TimeUnit.SECONDS);
                PahoObserver.Received r = obs.next(WAIT);
                assertNotNull(r);
                assertEquals("basic/out/q" + qos, r.topic());
                assertEquals("v" + qos, r.payload());
            }
            var c = s.status().counters();
            assertEquals(1, c.connects());
            assertEquals(1, c.messagesIn());
            assertEquals(3, c.messagesOut());
            assertEquals(5, c.bytesIn());
        } finally {
            s.stop();
        }
    }

    @Test
    void publishFailsAtOnceWhenNotConnected() throws Exception {
        var rec = new TestLines.Recorder();
        // nothing listens on that port: the line never connects
        {
            MqttSession s = open(line("down", List.of("127.0.0.1"), EmbeddedHiveMq.freePort(), fast()), TestLines.host(),
                    rec, new LineStatistics());
            try {
                long t0 = System.nanoTime();
                var f = s.publish("x/y", new byte[] {1}, 1, false);
                ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        () -> f.get(2, TimeUnit.SECONDS));
                assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "must fail at once");
                assertEquals(WriteFailure.NOT_CONNECTED, ((PublishException) e.getCause()).failure());
                LineStatus down = rec.await(st -> st.state() == LineState.DISCONNECTED
                        && st.reason().contains("cannot connect"), WAIT);
                assertTrue(down.reason().contains("next attempt"), down.reason());
                // the first connect failing must not stop the loop (Paho's automatic reconnect would)
                rec.await(st -> rec.statuses.stream().filter(x -> x.state() == LineState.CONNECTING).count() >= 3, WAIT);
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void willIsDeliveredWhenTheConnectionBreaks() throws Exception {
        var rec = new TestLines.Recorder();
        try (TcpProxy proxy = TcpProxy.start("127.0.0.1", broker.tcpPort());
                PahoObserver obs = new PahoObserver(broker.tcpUri(), "obs-will").subscribe("will/line", 1)) {
            MqttSession s = open(line("will", List.of("127.0.0.1"), proxy.port(),
                    fast(WILL_FLAG, "YES", WILL_TOPIC, "will/line", WILL_MESSAGE, "line gone", WILL_QOS, "1",
                            TOPIC_FILTER, "will/unused", RECONNECT_MIN_DELAY, "5", RECONNECT_MAX_DELAY, "5")),
                    TestLines.host(), rec, new LineStatistics());
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                assertNull(obs.next(Duration.ofMillis(300)), "no will while connected");
                proxy.refuse();
                PahoObserver.Received will = obs.next(WAIT);
                assertNotNull(will, "the broker must publish the will after an abrupt loss");
                assertEquals("line gone", will.payload());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void stopSendsDisconnectSoNoWill() throws Exception {
        var rec = new TestLines.Recorder();
        try (PahoObserver obs = new PahoObserver(broker.tcpUri(), "obs-nowill").subscribe("will/clean", 1)) {
            MqttSession s = open(line("nowill", List.of("127.0.0.1"), broker.tcpPort(),
                    fast(WILL_FLAG, "YES", WILL_TOPIC, "will/clean", WILL_MESSAGE, "gone", TOPIC_FILTER, "x/none")),
                    TestLines.host(), rec, new LineStatistics());
            rec.awaitState(LineState.CONNECTED, WAIT);
            s.stop();
            assertNull(obs.next(Duration.ofSeconds(1)), "a clean stop sends DISCONNECT: the broker drops the will");
        }
    }

    @Test
    void cleanSessionNoKeepsUnacknowledgedMessagesAcrossRestart() throws Exception {
        DriverContext ctx = TestLines.host();
        var params = fast(CLEAN_SESSION, "NO", CLIENT_ID, "it-backlog", TOPIC_FILTER, "backlog/#", SUBSCRIBE_QOS, "1");
        var rec1 = new TestLines.Recorder();
        MqttSession s1 = open(line("backlog", List.of("127.0.0.1"), broker.tcpPort(), params), ctx, rec1,
                new LineStatistics());
        try (PahoObserver obs = new PahoObserver(broker.tcpUri(), "obs-backlog")) {
            rec1.awaitState(LineState.CONNECTED, WAIT);
            obs.publish("backlog/1", "first", 1);
            InboundMessage m1 = rec1.next(WAIT);
            assertNotNull(m1);
            // not acknowledged: the host never got it
            s1.stop();
            obs.publish("backlog/2", "while away", 1);

            var rec2 = new TestLines.Recorder();
            MqttSession s2 = open(line("backlog", List.of("127.0.0.1"), broker.tcpPort(), params), ctx, rec2,
                    new LineStatistics());
            try {
                InboundMessage again = rec2.next(WAIT);
                assertNotNull(again, "the unacknowledged message must come again");
                assertEquals("first", new String(again.payload(), StandardCharsets.UTF_8));
                assertTrue(again.duplicate(), "a redelivery carries DUP");
                again.ack().acknowledge(); // HiveMQ sends the queued message after the in-flight one is acknowledged
                InboundMessage queued = rec2.next(WAIT);
                assertNotNull(queued, "the message published while away must be kept by the broker");
                assertEquals("while away", new String(queued.payload(), StandardCharsets.UTF_8));
                queued.ack().acknowledge();
            } finally {
                s2.stop();
            }
        }
    }

    @Test
    void secondLineOnTheSamePersistenceFolderIsRefused() throws Exception {
        DriverContext ctx = TestLines.host();
        var params = fast(CLEAN_SESSION, "NO", TOPIC_FILTER, "lock/#");
        var rec1 = new TestLines.Recorder();
        var rec2 = new TestLines.Recorder();
        MqttSession s1 = open(line("locked", List.of("127.0.0.1"), broker.tcpPort(), params), ctx, rec1,
                new LineStatistics());
        rec1.awaitState(LineState.CONNECTED, WAIT);
        MqttSession s2 = open(line("locked", List.of("127.0.0.1"), broker.tcpPort(), params), ctx, rec2,
                new LineStatistics());
        try {
            LineStatus refused = rec2.await(st -> st.reason().contains("already used"), WAIT);
            assertEquals(LineState.DISCONNECTED, refused.state());
            assertEquals(0, s2.status().counters().connects());
        } finally {
            s1.stop();
            s2.stop();
        }
    }

    @Test
    void topicFilterChangeResubscribesWithoutReconnecting() throws Exception {
        var rec = new TestLines.Recorder();
        var first = line("refilter", List.of("127.0.0.1"), broker.tcpPort(), fast(TOPIC_FILTER, "re/old/#"));
        MqttSession s = open(first, TestLines.host(), rec, new LineStatistics());
        try (PahoObserver obs = new PahoObserver(broker.tcpUri(), "obs-refilter")) {
            rec.awaitState(LineState.CONNECTED, WAIT);
            obs.publish("re/old/1", "a", 1);
            rec.next(WAIT).ack().acknowledge();
            s.reconfigure(line("refilter", List.of("127.0.0.1"), broker.tcpPort(), fast(TOPIC_FILTER, "re/new/#")));
            // wait until the new subscription is active
            long end = System.nanoTime() + WAIT.toNanos();
            InboundMessage m = null;
            while (m == null && System.nanoTime() < end) {
                obs.publish("re/new/1", "b", 1);
                m = rec.next(Duration.ofMillis(300));
            }
            assertNotNull(m, "the new filter must receive");
            assertEquals("re/new/1", m.topic());
            m.ack().acknowledge();
            rec.messages.clear();
            obs.publish("re/old/2", "c", 1);
            InboundMessage stray = rec.next(Duration.ofMillis(700));
            while (stray != null && stray.topic().startsWith("re/new")) {
                stray = rec.next(Duration.ofMillis(300));
            }
            assertNull(stray, "the old filter must be unsubscribed");
            assertEquals(1, s.status().counters().connects(), "a filter change must not reconnect");
        } finally {
            s.stop();
        }
    }

    @Test
    void connectionWantedFalseDisconnectsAndTrueReconnects() throws Exception {
        var rec = new TestLines.Recorder();
        MqttSession s = open(line("wanted", List.of("127.0.0.1"), broker.tcpPort(), fast(TOPIC_FILTER, "wanted/#")),
                TestLines.host(), rec, new LineStatistics());
        try (PahoObserver obs = new PahoObserver(broker.tcpUri(), "obs-wanted")) {
            rec.awaitState(LineState.CONNECTED, WAIT);
            rec.clearStatuses();
            s.setConnectionWanted(false);
            LineStatus down = rec.awaitState(LineState.DISCONNECTED, WAIT);
            assertTrue(down.reason().contains("off or simulated"), down.reason());
            obs.publish("wanted/x", "ignored", 0);
            assertNull(rec.next(Duration.ofMillis(500)), "no messages while not wanted");
            Thread.sleep(1500); // longer than the reconnect delay: it must stay down
            assertEquals(LineState.DISCONNECTED, s.status().state());
            s.setConnectionWanted(true);
            rec.awaitState(LineState.CONNECTED, WAIT);
            assertEquals(2, s.status().counters().connects());
        } finally {
            s.stop();
        }
    }

    /** Two lines with one client id kick each other off, again and again: only then is the clash named. */
    @Test
    void clientIdClashIsNamedInTheReason() throws Exception {
        var rec = new TestLines.Recorder();
        var other = new TestLines.Recorder();
        var params = fast(CLIENT_ID, "it-clash", TOPIC_FILTER, "clash/#", RECONNECT_MIN_DELAY, "0.3",
                RECONNECT_MAX_DELAY, "1");
        try (LogCapture log = LogCapture.ofLine("clash")) {
            MqttSession s = open(line("clash", List.of("127.0.0.1"), broker.tcpPort(), params), TestLines.host(),
                    rec, new LineStatistics());
            MqttSession twin = open(line("clash2", List.of("127.0.0.1"), broker.tcpPort(), params),
                    TestLines.host(), other, new LineStatistics());
            try {
                LineStatus lost = rec.await(st -> st.state() == LineState.DISCONNECTED
                        && st.reason().contains("client id clash"), Duration.ofSeconds(30));
                assertTrue(lost.reason().contains("'it-clash'") && lost.reason().contains("times in a row"),
                        lost.reason());
                assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("'it-clash'")
                        && l.contains("same client id")), "a WARN must name the clashing client id: " + log.lines());
            } finally {
                twin.stop();
                s.stop();
            }
        }
    }

    @Test
    void fullMaxInflightWindowIsRetriedNotRejected() throws Exception {
        var rec = new TestLines.Recorder();
        MqttSession s = open(line("inflight", List.of("127.0.0.1"), broker.tcpPort(),
                fast(TOPIC_FILTER, "inflight/none", MAX_INFLIGHT, "1")), TestLines.host(), rec,
                new LineStatistics());
        try {
            rec.awaitState(LineState.CONNECTED, WAIT);
            List<java.util.concurrent.CompletableFuture<Void>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                all.add(s.publish("inflight/t", ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false));
            }
            // Paho throws 32202 when one message is already unconfirmed; every write must still succeed
            java.util.concurrent.CompletableFuture.allOf(all.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(20, TimeUnit.SECONDS);
            assertEquals(50, s.status().counters().messagesOut());
        } finally {
            s.stop();
        }
    }

    /** Publishes waiting for a free in-flight slot when the line stops complete with STOPPED, not never. */
    @Test
    void stopCompletesPublishesWaitingForAnInflightSlot() throws Exception {
        var rec = new TestLines.Recorder();
        try (TcpProxy proxy = TcpProxy.start("127.0.0.1", broker.tcpPort())) {
            MqttSession s = open(line("inflight-stop", List.of("127.0.0.1"), proxy.port(),
                    fast(TOPIC_FILTER, "inflight/none", MAX_INFLIGHT, "1", WRITE_TIMEOUT, "60", PING_INTERVAL, "0")),
                    TestLines.host(), rec, new LineStatistics());
            List<java.util.concurrent.CompletableFuture<Void>> all = new java.util.ArrayList<>();
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                proxy.halfOpen(); // no PUBACK comes back: the first message holds the only slot
                for (int i = 0; i < 5; i++) {
                    all.add(s.publish("inflight/t", ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false));
                }
                Thread.sleep(300);
                assertTrue(all.stream().noneMatch(java.util.concurrent.CompletableFuture::isDone), all.toString());
            } finally {
                s.stop();
            }
            for (var f : all) {
                var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> f.get(5, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof PublishException, e.toString());
            }
        }
    }

    @Test
    void otherParameterChangeReconnects() throws Exception {
        var rec = new TestLines.Recorder();
        MqttSession s = open(line("reparam", List.of("127.0.0.1"), broker.tcpPort(), fast(TOPIC_FILTER, "rp/#")),
                TestLines.host(), rec, new LineStatistics());
        try {
            rec.awaitState(LineState.CONNECTED, WAIT);
            rec.clearStatuses();
            s.reconfigure(line("reparam", List.of("127.0.0.1"), broker.tcpPort(),
                    fast(TOPIC_FILTER, "rp/#", KEEP_ALIVE, "30")));
            rec.awaitState(LineState.CONNECTED, WAIT);
            assertEquals(2, s.status().counters().connects(), "a keep-alive change reconnects");
        } finally {
            s.stop();
        }
    }

    @Test
    void fullDebugLogsEveryPacketAndMasksThePassword() throws Exception {
        var rec = new TestLines.Recorder();
        try (LogCapture log = LogCapture.ofLine("fulldebug");
                PahoObserver obs = new PahoObserver(broker.tcpUri(), "obs-fd")) {
            MqttSession s = open(line("fulldebug", List.of("127.0.0.1"), broker.tcpPort(),
                    fast(TOPIC_FILTER, "fd/#", USER_NAME, "operator", PASSWORD, "pa55-secret")),
                    TestLines.host(), rec, new LineStatistics());
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                obs.publish("fd/in", "payload-in", 1);
                rec.next(WAIT).ack().acknowledge();
                s.publish("fd/out", "payload-out".getBytes(StandardCharsets.UTF_8), 1, false).get(5, TimeUnit.SECONDS);
            } finally {
                s.stop();
            }
            for (String expected : List.of("CONNECT to", "password=****", "CONNACK", "SUBSCRIBE [fd/#]", "SUBACK",
                    "PUBLISH in: topic=fd/in", "payload-in", "PUBACK sent", "PUBLISH out: topic=fd/out",
                    "PUBACK confirmed", "DISCONNECT sent")) {
                assertTrue(log.any(expected), "missing '" + expected + "' in " + log.lines());
            }
            assertFalse(log.lines().stream().anyMatch(l -> l.contains("pa55-secret")), "password in the log");
        }
    }

    @Test
    void refusedSubscriptionIsALineErrorNamingTheFilter() throws Exception {
        var rec = new TestLines.Recorder();
        String denied = EmbeddedHiveMq.DENIED_PREFIX + "#";
        MqttSession s = open(line("acl", List.of("127.0.0.1"), broker.tcpPort(),
                fast(TOPIC_FILTER, List.of("allowed/#", denied))), TestLines.host(), rec, new LineStatistics());
        try (PahoObserver obs = new PahoObserver(broker.tcpUri(), "obs-acl")) {
            rec.awaitState(LineState.CONNECTED, WAIT);
            var c = s.status().counters();
            assertTrue(c.errors() >= 1, "a refused subscription counts as an error");
            assertTrue(c.lastError().contains("'" + denied + "'") && c.lastError().contains("0x80"), c.lastError());
            obs.publish("allowed/x", "still works", 1);
            InboundMessage in = rec.next(WAIT);
            assertNotNull(in, "the allowed filter keeps working");
            in.ack().acknowledge();
        } finally {
            s.stop();
        }
    }

    @Test
    void badBrokerAddressKeepsTheLineDownWithAReasonUntilFixed() throws Exception {
        var rec = new TestLines.Recorder();
        MqttSession s = open(line("badhost", List.of("http://nowhere"), 1883, fast(TOPIC_FILTER, "bad/#")),
                TestLines.host(), rec, new LineStatistics());
        try {
            LineStatus down = rec.awaitState(LineState.DISCONNECTED, WAIT);
            assertTrue(down.reason().contains("badhost") && down.reason().contains("http://nowhere"), down.reason());
            assertEquals(1, s.status().counters().errors());
            s.reconfigure(line("badhost", List.of("127.0.0.1"), broker.tcpPort(), fast(TOPIC_FILTER, "bad/#")));
            rec.awaitState(LineState.CONNECTED, WAIT);
        } finally {
            s.stop();
        }
    }

    @Test
    void stopLeavesNoThreads() throws Exception {
        var rec = new TestLines.Recorder();
        MqttSession s = open(line("threads", List.of("127.0.0.1"), broker.tcpPort(),
                fast(TOPIC_FILTER, "threads/#", KEEP_ALIVE, "5", PING_INTERVAL, "1")), TestLines.host(), rec,
                new LineStatistics());
        rec.awaitState(LineState.CONNECTED, WAIT);
        assertTrue(threads().stream().anyMatch(n -> n.contains("MQTT")), "Paho threads exist while connected");
        s.stop();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> left = threads();
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            left = threads();
        }
        assertTrue(left.isEmpty(), "threads left after stop(): " + left);
        assertTrue(s.publish("a", new byte[0], 0, false).isCompletedExceptionally(), "publish after stop fails");
    }

    /** Threads of this test's line (Paho names its threads "MQTT ...: <client id>"). */
    private static List<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.contains(LineScheduler.THREAD_PREFIX + "threads") || n.contains("MQTT") && n.contains("threads"))
                .toList();
    }
}
