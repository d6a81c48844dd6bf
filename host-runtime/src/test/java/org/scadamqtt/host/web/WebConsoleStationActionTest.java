package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scadamqtt.driver.ActionResult;

/** Station details in /api/stations and POST /api/stations/{name}/actions/{action}: token, audit, refusals. */
class WebConsoleStationActionTest {

    private static final String TOKEN = "Bearer s3cret";

    @RegisterExtension
    final RunningConsole running = new RunningConsole("s3cret");
    private final FakeHostApi host = running.host();
    private final ConsoleHttp http = running.http();

    private ConsoleHttp.Reply act(String station, String action, String token) throws Exception {
        return http.post("/api/stations/" + station + "/actions/" + action, "", "application/json", token);
    }

    @Test
    void stationsCarryTheirDriversDetailsAndActions() throws Exception {
        JsonNode stations = http.get("/api/stations").json();
        assertEquals("online", stations.get(0).get("details").get("sparkplug state").textValue());
        assertEquals("rebirth", stations.get(0).get("actions").get(0).textValue());
        assertEquals(0, stations.get(1).get("actions").size(), "S2 offers nothing");
        assertEquals(0, stations.get(1).get("details").size());
        assertEquals("online", http.get("/api/stations/S1").json().get("details").get("sparkplug state").textValue());
    }

    @Test
    void anOfferedActionRunsWithTheTokenAndIsAudited() throws Exception {
        assertEquals(401, act("S1", "rebirth", null).status());
        assertEquals(0, host.actions.size());
        ConsoleHttp.Reply ok = act("S1", "rebirth", TOKEN);
        assertEquals(200, ok.status(), ok.body());
        assertEquals("sent rebirth", ok.json().get("message").textValue());
        assertEquals(1, host.actions.size());
        JsonNode audit = http.get("/api/audit").json().get(0);
        assertEquals("station", audit.get("action").textValue());
        assertEquals("S1", audit.get("target").textValue());
        assertEquals("action rebirth", audit.get("newValue").textValue());
        assertEquals("OK", audit.get("result").textValue());
    }

    @Test
    void unknownStationsUnofferedActionsAndDriverRefusalsAreRefusedAndAudited() throws Exception {
        assertEquals(404, act("NOPE", "rebirth", TOKEN).status());
        ConsoleHttp.Reply unoffered = act("S2", "rebirth", TOKEN);
        assertEquals(409, unoffered.status());
        assertEquals("UNKNOWN_ACTION", unoffered.json().get("reason").textValue());
        assertEquals(409, act("S1", "reboot", TOKEN).status());
        assertEquals(0, host.actions.size(), "nothing unoffered reaches the driver");
        host.onAction = (s, a) -> CompletableFuture.completedFuture(ActionResult.failed("line L1 is not connected"));
        ConsoleHttp.Reply failed = act("S1", "rebirth", TOKEN);
        assertEquals(409, failed.status());
        assertEquals("line L1 is not connected", failed.json().get("message").textValue());
        JsonNode audit = http.get("/api/audit").json();
        assertEquals("FAILED", audit.get(0).get("result").textValue());
        assertTrue(audit.size() >= 4, audit.toString());
    }
}
