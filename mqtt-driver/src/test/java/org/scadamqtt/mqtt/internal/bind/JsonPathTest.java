package org.scadamqtt.mqtt.internal.bind;

import org.scadamqtt.mqtt.profile.JsonPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class JsonPathTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One dynamic test per case of json-paths.json. */
    @TestFactory
    Stream<DynamicTest> pathTable() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : read("/json-paths.json").get("cases")) {
            String path = c.get("path").asText();
            tests.add(DynamicTest.dynamicTest("JA=" + path, () -> check(path, c)));
        }
        assertTrue(tests.size() > 40);
        return tests.stream();
    }

    private static void check(String path, JsonNode c) {
        if (c.has("error")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonPath.compile(path));
            assertContainsAll(e.getMessage(), c.get("error"));
            return;
        }
        JsonPath compiled = JsonPath.compile(path);
        assertEquals(path, compiled.text());
        JsonNode found = compiled.find(c.get("json"));
        if (c.path("missing").asBoolean(false)) {
            assertNull(found, "JA=" + path + " must be missing");
        } else {
            assertEquals(c.get("expect"), found, "JA=" + path);
        }
    }

    @Test
    void nullRootIsMissing() {
        assertNull(JsonPath.compile("a").find(null));
    }

    @Test
    void equalityFollowsTheText() {
        assertEquals(JsonPath.compile("a[1].b"), JsonPath.compile("a[1].b"));
        assertEquals(JsonPath.compile("a[1].b").hashCode(), JsonPath.compile("a[1].b").hashCode());
        assertNotEquals(JsonPath.compile("a[1].b"), JsonPath.compile("a[2].b"));
        assertEquals("JA=a[1].b", JsonPath.compile("a[1].b").toString());
        assertEquals(3, JsonPath.compile("a[1].b").depth());
    }

    @Test
    void compiledPathIsReusableAcrossDocuments() throws IOException {
        JsonPath path = JsonPath.compile("rx.gwrxf[1].rssi");
        for (int i = 0; i < 100; i++) {
            JsonNode doc = MAPPER.readTree("{\"rx\":{\"gwrxf\":[{\"rssi\":" + -i + "}]}}");
            assertEquals(-i, path.find(doc).intValue());
        }
    }

    /** @param expected one text or an array of texts the message must contain */
    static void assertContainsAll(String message, JsonNode expected) {
        List<String> parts = new ArrayList<>();
        if (expected.isArray()) {
            expected.forEach(p -> parts.add(p.asText()));
        } else {
            parts.add(expected.asText());
        }
        for (String part : parts) {
            assertTrue(message.contains(part), "message '" + message + "' lacks '" + part + "'");
        }
    }

    static JsonNode read(String name) throws IOException {
        try (InputStream in = JsonPathTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource " + name + " is missing");
            }
            return MAPPER.readTree(in);
        }
    }
}
