package org.scadamqtt.mqtt.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.Acknowledgement;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.station.StationSettings;
import org.scadamqtt.tag.TagValue;

/** Runs every case of src/test/resources/bind-cases/*.json through a TagBinder (see the README there). */
class TagBinderCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> cases() throws Exception {
        Path dir = Path.of(TagBinderCasesTest.class.getResource("/bind-cases/README.md").toURI()).getParent();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode all;
                try (InputStream in = Files.newInputStream(f)) {
                    all = JSON.readTree(in);
                }
                for (JsonNode c : all) {
                    tests.add(DynamicTest.dynamicTest(f.getFileName() + ": " + c.get("name").asText(), () -> run(c)));
                }
            }
        }
        return tests.stream();
    }

    private static Map<String, String> params(JsonNode obj) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        if (obj != null) {
            obj.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        }
        return m;
    }

    private static void run(JsonNode c) throws IOException {
        List<TagConfig> tags = new ArrayList<>();
        c.get("tags").forEach(t -> tags.add(TestConfigs.tag(t.get(0).asText(), t.get(1).asText(), t.get(2).asText())));
        StationConfig st = TestConfigs.station("S", "t", params(c.get("station")), tags.toArray(TagConfig[]::new));
        LineConfig line = TestConfigs.line("L", List.of("localhost"), params(c.get("line")), st);
        StationSettings settings = StationSettings.of(line, st);
        TagBinder binder = TagBinder.create(st, settings.bind(), ValueConverters.forZone(settings.bind().zone()),
                LogThrottle.tenSeconds(Clock.systemUTC()));

        JsonNode m = c.get("message");
        Instant received = m.has("receivedAt") ? Instant.parse(m.get("receivedAt").asText())
                : Instant.parse("2024-01-01T00:00:00Z");
        InboundMessage msg = new InboundMessage(m.get("topic").asText(),
                m.get("payload").asText().getBytes(StandardCharsets.UTF_8), m.get("qos").asInt(), m.get("id").asInt(),
                false, false, received, Acknowledgement.NONE);
        TagBinder.Binding b = binder.bind(msg);

        String name = c.get("name").asText();
        assertEquals(c.path("payloadError").asBoolean(false), b.payloadFailed(), name + ": payload error "
                + b.payloadError());
        JsonNode expect = c.get("expect");
        List<String> expectedTags = new ArrayList<>();
        expect.forEach(e -> expectedTags.add(e.get("tag").asText()));
        assertEquals(expectedTags, b.updates().stream().map(TagUpdate::tag).toList(), name + ": tags in order");
        for (int i = 0; i < expect.size(); i++) {
            JsonNode e = expect.get(i);
            TagValue v = b.updates().get(i).value();
            String what = name + ": tag " + e.get("tag").asText() + " " + v;
            assertEquals(e.get("quality").asText(), v.quality().name(), what);
            if (e.has("reason")) {
                assertEquals(e.get("reason").asText(), v.reason().name(), what);
            }
            if (e.has("value")) {
                assertEquals(e.get("value").asText(), String.valueOf(v.value()), what);
            }
            Instant source = e.has("sourceTime") ? Instant.parse(e.get("sourceTime").asText()) : received;
            assertEquals(source, v.sourceTime(), what + ": source time");
            assertEquals(received, v.receiveTime(), what + ": receive time");
        }
    }
}
