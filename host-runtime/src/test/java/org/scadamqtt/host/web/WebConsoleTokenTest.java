package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a write token, POSTs need it; GETs stay open. */
class WebConsoleTokenTest {

    @RegisterExtension
    final RunningConsole running = new RunningConsole("s3cret");
    private final FakeHostApi host = running.host();
    private final ConsoleHttp http = running.http();

    @Test
    void postsWithoutOrWithAWrongTokenAre401AndNeverReachTheHost() throws Exception {
        ConsoleHttp.Reply none = http.post("/api/tags/setpoint", "{\"value\": 1}");
        assertEquals(401, none.status());
        assertEquals("UNAUTHORIZED", none.json().get("reason").textValue());
        assertTrue(none.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, http.post("/api/tags/setpoint", "{\"value\": 1}", "application/json", "Bearer wrong").status());
        assertEquals(401, http.post("/api/tags/setpoint", "{\"value\": 1}", "application/json", "s3cret").status());
        assertEquals(401, http.post("/api/stations/S1", "{\"state\": \"StOFF\"}").status());
        assertEquals(0, host.writes.size());
        assertEquals(0, host.controls.size());
    }

    @Test
    void theRightTokenWrites() throws Exception {
        assertEquals(200, http.post("/api/tags/setpoint", "{\"value\": 1}", "application/json", "Bearer s3cret").status());
        assertEquals(200, http.post("/api/stations/S1", "{\"state\": \"StOFF\"}", "application/json",
                "bearer s3cret").status());
        assertEquals(1, host.writes.size());
        assertEquals(1, host.controls.size());
    }

    @Test
    void readsStayOpen() throws Exception {
        assertEquals(200, http.get("/api/tags").status());
        assertEquals(200, http.get("/api/stations").status());
        assertEquals(200, http.get("/metrics").status());
        assertEquals(true, http.get("/api/info").json().get("writeProtected").booleanValue());
    }
}
