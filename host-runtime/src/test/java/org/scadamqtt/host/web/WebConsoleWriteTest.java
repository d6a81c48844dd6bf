package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;

/** POSTs: writes and their statuses, station control, bad bodies. */
class WebConsoleWriteTest {

    @RegisterExtension
    final RunningConsole running = new RunningConsole(Duration.ofMillis(500), 100);
    private final FakeHostApi host = running.host();
    private final ConsoleHttp http = running.http();

    @Test
    void aCompletedWriteAnswersOkAndPassesTheValueAsJavaType() throws Exception {
        ConsoleHttp.Reply r = http.post("/api/tags/setpoint", "{\"value\": 12.5}");
        assertEquals(200, r.status(), r.body());
        assertEquals("{\"result\":\"OK\"}", r.body());
        assertEquals(12.5, host.writes.get(0)[1]);

        http.post("/api/tags/setpoint", "{\"value\": 7}");
        assertEquals(7L, host.writes.get(1)[1]);
        http.post("/api/tags/setpoint", "{\"value\": \"on\"}");
        assertEquals("on", host.writes.get(2)[1]);
        http.post("/api/tags/setpoint", "{\"value\": true}");
        assertEquals(true, host.writes.get(3)[1]);
        http.post("/api/tags/setpoint", "{\"value\": null}");
        assertEquals(null, host.writes.get(4)[1]);
    }

    @Test
    void theAnswerWaitsForTheWriteToComplete() throws Exception {
        CompletableFuture<WriteResult> pending = new CompletableFuture<>();
        host.onWrite = (t, v) -> pending;
        CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> pending.complete(WriteResult.success()));
        long start = System.nanoTime();
        ConsoleHttp.Reply r = http.post("/api/tags/setpoint", "{\"value\": 1}");
        assertEquals(200, r.status());
        assertTrue(System.nanoTime() - start >= 150_000_000L, "answered before the write completed");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/webconsole/write-failure-status.csv", delimiter = ',')
    void eachWriteFailureHasItsStatus(String failure, int status) throws Exception {
        WriteFailure f = WriteFailure.valueOf(failure);
        host.onWrite = (t, v) -> CompletableFuture.completedFuture(WriteResult.failed(f, "because " + failure));
        ConsoleHttp.Reply r = http.post("/api/tags/setpoint", "{\"value\": 1}");
        assertEquals(status, r.status());
        assertEquals("FAILED", r.json().get("result").textValue());
        assertEquals(failure, r.json().get("reason").textValue());
        assertEquals("because " + failure, r.json().get("message").textValue());
    }

    @Test
    void everyWriteFailureIsInTheStatusTable() throws Exception {
        String csv = new String(getClass().getResourceAsStream("/webconsole/write-failure-status.csv").readAllBytes());
        for (WriteFailure f : WriteFailure.values()) {
            assertTrue(csv.contains("\n" + f.name() + ","), f + " has no documented HTTP status");
            assertTrue(WriteStatus.of(f) != 500, f + " is not mapped");
        }
    }

    @Test
    void aWriteThatNeverCompletesAnswers504AfterTheBound() throws Exception {
        host.onWrite = (t, v) -> new CompletableFuture<>();
        long start = System.nanoTime();
        ConsoleHttp.Reply r = http.post("/api/tags/setpoint", "{\"value\": 1}");
        assertEquals(504, r.status());
        assertEquals("TIMEOUT", r.json().get("reason").textValue());
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void inputTagsRefuseWritesWith409AndUnknownTags404() throws Exception {
        ConsoleHttp.Reply r = http.post("/api/tags/temp", "{\"value\": 1}");
        assertEquals(409, r.status());
        assertEquals("NOT_WRITABLE", r.json().get("reason").textValue());
        assertTrue(r.json().get("message").textValue().contains("temp"));
        ConsoleHttp.Reply u = http.post("/api/tags/ghost", "{\"value\": 1}");
        assertEquals(404, u.status());
        assertEquals("UNKNOWN_TAG", u.json().get("reason").textValue());
    }

    @Test
    void aHostExceptionIsA500WithASentence() throws Exception {
        host.onWrite = (t, v) -> CompletableFuture.failedFuture(new IllegalStateException("tag table closed"));
        ConsoleHttp.Reply r = http.post("/api/tags/setpoint", "{\"value\": 1}");
        assertEquals(500, r.status());
        assertTrue(r.json().get("message").textValue().contains("tag table closed"));
    }

    @Test
    void badBodiesAre400WithASentence() throws Exception {
        ConsoleHttp.Reply broken = http.post("/api/tags/setpoint", "{\"value\": ");
        assertEquals(400, broken.status());
        assertEquals("BAD_REQUEST", broken.json().get("reason").textValue());
        assertTrue(broken.json().get("message").textValue().contains("not valid JSON"));

        ConsoleHttp.Reply noValue = http.post("/api/tags/setpoint", "{\"val\": 1}");
        assertEquals(400, noValue.status());
        assertTrue(noValue.json().get("message").textValue().contains("\"value\""));

        ConsoleHttp.Reply array = http.post("/api/tags/setpoint", "[1]");
        assertEquals(400, array.status());

        ConsoleHttp.Reply object = http.post("/api/tags/setpoint", "{\"value\": {\"a\": 1}}");
        assertEquals(400, object.status());
        assertEquals("WRONG_VALUE", object.json().get("reason").textValue());

        ConsoleHttp.Reply form = http.post("/api/tags/setpoint", "value=1", "application/x-www-form-urlencoded", null);
        assertEquals(415, form.status());
        assertTrue(form.json().get("message").textValue().contains("Content-Type: application/json"));
        assertEquals(0, host.writes.size(), "no bad request may reach the host");
    }

    @Test
    void stationControlSwitchesTheStation() throws Exception {
        ConsoleHttp.Reply r = http.post("/api/stations/S1", "{\"state\": \"StOFF\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals("OK", r.json().get("result").textValue());
        assertEquals(StationControl.OFF, host.controls.get(0)[1]);
        assertEquals("StOFF", http.get("/api/stations/S1").json().get("state").textValue());
        http.post("/api/stations/S1", "{\"state\": \"StSIMUL\"}");
        assertEquals(StationControl.SIMUL, host.controls.get(1)[1]);
        http.post("/api/stations/S1", "{\"state\": \"on\"}");
        assertEquals(StationControl.ON, host.controls.get(2)[1]);
    }

    @Test
    void stationControlRefusesUnknownStationsAndStates() throws Exception {
        ConsoleHttp.Reply unknown = http.post("/api/stations/S9", "{\"state\": \"StOFF\"}");
        assertEquals(404, unknown.status());
        assertEquals("UNKNOWN_STATION", unknown.json().get("reason").textValue());
        ConsoleHttp.Reply bad = http.post("/api/stations/S1", "{\"state\": \"StHARDERR\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().get("message").textValue().contains("StHARDERR"));
        assertEquals(0, host.controls.size());
    }
}
