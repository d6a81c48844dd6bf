package org.scadamqtt.mqtt.profiles.wegnology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scadamqtt.mqtt.profile.Decoded;

/** The command cases of src/test/resources/wegnology/commands.json. */
class WegnologyCommandsTest {

    record Case(String name, String payload, JsonNode expect, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        JsonNode all = new ObjectMapper().readTree(WegnologyCommandsTest.class.getResourceAsStream(
                "/wegnology/commands.json"));
        List<Case> out = new ArrayList<>();
        for (JsonNode c : all) {
            out.add(new Case(c.get("name").asText(), c.get("payload").asText(), c.get("expect"),
                    c.has("error") ? c.get("error").asText() : null));
        }
        return out;
    }

    static JsonNode at(JsonNode doc, String path) {
        JsonNode n = doc;
        for (String part : path.split("\\.")) {
            int b = part.indexOf('[');
            n = n.path(b < 0 ? part : part.substring(0, b));
            if (b >= 0) {
                n = n.path(Integer.parseInt(part.substring(b + 1, part.indexOf(']'))));
            }
        }
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commandsDecodeWithTheirTimeAsDateOrFailSayingWhere(Case c) {
        Decoded d = WegnologyCommands.decode(c.payload().getBytes(StandardCharsets.UTF_8));
        if (c.error() != null) {
            assertTrue(d.failed(), c.name());
            assertTrue(d.error().contains(c.error()), d.error());
            return;
        }
        assertFalse(d.failed(), d::error);
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) c.expect()::fields) {
            JsonNode n = at(d.document(), e.getKey());
            assertFalse(n.isMissingNode(), c.name() + ": no " + e.getKey() + " in " + d.document());
            assertEquals(e.getValue().asText(), n.asText(), c.name() + ": " + e.getKey());
        }
    }
}
