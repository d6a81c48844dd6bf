package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;
import static org.scadamqtt.mqtt.internal.client.TestLines.line;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.TcpProxy;

/** Clean Session NO keeps outbound QoS 1 state on disk across a reconnect; Clean Session YES keeps none. */
@Timeout(60)
class PersistenceIT {

    static final Duration WAIT = Duration.ofSeconds(10);
    final EmbeddedHiveMq broker = EmbeddedHiveMq.get();

    @Test
    void qos1WriteUnconfirmedAtALossCompletesAfterTheReconnect() throws Exception {
        try (TcpProxy proxy = TcpProxy.start("127.0.0.1", broker.tcpPort());
                PahoObserver obs = new PahoObserver(broker.tcpUri(), "obs-late").subscribe("late/out", 1)) {
            var rec = new TestLines.Recorder();
            MqttSession s = new PahoSessionFactory().open(line("late", List.of(proxy.uri()), 1883,
                    fast(CLEAN_SESSION, "NO", CLIENT_ID, "it-late", TOPIC_FILTER, "late/in", KEEP_ALIVE, "0",
                            PING_INTERVAL, "0", WRITE_TIMEOUT, "30")),
                    TestLines.host(), new LineStatistics(), rec);
            s.start();
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                rec.clearStatuses();
                proxy.halfOpen(); // the PUBLISH leaves, the broker never sees it
                CompletableFuture<Void> f = s.publish("late/out", "late".getBytes(StandardCharsets.UTF_8), 1, false);
                Thread.sleep(300);
                assertFalse(f.isDone(), "no PUBACK can have come");
                proxy.cut(); // connection lost with the message unconfirmed
                rec.awaitState(LineState.DISCONNECTED, WAIT);
                // Paho resends it from the line's persistence folder after the reconnect: a success, not a failure
                f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                PahoObserver.Received r = obs.next(WAIT);
                assertNotNull(r, "the message must reach the broker after the reconnect");
                assertEquals("late", r.payload());
                assertEquals(2, s.status().counters().connects());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void cleanSessionYesKeepsNothingOnDisk() throws Exception {
        var ctx = TestLines.host();
        var rec = new TestLines.Recorder();
        MqttSession s = new PahoSessionFactory().open(line("memonly", List.of(broker.tcpUri()), 1883,
                fast(CLEAN_SESSION, "YES", TOPIC_FILTER, "mem/#")), ctx, new LineStatistics(), rec);
        s.start();
        try {
            rec.awaitState(LineState.CONNECTED, WAIT);
            s.publish("mem/x", new byte[] {1}, 1, false).get(5, TimeUnit.SECONDS);
            try (Stream<java.nio.file.Path> files = Files.list(ctx.dataDirectory())) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.stream().noneMatch(n -> n.startsWith("mqtt-")),
                        "Clean Session YES must use memory persistence, found " + names);
            }
        } finally {
            s.stop();
        }
    }
}
