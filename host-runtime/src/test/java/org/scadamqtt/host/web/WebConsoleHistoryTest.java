package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.host.history.HistoryStore;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/** {@code GET /api/history} and {@code /api/history.csv} over a real history store. */
class WebConsoleHistoryTest {

    private static final Instant T = Instant.parse("2026-02-01T08:00:00Z");

    @RegisterExtension
    final RunningConsole running = new RunningConsole(null);
    private final FakeHostApi host = running.host();
    private final ConsoleHttp http = running.http();
    @TempDir
    Path data;
    private HistoryStore store;

    @BeforeEach
    void recordValues() {
        store = HistoryStore.open(100, line -> Files.createDirectories(data.resolve(line)), host::tags);
        host.subscribe(store);
        host.history = store;
        for (int i = 1; i <= 3; i++) {
            Instant at = T.plusSeconds(i);
            host.setTag("temp", "S1", TagType.Ai, TagValue.good(TagType.Ai, 20.0 + i / 2.0, at, at));
        }
        host.setTag("count", "S1", TagType.Ci, TagValue.good(TagType.Ci, 7L, T.plusSeconds(2), T.plusSeconds(2)));
        host.setTag("count", "S1", TagType.Ci, TagValue.bad(TagType.Ci, Reason.NOT_CONNECTED, "down", T.plusSeconds(4)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<Double> values(JsonNode points) {
        List<Double> out = new ArrayList<>();
        points.forEach(p -> out.add(p.get("value").isNull() ? null : p.get("value").doubleValue()));
        return out;
    }

    @Test
    void answersThePointsOfEachTagAskedFor() throws Exception {
        ConsoleHttp.Reply r = http.get("/api/history?tag=temp&tag=count");
        assertEquals(200, r.status(), r.body());
        assertEquals(2, r.json().size());
        JsonNode temp = r.json().get(0);
        assertEquals(List.of("tag", "type", "unit", "points"), WebConsoleApiTest.fields(temp));
        assertEquals("temp", temp.get("tag").textValue());
        assertEquals("Ai", temp.get("type").textValue());
        assertEquals(List.of(20.5, 21.0, 21.5), values(temp.get("points")));
        JsonNode first = temp.get("points").get(0);
        assertEquals(List.of("time", "value", "quality"), WebConsoleApiTest.fields(first));
        assertEquals("2026-02-01T08:00:01.000Z", first.get("time").textValue());
        assertEquals("GOOD", first.get("quality").textValue());
        JsonNode count = r.json().get(1);
        assertEquals(java.util.Arrays.asList(7.0, null), values(count.get("points")), "no value: null, a gap");
        assertEquals("BAD", count.get("points").get(1).get("quality").textValue());
    }

    @Test
    void fromToAndLastNarrowTheAnswerAndNoTagMeansEveryTagWithAHistory() throws Exception {
        JsonNode r = http.get("/api/history?tag=temp&from=2026-02-01T08:00:02Z&to=2026-02-01T08:00:03Z").json();
        assertEquals(List.of(21.0, 21.5), values(r.get(0).get("points")));
        assertEquals(List.of(21.5), values(http.get("/api/history?tag=temp&last=1").json().get(0).get("points")));
        JsonNode all = http.get("/api/history?last=1").json();
        List<String> tags = new ArrayList<>();
        all.forEach(s -> tags.add(s.get("tag").textValue()));
        assertEquals(List.of("temp", "count", "setpoint"), tags, "numeric tags, not the text tag");
    }

    @Test
    void refusesUnknownTagsTextTagsAndBadParametersWithASentence() throws Exception {
        ConsoleHttp.Reply unknown = http.get("/api/history?tag=temp&tag=nope");
        assertEquals(404, unknown.status());
        assertEquals("UNKNOWN_TAG", unknown.json().get("reason").textValue());
        assertEquals("There is no tag named nope.", unknown.json().get("message").textValue());
        assertEquals(404, http.get("/api/history.csv?tag=nope").status());
        ConsoleHttp.Reply text = http.get("/api/history?tag=text");
        assertEquals(400, text.status());
        assertEquals("NO_HISTORY", text.json().get("reason").textValue());
        ConsoleHttp.Reply time = http.get("/api/history?tag=temp&from=yesterday");
        assertEquals(400, time.status());
        assertTrue(time.json().get("message").textValue().contains("'yesterday'"), time.body());
        assertEquals("BAD_TIME", http.get("/api/history?from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z")
                .json().get("reason").textValue());
        assertEquals("BAD_LAST", http.get("/api/history?last=0").json().get("reason").textValue());
    }

    @Test
    void exportsCsvInTimeOrderWithIsoUtcTimes() throws Exception {
        ConsoleHttp.Reply r = http.get("/api/history.csv?tag=temp&tag=count");
        assertEquals(200, r.status());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(r.raw().headers().firstValue("Content-Disposition").orElse("").contains("history.csv"));
        assertEquals("""
                time,tag,value,quality\r
                2026-02-01T08:00:01.000Z,temp,20.5,GOOD\r
                2026-02-01T08:00:02.000Z,temp,21,GOOD\r
                2026-02-01T08:00:02.000Z,count,7,GOOD\r
                2026-02-01T08:00:03.000Z,temp,21.5,GOOD\r
                2026-02-01T08:00:04.000Z,count,,BAD\r
                """, r.body());
    }
}
