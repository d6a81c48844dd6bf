package org.scadamqtt.mqtt.profiles.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming tree reader builds exactly the tree ObjectMapper.readTree builds, node types included. */
class JsonTreeReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonTreeReader reader = new JsonTreeReader(new JsonFactory());

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"time\":\"2025-03-14 09:26:53.589\",\"seq\":17,\"dev\":{\"id\":\"ex000042\",\"temp\":21.53,\"ok\":true,"
                + "\"mode\":\"AUTO\"},\"vals\":[12.5,13.25,14.75],\"site\":\"pump station north\"}",
        "{\"i\":2147483647,\"l\":2147483648,\"big\":123456789012345678901234567890,\"neg\":-9223372036854775808}",
        "{\"f\":1.0,\"e\":1e3,\"tiny\":4.9e-324,\"huge\":1e400,\"negz\":-0.0}",
        "{\"a\":1,\"b\":2,\"a\":3}",
        "{\"n\":null,\"t\":true,\"f\":false,\"s\":\"\",\"u\":\"\\u010d\\n\"}",
        "[[],{},[[1]],{\"x\":{\"y\":[null]}}]",
        "42", "-7", "\"text\"", "null", "true", "3.5",
        "{\"a\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18],\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,"
                + "\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14}"
    })
    void sameTreeAsReadTree(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = MAPPER.readTree(bytes);
        JsonNode actual = reader.read(bytes);
        assertEquals(expected, actual);
        assertSameNodeTypes(expected, actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} x", "{\"a\":1}{}", "[1,2", "{\"a\":", "{\"a\" 1}", "[1,]x"})
    void rejectsWhatReadTreeWithTrailingTokenCheckRejects(String json) {
        assertThrows(IOException.class, () -> reader.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertSameNodeTypes(JsonNode expected, JsonNode actual) {
        assertEquals(expected.getClass(), actual.getClass(), () -> "node " + expected);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.isArray()) {
                assertSameNodeTypes(expected.get(i), actual.get(i));
            }
        }
        expected.fieldNames().forEachRemaining(n -> assertSameNodeTypes(expected.get(n), actual.get(n)));
    }
}
