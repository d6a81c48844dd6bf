package org.scadamqtt.mqtt.profiles.lorawan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The envelopes under src/test/resources/lorawan and what cases.json expects of each. */
final class LorawanCases {

    record Case(String file, String topic, NetworkServer server, JsonNode spec) {
        @Override
        public String toString() {
            return file + " as " + server;
        }
    }

    private LorawanCases() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = LorawanCases.class.getResourceAsStream("/lorawan/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no test resource lorawan/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> all() {
        try {
            JsonNode root = new ObjectMapper().readTree(bytes("cases.json"));
            List<Case> out = new ArrayList<>();
            root.forEach(c -> out.add(new Case(c.get("file").asText(), c.get("topic").asText(),
                    NetworkServer.valueOf(c.get("server").asText()), c)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every envelope file (the fuzz test's seeds). */
    static List<byte[]> seeds() {
        return all().stream().map(Case::file).distinct().map(LorawanCases::bytes).toList();
    }
}
