package org.scadamqtt.mqtt.profiles.wegnology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.ProfileContext;

/**
 * Issue 13, WEGnology: writes made within the coalescing window go out as one state message with
 * the latest value of each attribute, and every write completes: OK when its message was
 * published, FAILED with the reason when it was not (publish failed, message over 256 KB).
 */
@Timeout(30)
class StateReporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Publishes succeed unless {@link #refuse} is set; every completion is kept by key. */
    private static final class Context implements ProfileContext {
        final List<byte[]> published = new CopyOnWriteArrayList<>();
        final Map<String, WriteResult> results = new ConcurrentHashMap<>();
        volatile boolean refuse;

        @Override
        public LineConfig line() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public Duration replyTimeout() {
            return Duration.ofSeconds(20);
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
            if (refuse) {
                return CompletableFuture.failedFuture(new IllegalStateException("line PLANT is not connected"));
            }
            published.add(payload);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean completeReply(String correlation, WriteResult result) {
            results.put(correlation, result);
            return true;
        }

        @Override
        public void count(String counter) {
        }

        @Override
        public List<String> stations() {
            return List.of();
        }
    }

    private static void await(Context c, int results) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (c.results.size() < results) {
            assertTrue(System.nanoTime() < end, "only " + c.results + " completed");
            Thread.sleep(5);
        }
    }

    @Test
    void writesWithinTheWindowBecomeOneStateMessageAndEachCompletesOk() throws Exception {
        Context c = new Context();
        try (StateReporter r = new StateReporter(c, Duration.ofMillis(300), 1)) {
            Instant before = Instant.now();
            String k1 = r.add("wnology/d1/state", "temperature", 20.5);
            String k2 = r.add("wnology/d1/state", "running", true);
            String k3 = r.add("wnology/d1/state", "temperature", 21.5);
            await(c, 3);
            assertEquals(1, c.published.size(), "three writes within the window: one message");
            JsonNode m = JSON.readTree(c.published.get(0));
            assertEquals(21.5, m.at("/data/temperature").doubleValue(), m.toString());
            assertTrue(m.at("/data/running").booleanValue(), m.toString());
            assertEquals(2, m.get("data").size(), m.toString());
            Instant stamped = Instant.parse(m.at("/time/$date").asText());
            assertTrue(!stamped.isBefore(before.minusMillis(1)), m.toString());
            for (String k : List.of(k1, k2, k3)) {
                assertTrue(c.results.get(k).ok(), k + ": " + c.results.get(k));
            }
        }
    }

    @Test
    void writesWhoseMessageIsNotSentFailWithTheReason() throws Exception {
        Context c = new Context();
        c.refuse = true;
        try (StateReporter r = new StateReporter(c, Duration.ZERO, 1)) {
            String k = r.add("wnology/d1/state", "level", 3L);
            await(c, 1);
            WriteResult w = c.results.get(k);
            assertEquals(WriteFailure.NOT_CONNECTED, w.failure(), w.toString());
            assertTrue(w.message().contains("not published") && w.message().contains("not connected"), w.message());

            c.results.clear();
            c.refuse = false;
            String big = r.add("wnology/d2/state", "text", "x".repeat(300 * 1024));
            await(c, 1);
            WriteResult tooBig = c.results.get(big);
            assertEquals(WriteFailure.WRONG_VALUE, tooBig.failure(), tooBig.toString());
            assertTrue(tooBig.message().contains("256 KB") && tooBig.message().contains("nothing was sent"),
                    tooBig.message());
            assertEquals(0, c.published.size());
        }
    }
}
