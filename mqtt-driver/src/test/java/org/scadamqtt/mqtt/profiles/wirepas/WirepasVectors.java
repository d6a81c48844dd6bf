package org.scadamqtt.mqtt.profiles.wirepas;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public Wirepas test vectors (src/test/resources/wirepas/vectors.tsv). */
final class WirepasVectors {

    /** One vector: name, bytes and the fields it decodes to. */
    record Vector(String name, byte[] bytes, Map<String, String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    private WirepasVectors() {
    }

    static List<Vector> all() {
        List<Vector> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                WirepasVectors.class.getResourceAsStream("/wirepas/vectors.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                Map<String, String> fields = new LinkedHashMap<>();
                for (String f : cols[2].split(" ; ")) {
                    int eq = f.indexOf('=');
                    fields.put(f.substring(0, eq).strip(), f.substring(eq + 1).strip());
                }
                out.add(new Vector(cols[0], HexFormat.of().parseHex(cols[1]), fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Vector named(String name) {
        return all().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    /** The node at a dotted path (names and [index]), MissingNode when absent. */
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
}
