package org.scadamqtt.mqtt.internal.codec;

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

class PayloadCodecTest {

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
                DecodedPayload result = JsonCodec.INSTANCE.decode(payload);
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
    void textCodecHasNoDocumentAndNeverFails() {
        for (byte[] payload : new byte[][] {new byte[0], "{bad".getBytes(StandardCharsets.UTF_8), {(byte) 0xff}}) {
            DecodedPayload result = TextCodec.INSTANCE.decode(payload);
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
        DecodedPayload result = JsonCodec.INSTANCE.decode(payload);
        assertTrue(result.failed());
        assertTrue(result.error().length() < 400, result.error());
    }

    @Test
    void factoryChoosesSharedCodecs() {
        assertSame(TextCodec.INSTANCE, PayloadCodecs.forType("TEXT"));
        assertSame(TextCodec.INSTANCE, PayloadCodecs.forType("Text only"));
        assertSame(JsonCodec.INSTANCE, PayloadCodecs.forType("JSON"));
        assertSame(JsonCodec.INSTANCE, PayloadCodecs.forType(" json "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "XML", "JSONX"})
    void factoryRejectsUnknownTypes(String type) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PayloadCodecs.forType(type));
        assertTrue(e.getMessage().contains("use TEXT or JSON"), e.getMessage());
    }

    @Test
    void decodedPayloadValueSemantics() {
        assertEquals(DecodedPayload.of(IntNode.valueOf(1)), new DecodedPayload(IntNode.valueOf(1), null));
        assertEquals(DecodedPayload.failure("x"), new DecodedPayload(null, "x"));
        assertSame(DecodedPayload.noDocument(), DecodedPayload.noDocument());
        assertThrows(IllegalArgumentException.class, () -> new DecodedPayload(IntNode.valueOf(1), "x"));
    }
}
