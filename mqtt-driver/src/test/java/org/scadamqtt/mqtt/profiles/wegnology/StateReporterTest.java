package org.scadamqtt.mqtt.profiles.wegnology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;

/**
 * Issue 13, WEGnology: writes made within the coalescing window go out as one state message with
 * the latest value of each attribute, and every write completes: OK when its message was
 * published, FAILED with the reason when it was not (publish failed, message over 256 KB). The
 * state envelope itself, byte for byte, is in src/test/resources/wegnology/state.json.
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

    static Stream<Named<JsonNode>> stateCases() throws IOException {
        try (InputStream in = StateReporterTest.class.getResourceAsStream("/wegnology/state.json")) {
            List<Named<JsonNode>> out = new ArrayList<>();
            JSON.readTree(in).forEach(c -> out.add(Named.of(c.get("name").asText(), c)));
            return out.stream();
        }
    }

    /** state.json: the writes of one window (at a fixed clock) and the message each topic gets, byte for byte. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stateCases")
    void writesBecomeTheStateEnvelopeOfTheDataFile(JsonNode spec) throws Exception {
        Clock clock = Clock.fixed(Instant.parse(spec.get("clock").asText()), ZoneOffset.UTC);
        FakeProfileContext c = new FakeProfileContext(null, clock).everyReplyWaits();
        try (StateReporter r = new StateReporter(c, Duration.ofMillis(200), 1)) {
            List<String> keys = new ArrayList<>();
            for (JsonNode w : spec.get("writes")) {
                keys.add(r.add(w.get("topic").asText(), w.get("attribute").asText(), value(w.get("value"))));
            }
            await(c, keys.size());
            Map<String, String> want = new TreeMap<>();
            spec.get("expect").fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asText()));
            Map<String, String> got = new TreeMap<>();
            c.published().forEach(m -> assertEquals(null, got.put(m.topic(), new String(m.payload(),
                    StandardCharsets.UTF_8)), "one message per topic"));
            assertEquals(want, got);
            keys.forEach(k -> assertTrue(c.answered().get(k).ok(), k + ": " + c.answered().get(k)));
        }
    }

    /** A tag's value as the driver hands it over: whole numbers Long, others Double, Boolean, String. */
    private static Object value(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        return v.isNumber() ? (Object) v.doubleValue() : v.asText();
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
