package org.scadamqtt.mqtt.profiles.wegnology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;

/**
 * Issue 13, WEGnology: writes made within the coalescing window go out as one state message with
 * the latest value of each attribute, and every write completes: OK when its message was
 * published, FAILED with the reason when it was not (publish failed, message over 256 KB).
 */
@Timeout(30)
class StateReporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void await(FakeProfileContext c, int results) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (c.answered().size() < results) {
            assertTrue(System.nanoTime() < end, "only " + c.answered() + " completed");
            Thread.sleep(5);
        }
    }

    @Test
    void writesWithinTheWindowBecomeOneStateMessageAndEachCompletesOk() throws Exception {
        FakeProfileContext c = new FakeProfileContext(null).everyReplyWaits();
        try (StateReporter r = new StateReporter(c, Duration.ofMillis(300), 1)) {
            Instant before = Instant.now();
            String k1 = r.add("wnology/d1/state", "temperature", 20.5);
            String k2 = r.add("wnology/d1/state", "running", true);
            String k3 = r.add("wnology/d1/state", "temperature", 21.5);
            await(c, 3);
            assertEquals(1, c.published().size(), "three writes within the window: one message");
            JsonNode m = JSON.readTree(c.published().get(0).payload());
            assertEquals(21.5, m.at("/data/temperature").doubleValue(), m.toString());
            assertTrue(m.at("/data/running").booleanValue(), m.toString());
            assertEquals(2, m.get("data").size(), m.toString());
            Instant stamped = Instant.parse(m.at("/time/$date").asText());
            assertTrue(!stamped.isBefore(before.minusMillis(1)), m.toString());
            for (String k : List.of(k1, k2, k3)) {
                assertTrue(c.answered().get(k).ok(), k + ": " + c.answered().get(k));
            }
        }
    }

    @Test
    void writesWhoseMessageIsNotSentFailWithTheReason() throws Exception {
        FakeProfileContext c = new FakeProfileContext(null).everyReplyWaits();
        c.refusePublishes("line PLANT is not connected");
        try (StateReporter r = new StateReporter(c, Duration.ZERO, 1)) {
            String k = r.add("wnology/d1/state", "level", 3L);
            await(c, 1);
            WriteResult w = c.answered().get(k);
            assertEquals(WriteFailure.NOT_CONNECTED, w.failure(), w.toString());
            assertTrue(w.message().contains("not published") && w.message().contains("not connected"), w.message());

            c.answered().clear();
            c.refusePublishes(null);
            String big = r.add("wnology/d2/state", "text", "x".repeat(300 * 1024));
            await(c, 1);
            WriteResult tooBig = c.answered().get(big);
            assertEquals(WriteFailure.WRONG_VALUE, tooBig.failure(), tooBig.toString());
            assertTrue(tooBig.message().contains("256 KB") && tooBig.message().contains("nothing was sent"),
                    tooBig.message());
            assertEquals(0, c.published().size());
        }
    }
}
