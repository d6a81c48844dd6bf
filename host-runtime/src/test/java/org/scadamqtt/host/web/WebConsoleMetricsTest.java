package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scadamqtt.driver.LineCounters;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationDiagnostics;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/** GET /metrics: Prometheus text built from the host's counters and the console's own. */
class WebConsoleMetricsTest {

    @RegisterExtension
    final RunningConsole running = new RunningConsole(null);
    private final FakeHostApi host = running.host();
    private final ConsoleHttp http = running.http();

    private double value(String metrics, String series) {
        return Double.parseDouble(metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + metrics))
                .substring(series.length() + 1).trim());
    }

    @Test
    void lineCountersAreReadFreshFromTheHost() throws Exception {
        ConsoleHttp.Reply r = http.get("/metrics");
        assertEquals(200, r.status());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(10, value(r.body(), "scada_line_messages_in_total{line=\"L1\"}"));
        assertEquals(2, value(r.body(), "scada_line_messages_out_total{line=\"L1\"}"));
        assertEquals(3, value(r.body(), "scada_line_unrouted_total{line=\"L1\"}"));
        assertEquals(1, value(r.body(), "scada_line_connected{line=\"L1\"}"));

        host.setLine(new LineStatus("L1", LineState.DISCONNECTED, "", "gone", Instant.now(),
                new LineCounters(1, 99, 2, 0, 0, 5, 3, 1, "gone", Instant.now())));
        String after = http.get("/metrics").body();
        assertEquals(99, value(after, "scada_line_messages_in_total{line=\"L1\"}"));
        assertEquals(5, value(after, "scada_line_errors_total{line=\"L1\"}"));
        assertEquals(0, value(after, "scada_line_connected{line=\"L1\"}"));
    }

    @Test
    void stationDiagnosticsAreReadFreshFromTheHost() throws Exception {
        String none = http.get("/metrics").body();
        assertTrue(!none.contains("scada_station_messages_total"), "no driver keeps diagnostics yet:\n" + none);

        host.diagnostics.put("S1", new StationDiagnostics(12, 2, 5, 1, 3, 4, "payload is not JSON", Instant.now()));
        String m = http.get("/metrics").body();
        assertEquals(12, value(m, "scada_station_messages_total{line=\"L1\",station=\"S1\"}"));
        assertEquals(2, value(m, "scada_station_bad_payloads_total{line=\"L1\",station=\"S1\"}"));
        assertEquals(5, value(m, "scada_station_time_missing_total{line=\"L1\",station=\"S1\"}"));
        assertEquals(1, value(m, "scada_station_dropped_total{line=\"L1\",station=\"S1\"}"));
        assertEquals(3, value(m, "scada_station_discarded_total{line=\"L1\",station=\"S1\"}"));
        assertEquals(4, value(m, "scada_station_queued{line=\"L1\",station=\"S1\"}"));
        assertTrue(!m.contains("station=\"S2\""), "S2's driver keeps none:\n" + m);

        host.diagnostics.put("S1", new StationDiagnostics(40, 7, 5, 1, 3, 0, "", null));
        String after = http.get("/metrics").body();
        assertEquals(40, value(after, "scada_station_messages_total{line=\"L1\",station=\"S1\"}"));
        assertEquals(7, value(after, "scada_station_bad_payloads_total{line=\"L1\",station=\"S1\"}"));
        assertEquals(0, value(after, "scada_station_queued{line=\"L1\",station=\"S1\"}"));
    }

    @Test
    void tagsAreCountedByQuality() throws Exception {
        String m = http.get("/metrics").body();
        assertEquals(2, value(m, "scada_tags{quality=\"GOOD\"}"));
        assertEquals(2, value(m, "scada_tags{quality=\"BAD\"}"));
        assertEquals(0, value(m, "scada_tags{quality=\"UNCERTAIN\"}"));
    }

    @Test
    void writesAreCountedByOutcomeWithLatency() throws Exception {
        http.post("/api/tags/setpoint", "{\"value\": 1}");
        http.post("/api/tags/setpoint", "{\"value\": 2}");
        host.onWrite = (t, v) -> CompletableFuture.completedFuture(
                WriteResult.failed(WriteFailure.NOT_CONNECTED, "line L1 is down"));
        http.post("/api/tags/setpoint", "{\"value\": 3}");
        http.post("/api/tags/temp", "{\"value\": 3}");
        String m = http.get("/metrics").body();
        assertEquals(2, value(m, "scada_writes_total{outcome=\"OK\"}"));
        assertEquals(1, value(m, "scada_writes_total{outcome=\"NOT_CONNECTED\"}"));
        assertEquals(1, value(m, "scada_writes_total{outcome=\"NOT_WRITABLE\"}"));
        assertEquals(4, value(m, "scada_write_latency_seconds_count"));
        assertTrue(m.contains("scada_write_latency_seconds_bucket{le="), "write latency has a histogram");
    }

    @Test
    void receiveLatencyIsMeasuredFromTheValuesReceiveTime() throws Exception {
        Instant received = Instant.now().minus(Duration.ofMillis(250));
        host.setTag("temp", "S1", TagType.Ai, TagValue.good(TagType.Ai, 1.0, received, received));
        String m = http.get("/metrics").body();
        assertEquals(1, value(m, "scada_tag_receive_latency_seconds_count"));
        double sum = value(m, "scada_tag_receive_latency_seconds_sum");
        assertTrue(sum >= 0.25 && sum < 5, "latency sum " + sum);
        assertTrue(m.contains("scada_tag_receive_latency_seconds_bucket{le="));
    }
}
