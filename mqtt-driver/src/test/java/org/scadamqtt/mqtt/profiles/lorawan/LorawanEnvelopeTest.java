package org.scadamqtt.mqtt.profiles.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.JsonPath;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;

/**
 * Each realistic envelope of src/test/resources/lorawan through decode and inspect, checked
 * against cases.json: the normalised fields, the raw payload for BIN=, the routing, the failure
 * sentence.
 */
class LorawanEnvelopeTest {

    static Stream<LorawanCases.Case> cases() {
        return LorawanCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void envelopeDecodesAsExpected(LorawanCases.Case c) {
        FakeProfileContext context = new FakeProfileContext(null);
        LorawanSession session = new LorawanSession(context, new LorawanSettings(c.server(), "", ""));
        InboundView view = new InboundView(c.topic(), LorawanCases.bytes(c.file()), 0, false, false, Instant.EPOCH);
        Decoded d = session.decode(view);
        JsonNode spec = c.spec();
        if (spec.has("error")) {
            assertTrue(d.failed(), "expected a failure, got " + d.document());
            assertTrue(d.error().contains(spec.get("error").asText()), d.error());
        } else {
            assertFalse(d.failed(), () -> d.error());
            spec.path("expect").fields().forEachRemaining(e -> {
                JsonNode found = d.document().at(e.getKey());
                assertFalse(found.isMissingNode(), e.getKey() + " is missing in " + d.document().get("lorawan"));
                if (e.getValue().isNumber()) {
                    assertEquals(e.getValue().doubleValue(), found.doubleValue(), 1e-9, e.getKey());
                } else {
                    assertEquals(e.getValue(), found, e.getKey());
                }
            });
            // "ja": addresses as a tag writes them (arrays counted from 1), read the way the driver reads them
            spec.path("ja").fields().forEachRemaining(e -> {
                JsonNode found = JsonPath.compile(e.getKey()).find(d.document());
                assertNotNull(found, "JA=" + e.getKey() + " finds nothing");
                assertEquals(e.getValue().isNumber() ? e.getValue().asText() : e.getValue(),
                        e.getValue().isNumber() ? found.asText() : found, "JA=" + e.getKey());
            });
            spec.path("absent").forEach(p -> assertTrue(d.document().at(p.asText()).isMissingNode(),
                    p.asText() + " should be absent: " + d.document().at(p.asText())));
            if (spec.has("binary")) {
                assertNotNull(d.binary(), "BIN= must read the application payload, never the JSON text");
                assertEquals(spec.get("binary").asText(), HexFormat.of().formatHex(d.binary()));
            }
            if (spec.has("correlations")) {
                List<String> want = new ArrayList<>();
                spec.get("correlations").forEach(x -> want.add(x.asText()));
                assertTrue(((Envelope) d.body()).correlationIds().containsAll(want),
                        ((Envelope) d.body()).correlationIds().toString());
            }
        }
        Inspection i = session.inspect(view);
        switch (spec.get("route").asText()) {
            case "handled" -> assertTrue(i.consumed());
            case "keys" -> {
                List<String> keys = new ArrayList<>();
                spec.get("keys").forEach(k -> keys.add(k.asText()));
                assertEquals(keys, i.keys());
                assertFalse(i.consumed());
            }
            default -> {
                assertFalse(i.consumed());
                assertTrue(i.keys().isEmpty(), "routed by topic, not to a device's station: " + i.keys());
                assertNotNull(i.decoded(), "decoded once, on the dispatch thread");
            }
        }
    }
}
