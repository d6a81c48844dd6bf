package org.scadamqtt.mqtt.profiles.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.StationSignal;
import org.scadamqtt.mqtt.profiles.text.TextProfile;

class JsonCodecTest {

    /** One dynamic test per case of json-payloads.json. */
    @TestFactory
    Stream<DynamicTest> jsonTable() throws IOException {
        JsonNode table;
        try (InputStream in = getClass().getResourceAsStream("/json-payloads.json")) {
            assertNotNull(in, "json-payloads.json is missing");
            table = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : table.get("cases")) {
            byte[] payload = c.has("payloadBase64") ? Base64.getDecoder().decode(c.get("payloadBase64").asText())
                    : c.get("payload").asText().getBytes(StandardCharsets.UTF_8);
            String name = c.has("payload") ? "'" + c.get("payload").asText() + "'" : "base64 " + c.get("payloadBase64").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Decoded result = JsonCodec.INSTANCE.decode(payload);
                if (c.has("error")) {
                    assertTrue(result.failed());
                    assertNull(result.document());
                    String expected = c.get("error").asText();
                    assertTrue(result.error().contains(expected), "'" + result.error() + "' lacks '" + expected + "'");
                    assertFalse(result.error().contains("\n"), "error must be one line: " + result.error());
                } else {
                    assertFalse(result.failed(), () -> "unexpected error: " + result.error());
                    assertEquals(c.get("expect"), result.document());
                }
            }));
        }
        assertTrue(tests.size() >= 20);
        return tests.stream();
    }

    @Test
    void textProfileHasNoDocumentAndNeverFails() {
        ProfileSession text = new TextProfile().open(null);
        for (byte[] payload : new byte[][] {new byte[0], "{bad".getBytes(StandardCharsets.UTF_8), {(byte) 0xff}}) {
            Decoded result = text.decode(new InboundView("t", payload, 0, false, false, java.time.Instant.now()));
            assertNull(result.document());
            assertNull(result.error());
            assertFalse(result.failed());
        }
    }

    @Test
    void nullPayloadIsAnErrorNotAnException() {
        assertTrue(JsonCodec.INSTANCE.decode(null).failed());
    }

    @Test
    void deeplyNestedPayloadIsAnErrorNotAnException() {
        byte[] payload = "[".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        Decoded result = JsonCodec.INSTANCE.decode(payload);
        assertTrue(result.failed());
        assertTrue(result.error().length() < 400, result.error());
    }

    @Test
    void registryFindsTheProfilesByCodeAndAlias() {
        ProfileRegistry r = ProfileRegistry.standard();
        assertSame(r.require("TEXT"), r.require("Text only"));
        assertTrue(r.require("TEXT") instanceof TextProfile);
        assertTrue(r.require("JSON") instanceof JsonProfile);
        assertSame(r.require("JSON"), r.require(" json "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "XML", "JSONX"})
    void registryRejectsUnknownTypes(String type) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileRegistry.standard()
                .require(type));
        assertTrue(e.getMessage().contains("known types are TEXT, JSON"), e.getMessage());
    }

    @Test
    void decodedPayloadValueSemantics() {
        assertEquals(Decoded.of(IntNode.valueOf(1)), new Decoded(IntNode.valueOf(1), null, null,
                StationSignal.none(), null));
        assertEquals(Decoded.failure("x"), new Decoded(null, null, null, StationSignal.none(), "x"));
        assertSame(Decoded.nothing(), Decoded.nothing());
        assertThrows(IllegalArgumentException.class, () -> new Decoded(IntNode.valueOf(1), null, null,
                StationSignal.none(), "x"));
    }
}
