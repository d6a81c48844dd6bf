package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.tag.TagType;

/** GET /api/lines/{name}/discovered: what the line's driver learnt from its devices. */
class WebConsoleDiscoveredTest {

    @RegisterExtension
    final RunningConsole running = new RunningConsole(null);
    private final FakeHostApi host = running.host();
    private final ConsoleHttp http = running.http();

    @Test
    void listsTheDiscoveredPointsOfALine() throws Exception {
        assertEquals(0, http.get("/api/lines/L1/discovered").json().size());
        host.discovered.add(new DiscoveredPoint("Plant1/Press7", "SP=Speed", TagType.Ai, "Sparkplug Double"));
        JsonNode r = http.get("/api/lines/L1/discovered").json();
        assertEquals(1, r.size());
        assertEquals("Plant1/Press7", r.get(0).get("station").textValue());
        assertEquals("SP=Speed", r.get(0).get("address").textValue());
        assertEquals("Ai", r.get(0).get("type").textValue());
        assertEquals("Sparkplug Double", r.get(0).get("note").textValue());
    }

    @Test
    void anUnknownLineIs404() throws Exception {
        ConsoleHttp.Reply r = http.get("/api/lines/L9/discovered");
        assertEquals(404, r.status());
        assertEquals("UNKNOWN_LINE", r.json().get("reason").textValue());
    }
}
