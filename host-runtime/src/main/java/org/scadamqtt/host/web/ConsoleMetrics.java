package org.scadamqtt.host.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.scadamqtt.driver.LineCounters;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.StationDiagnostics;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.host.tags.HostApi;
import org.scadamqtt.host.tags.HostListener;
import org.scadamqtt.host.tags.LineEntry;
import org.scadamqtt.host.tags.StationEntry;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.Quality;

/**
 * The Prometheus metrics of {@code GET /metrics}: line counters (read from the host's
 * {@link LineCounters} at scrape time), station counters (read from the station's
 * {@link StationDiagnostics} at scrape time), tags by quality, write results by outcome, the
 * receive→host latency of tag values and the latency of writes, and event-stream health.
 */
final class ConsoleMetrics implements HostListener {

    private final HostApi api;
    private final EventHub hub;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Last counters per line; refreshed from the host before every scrape and on line events. */
    private final Map<String, LineEntry> lines = new ConcurrentHashMap<>();
    /** Last diagnostics per station (key: line and station); refreshed from the host before every scrape. */
    private final Map<StationKey, StationDiagnostics> stations = new ConcurrentHashMap<>();
    private final Map<Quality, long[]> tagsByQuality = new ConcurrentHashMap<>();
    private final Timer receiveLatency;

    ConsoleMetrics(HostApi api, EventHub hub) {
        this.api = api;
        this.hub = hub;
        this.receiveLatency = Timer.builder("scada.tag.receive.latency")
                .description("Time from the driver receiving a message to the host's tag table holding its value")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        for (Quality q : Quality.values()) {
            long[] holder = new long[1];
            tagsByQuality.put(q, holder);
            Gauge.builder("scada.tags", holder, h -> h[0])
                    .description("Tags by quality at the last scrape")
                    .tag("quality", q.name())
                    .register(registry);
        }
        Gauge.builder("scada.console.sse.clients", hub, EventHub::clientCount)
                .description("Browsers and tools connected to /api/events")
                .register(registry);
        FunctionCounter.builder("scada.console.sse.dropped", hub, EventHub::droppedTotal)
                .description("Events dropped because an event-stream client read too slowly")
                .register(registry);
        refreshLines();
    }

    /** Alarm counts at scrape time: {@code scada_alarms_active}, {@code scada_alarms_unacknowledged}. */
    void alarms(AlarmList alarms) {
        Gauge.builder("scada.alarms.active", alarms, AlarmList::activeCount)
                .description("Alarms whose condition holds (limit crossed, BAD value, station StHARDERR)")
                .register(registry);
        Gauge.builder("scada.alarms.unacknowledged", alarms, AlarmList::unacknowledgedCount)
                .description("Alarms in the list nobody acknowledged yet")
                .register(registry);
    }

    // runs on driver threads: a timer record is lock-free and quick
    @Override
    public void tagChanged(TagEntry tag) {
        if (tag.value() != null && tag.value().receiveTime() != null) {
            Duration d = Duration.between(tag.value().receiveTime(), Instant.now());
            if (!d.isNegative()) {
                receiveLatency.record(d);
            }
        }
    }

    @Override
    public void lineChanged(LineEntry line) {
        remember(line);
    }

    /** Counts a finished write by outcome ({@code OK} or the failure name) and its latency. */
    void recordWrite(WriteResult result, Duration took) {
        String outcome = result.ok() ? "OK" : result.failure().name();
        recordWrite(outcome, took);
    }

