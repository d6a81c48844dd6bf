package org.scadamqtt.mqtt.profiles.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.JsonPath;

/**
 * The partial reader answers every path exactly as the whole tree does, and refuses exactly the
 * payloads the whole reader refuses: over the tables' documents, their paths, and random ones.
 */
class JsonPickerTest {

    private static JsonNode table(String name) throws Exception {
        try (InputStream in = JsonPickerTest.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static void same(byte[] payload, List<JsonPath> paths) {
        Decoded full = JsonCodec.INSTANCE.decode(payload);
        Decoded part = JsonCodec.INSTANCE.decoderFor(paths).apply(payload);
        String what = new String(payload, StandardCharsets.UTF_8) + " with " + paths;
        assertEquals(full.failed(), part.failed(), what + ": " + full.error() + " / " + part.error());
        if (full.failed()) {
            assertEquals(full.error(), part.error(), what);
            return;
        }
        for (JsonPath p : paths) {
            assertEquals(p.find(full.document()), p.find(part.document()), what + " at " + p);
        }
    }

    @Test
    void everyPathOfThePathTableFindsTheSame() throws Exception {
        int n = 0;
        for (JsonNode c : table("/json-paths.json").get("cases")) {
            if (c.has("error")) {
                continue;
            }
            byte[] payload = new ObjectMapper().writeValueAsBytes(c.get("json"));
            same(payload, List.of(JsonPath.compile(c.get("path").asText())));
            n++;
        }
        assertTrue(n >= 20, "cases: " + n);
    }

    @Test
    void everyPayloadOfThePayloadTableIsReadOrRefusedTheSame() throws Exception {
        List<JsonPath> paths = List.of(JsonPath.compile("temp"), JsonPath.compile("a[2]"), JsonPath.compile("[1].b"),
                JsonPath.compile("x.y"));
        for (JsonNode c : table("/json-payloads.json").get("cases")) {
            byte[] payload = c.has("payloadBase64") ? Base64.getDecoder().decode(c.get("payloadBase64").asText())
                    : c.get("payload").asText().getBytes(StandardCharsets.UTF_8);
            same(payload, paths);
        }
    }

    @Test
    void randomDocumentsAndPathsAgree() {
        Random r = new Random(20261201);
        for (int i = 0; i < 3000; i++) {
            StringBuilder json = new StringBuilder();
            random(r, json, 0);
            List<JsonPath> paths = new ArrayList<>();
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                paths.add(JsonPath.compile(randomPath(r)));
            }
            byte[] payload = json.toString().getBytes(StandardCharsets.UTF_8);
            same(payload, paths);
            if (payload.length > 2) { // and a broken copy: cut or with a stray character
                byte[] broken = r.nextBoolean() ? java.util.Arrays.copyOf(payload, payload.length - 1 - r.nextInt(2))
                        : (json + (r.nextBoolean() ? " x" : "}")).getBytes(StandardCharsets.UTF_8);
                same(broken, paths);
            }
        }
    }

    private static final String[] NAMES = {"a", "b", "c"};

    private static void random(Random r, StringBuilder sb, int depth) {
        int kind = depth > 3 ? 2 + r.nextInt(3) : r.nextInt(5);
        switch (kind) {
            case 0 -> {
                sb.append('{');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append('"').append(NAMES[r.nextInt(NAMES.length)]).append("\":");
                    random(r, sb, depth + 1);
                }
                sb.append('}');
            }
            case 1 -> {
                sb.append('[');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "");
                    random(r, sb, depth + 1);
                }
                sb.append(']');
            }
            case 2 -> sb.append(r.nextInt(1000) - 500);
            case 3 -> sb.append('"').append(NAMES[r.nextInt(NAMES.length)]).append('"');
            default -> sb.append(r.nextBoolean() ? "null" : "true");
        }
    }

    private static String randomPath(Random r) {
        StringBuilder p = new StringBuilder();
        int steps = 1 + r.nextInt(3);
        for (int i = 0; i < steps; i++) {
            if (r.nextBoolean()) {
                p.append('[').append(1 + r.nextInt(3)).append(']');
            } else {
                p.append(p.length() == 0 ? "" : ".").append(NAMES[r.nextInt(NAMES.length)]);
            }
        }
        return p.toString();
    }
}
