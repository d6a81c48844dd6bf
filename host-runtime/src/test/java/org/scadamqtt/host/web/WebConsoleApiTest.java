package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read endpoints: JSON shapes, 404s, static console files. */
class WebConsoleApiTest {

    @RegisterExtension
    final RunningConsole running = new RunningConsole(null);
    private final FakeHostApi host = running.host();
    private final WebConsole console = running.console();
    private final ConsoleHttp http = running.http();

    static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void listsTagsInOrderWithTheContractFields() throws Exception {
        ConsoleHttp.Reply r = http.get("/api/tags");
        assertEquals(200, r.status());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(4, r.json().size());
        JsonNode temp = r.json().get(0);
        assertEquals(List.of("name", "line", "station", "type", "value", "quality", "reason", "detail",
                "sourceTime", "receiveTime", "address", "writable", "updates", "description", "unit", "format",
                "lowLow", "low", "high", "highHigh"), fields(temp));
        assertEquals("temp", temp.get("name").textValue());
        assertEquals("L1", temp.get("line").textValue());
        assertEquals("S1", temp.get("station").textValue());
        assertEquals("Ai", temp.get("type").textValue());
        assertEquals(21.5, temp.get("value").doubleValue());
        assertEquals("GOOD", temp.get("quality").textValue());
        assertEquals("NONE", temp.get("reason").textValue());
        assertEquals("2026-01-31T12:00:00.123Z", temp.get("sourceTime").textValue());
        assertEquals("2026-01-31T12:00:00.128Z", temp.get("receiveTime").textValue());
        assertEquals(false, temp.get("writable").booleanValue());
        JsonNode setpoint = r.json().get(2);
        assertEquals("setpoint", setpoint.get("name").textValue());
        assertTrue(setpoint.get("value").isNull());
        assertEquals("BAD", setpoint.get("quality").textValue());
        assertEquals("NOT_INITIALIZED", setpoint.get("reason").textValue());
        assertEquals(true, setpoint.get("writable").booleanValue());
    }

    @Test
    void getsOneTagAnd404sAnUnknownOneWithJson() throws Exception {
        ConsoleHttp.Reply r = http.get("/api/tags/count");
        assertEquals(200, r.status());
        assertEquals(42, r.json().get("value").longValue());

        ConsoleHttp.Reply missing = http.get("/api/tags/nope");
        assertEquals(404, missing.status());
        assertEquals("FAILED", missing.json().get("result").textValue());
        assertEquals("UNKNOWN_TAG", missing.json().get("reason").textValue());
        assertTrue(missing.json().get("message").textValue().contains("nope"));
    }

    @Test
    void listsStationsWithStateAndReason() throws Exception {
        ConsoleHttp.Reply r = http.get("/api/stations");
        assertEquals(200, r.status());
        assertEquals(2, r.json().size());
        assertEquals(List.of("name", "line", "state", "reason", "details", "actions"), fields(r.json().get(0)));
        assertEquals("StON", r.json().get(0).get("state").textValue());
        assertEquals("StOFF", r.json().get(1).get("state").textValue());
        assertEquals("switched off by the operator", r.json().get(1).get("reason").textValue());
        assertEquals("StOFF", http.get("/api/stations/S2").json().get("state").textValue());
        assertEquals(404, http.get("/api/stations/S9").status());
    }

    @Test
    void aStationShowsItsDriversDiagnosticsWhenTheDriverKeepsThem() throws Exception {
        host.diagnostics.put("S1", new org.scadamqtt.driver.StationDiagnostics(12, 2, 5, 1, 3, 4,
                "payload on topic 'plant/s1' is not valid", FakeHostApi.T0));
        JsonNode s1 = http.get("/api/stations/S1").json();
        assertEquals(List.of("name", "line", "state", "reason", "details", "actions", "diagnostics"), fields(s1));
        JsonNode d = s1.get("diagnostics");
        assertEquals(List.of("messages", "badPayloads", "timeMissing", "dropped", "discarded", "queued", "lastError",
                "lastErrorTime"), fields(d));
        assertEquals(12, d.get("messages").longValue());
        assertEquals(2, d.get("badPayloads").longValue());
        assertEquals(5, d.get("timeMissing").longValue());
        assertEquals("payload on topic 'plant/s1' is not valid", d.get("lastError").textValue());
        assertEquals("2026-01-31T12:00:00.123Z", d.get("lastErrorTime").textValue());
        JsonNode list = http.get("/api/stations").json();
        assertEquals(5, list.get(0).get("diagnostics").get("timeMissing").longValue());
        assertTrue(list.get(1).get("diagnostics") == null, "S2's driver keeps none: " + list.get(1));
    }

    @Test
    void listsLinesWithStatusAndCounters() throws Exception {
        ConsoleHttp.Reply r = http.get("/api/lines");
        assertEquals(200, r.status());
        JsonNode l = r.json().get(0);
        assertEquals(List.of("name", "status", "broker", "reason", "since", "connects", "messagesIn", "messagesOut",
                "bytesIn", "bytesOut", "errors", "unrouted", "badPayloads", "lastError", "lastErrorTime"), fields(l));
        assertEquals("CONNECTED", l.get("status").textValue());
        assertEquals("tcp://127.0.0.1:1883", l.get("broker").textValue());
        assertEquals("2026-01-31T12:00:00.123Z", l.get("since").textValue());
        assertEquals(10, l.get("messagesIn").longValue());
        assertEquals(2, l.get("messagesOut").longValue());
        assertEquals(3, l.get("unrouted").longValue());
        assertEquals("payload of topic plant/x is not JSON", l.get("lastError").textValue());
        assertEquals(200, http.get("/api/lines/L1").status());
        assertEquals(404, http.get("/api/lines/L9").status());
    }

    @Test
    void unknownApiPathsAnswerJson404() throws Exception {
        ConsoleHttp.Reply r = http.get("/api/nothing");
        assertEquals(404, r.status());
        assertEquals("NOT_FOUND", r.json().get("reason").textValue());
    }

    @Test
    void servesTheConsolePage() throws Exception {
        ConsoleHttp.Reply page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<title>scada-mqtt operator console</title>"));
        assertEquals(200, http.get("/console.js").status());
        assertEquals(200, http.get("/write.js").status());
        assertEquals(200, http.get("/console.css").status());
    }

    @Test
    void infoTellsWhetherWritesNeedAToken() throws Exception {
        assertEquals(false, http.get("/api/info").json().get("writeProtected").booleanValue());
    }

    @Test
    void portZeroPicksAFreePortAndStopClosesItAndUnsubscribes() throws Exception {
        int port = console.port();
        assertNotEquals(0, port);
        assertEquals(3, host.listenerCount(), "event hub, metrics, alarms");
        console.stop();
        assertEquals(-1, console.port());
        assertEquals(0, host.listenerCount());
        assertThrows(java.io.IOException.class, () -> new ConsoleHttp(port).get("/api/tags"));
        console.stop(); // twice is fine
    }

    @Test
    void aBusyPortIsNamedInTheError() {
        WebConsole second = new WebConsole(host, "127.0.0.1", console.port(), null);
        IllegalStateException e = assertThrows(IllegalStateException.class, second::start);
        assertTrue(e.getMessage().contains(String.valueOf(console.port())), e.getMessage());
        assertEquals(3, host.listenerCount(), "a failed start leaves no listener behind");
    }
}