    /** Counts a write that ended without a WriteResult (e.g. BAD_REQUEST, UNAUTHORIZED, ERROR). */
    void recordWrite(String outcome, Duration took) {
        Counter.builder("scada.writes")
                .description("Writes requested over HTTP, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if (took != null) {
            Timer.builder("scada.write.latency")
                    .description("Time from an HTTP write request to its result")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(60))
                    .register(registry)
                    .record(took);
        }
    }

    /** The Prometheus text exposition, with counters read fresh from the host. */
    String scrape() {
        refreshLines();
        refreshStations();
        long[] counts = new long[Quality.values().length];
        for (TagEntry t : api.tags()) {
            Quality q = t.value() == null ? Quality.BAD : t.value().quality();
            counts[q.ordinal()]++;
        }
        for (Quality q : Quality.values()) {
            tagsByQuality.get(q)[0] = counts[q.ordinal()];
        }
        return registry.scrape();
    }

    private void refreshLines() {
        api.lines().forEach(this::remember);
    }

    // a station whose driver keeps no diagnostics has no series; one that stops keeping them
    // (its line was stopped) keeps its last counts, as a stopped line keeps its counters
    private void refreshStations() {
        for (StationEntry s : api.stations()) {
            api.diagnostics(s.name()).ifPresent(d -> {
                StationKey key = new StationKey(s.line(), s.name());
                if (stations.put(key, d) == null) {
                    registerStation(key);
                }
            });
        }
    }

    private void registerStation(StationKey key) {
        stationCounter(key, "scada.station.messages", "Messages the station processed", StationDiagnostics::messages);
        stationCounter(key, "scada.station.bad.payloads", "Of those, messages whose payload could not be read",
                StationDiagnostics::badPayloads);
        stationCounter(key, "scada.station.time.missing",
                "Messages without a usable time field (their values took the receive time)",
                StationDiagnostics::timeMissing);
        stationCounter(key, "scada.station.dropped", "Messages dropped because the station's inbox was full",
                StationDiagnostics::dropped);
        stationCounter(key, "scada.station.discarded", "Messages ignored because the station was OFF or simulated",
                StationDiagnostics::discarded);
        Gauge.builder("scada.station.queued", stations, m -> {
                    StationDiagnostics d = m.get(key);
                    return d == null ? 0 : d.queued();
                })
                .description("Messages of the station waiting now (held by ACK_ID or not yet processed)")
                .tag("line", key.line())
                .tag("station", key.station())
                .register(registry);
    }

    private void stationCounter(StationKey key, String name, String description,
            ToDoubleFunction<StationDiagnostics> f) {
        FunctionCounter.builder(name, stations, m -> {
                    StationDiagnostics d = m.get(key);
                    return d == null ? 0 : f.applyAsDouble(d);
                })
                .description(description)
                .tag("line", key.line())
                .tag("station", key.station())
                .register(registry);
    }

    private record StationKey(String line, String station) {
    }

    private void remember(LineEntry line) {
        if (lines.put(line.name(), line) == null) {
            register(line.name());
        }
    }

    private void register(String line) {
        lineCounter(line, "scada.line.messages.in", "Messages received", LineCounters::messagesIn);
        lineCounter(line, "scada.line.messages.out", "Messages published", LineCounters::messagesOut);
        lineCounter(line, "scada.line.bytes.in", "Payload bytes received", LineCounters::bytesIn);
        lineCounter(line, "scada.line.bytes.out", "Payload bytes published", LineCounters::bytesOut);
        lineCounter(line, "scada.line.errors", "Errors of any kind", LineCounters::errors);
        lineCounter(line, "scada.line.unrouted", "Messages no station took", LineCounters::unrouted);
        lineCounter(line, "scada.line.bad.payloads", "Messages that could not be decoded or bound",
                LineCounters::badPayloads);
        lineCounter(line, "scada.line.connects", "Successful connections", LineCounters::connects);
        Gauge.builder("scada.line.connected", lines, m -> connected(m.get(line)))
                .description("1 when the line is connected to a broker, else 0")
                .tag("line", line)
                .register(registry);
    }

    private void lineCounter(String line, String name, String description, ToDoubleFunction<LineCounters> f) {
        FunctionCounter.builder(name, lines, m -> {
                    LineEntry e = m.get(line);
                    return e == null || e.status() == null ? 0 : f.applyAsDouble(e.status().counters());
                })
                .description(description)
                .tag("line", line)
                .register(registry);
    }

    private static double connected(LineEntry e) {
        return e != null && e.status() != null && e.status().state() == LineState.CONNECTED ? 1 : 0;
    }

    void close() {
        registry.close();
    }
}
