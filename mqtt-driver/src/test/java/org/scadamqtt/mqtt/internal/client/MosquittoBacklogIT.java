package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.SessionListener;
import org.scadamqtt.testsupport.MosquittoBroker;

/**
 * A QoS 1 backlog queued on Mosquitto while the line was down, Reply Timeout 2 s. Mosquitto sends
 * the whole backlog before it answers the line's SUBSCRIBE, which used to drop the line with "no
 * SUBACK within Reply Timeout" again and again (and deliver messages twice). Now the line connects
 * once and receives every message once. Mosquitto runs with max_inflight_messages 0 (no limit): it
 * then writes the whole backlog ahead of the SUBACK (with a small window the SUBACK comes after
 * the first window, and the old line passed too). 50,000 messages take about 3 s here.
 */
@Timeout(300)
class MosquittoBacklogIT {

    static final int BACKLOG = Integer.getInteger("backlog", 50_000);

    @BeforeAll
    static void mosquitto() {
        MosquittoBroker.assumeAvailable();
    }

    @Test
    void aLargeQueuedBacklogArrivesOnceOverOneConnection() throws Exception {
        try (MosquittoBroker m = MosquittoBroker.startWithMaxInflight(0)) {
            DriverContext context = TestLines.host();
            Map<String, Object> params = fast(CLEAN_SESSION, "NO", CLIENT_ID, "backlog-line", TOPIC_FILTER,
                    "backlog/#", SUBSCRIBE_QOS, "1", REPLY_TIMEOUT, "2", FULL_DEBUG, "NO");

            // the session with its subscription exists on the broker; then the line goes down
            var first = new TestLines.Recorder();
            MqttSession s1 = new PahoSessionFactory().open(TestLines.line("backlog", List.of(m.uri()), 1883, params),
                    context, new LineStatistics(), first);
            s1.start();
            first.awaitState(LineState.CONNECTED, Duration.ofSeconds(15));
            s1.stop();

            long t0 = System.nanoTime();
            publish(m.port(), BACKLOG);
            System.out.printf("backlog: %d QoS 1 messages queued in %.1f s%n", BACKLOG, (System.nanoTime() - t0) / 1e9);

            BitSet seen = new BitSet(BACKLOG);
            AtomicInteger total = new AtomicInteger();
            AtomicInteger duplicates = new AtomicInteger();
            List<LineStatus> statuses = new CopyOnWriteArrayList<>();
            SessionListener listener = new SessionListener() {
                @Override
                public void statusChanged(LineStatus status) {
                    statuses.add(status);
                }

                @Override
                public void messageArrived(InboundMessage msg) {
                    int n = Integer.parseInt(new String(msg.payload(), StandardCharsets.UTF_8));
                    synchronized (seen) {
                        if (seen.get(n)) {
                            duplicates.incrementAndGet();
                        }
                        seen.set(n);
                    }
                    total.incrementAndGet();
                    msg.ack().acknowledge();
                }
            };
            LineStatistics statistics = new LineStatistics();
            MqttSession s2 = new PahoSessionFactory().open(TestLines.line("backlog", List.of(m.uri()), 1883, params),
                    context, statistics, listener);
            long t1 = System.nanoTime();
            long startedAt = System.currentTimeMillis();
            s2.start();
            try {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (total.get() < BACKLOG && System.nanoTime() < end) {
                    Thread.sleep(100);
                }
                double took = (System.nanoTime() - t1) / 1e9;
                System.out.printf("backlog: %d messages received in %.1f s (%.0f/s); CONNECTED (SUBACK) at %s%n",
                        total.get(), took, total.get() / took, statuses.stream()
                                .filter(st -> st.state() == LineState.CONNECTED).map(st -> String.format("%.1f s",
                                        (st.since().toEpochMilli() - startedAt) / 1e3)).toList());
                Thread.sleep(1000); // anything extra (redelivered) would come now
                assertEquals(BACKLOG, seen.cardinality(), "every queued message arrives");
                assertEquals(0, duplicates.get(), "no message twice");
                assertEquals(BACKLOG, total.get());
                List<LineStatus> drops = statuses.stream()
                        .filter(st -> st.state() == LineState.DISCONNECTED).toList();
                assertTrue(drops.isEmpty(), "the line never dropped: " + drops);
                assertEquals(1, s2.status().counters().connects(), "one connection");
                assertEquals(LineState.CONNECTED, s2.status().state());
            } finally {
                s2.stop();
            }
        }
    }

    /** Publishes 0..count-1 as QoS 1 messages on backlog/x with one mosquitto_pub (one message per line). */
    private static void publish(int port, int count) throws Exception {
        Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", "1",
                "-t", "backlog/x", "-l").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < count; i++) {
                sb.append(i).append('\n');
            }
            in.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "mosquitto_pub did not finish");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
