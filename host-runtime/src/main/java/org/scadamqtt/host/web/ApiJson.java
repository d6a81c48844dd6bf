package org.scadamqtt.host.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.scadamqtt.config.TagDisplay;
import org.scadamqtt.driver.LineCounters;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationDetails;
import org.scadamqtt.driver.StationDiagnostics;
import org.scadamqtt.host.tags.LineEntry;
import org.scadamqtt.host.tags.StationEntry;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.QiValue;
import org.scadamqtt.tag.TagValue;

/**
 * The JSON shapes of the HTTP API (a contract: scripts depend on the field names). Builds ordered
 * maps that Jackson writes as they are, so the shape is visible here in one place.
 */
final class ApiJson {

    /** ISO-8601 UTC with milliseconds, always three digits: {@code 2026-01-31T12:00:00.000Z}. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ApiJson() {
    }

    /** A time as ISO-8601 UTC with milliseconds, or null. */
    static String time(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
    }

    /**
     * A tag value as JSON: numbers and booleans as they are, Qi as its name, TiA/ToA as an ISO
     * time, TiR/ToR as seconds (with fraction), text as text.
     */
    static Object value(Object value) {
        if (value instanceof QiValue qi) {
            return qi.name();
        }
        if (value instanceof Instant instant) {
            return time(instant);
        }
        if (value instanceof Duration duration) {
            // seconds with millisecond (or finer) precision, as a plain number
            return duration.getSeconds() + duration.getNano() / 1e9;
        }
        return value; // Double, Long, Boolean, String or null
    }

    static Map<String, Object> tag(TagEntry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        TagValue v = entry.value();
        m.put("name", entry.name());
        m.put("line", entry.line());
        m.put("station", entry.station());
        m.put("type", entry.type().name());
        m.put("value", v == null ? null : value(v.value()));
        m.put("quality", v == null ? "BAD" : v.quality().name());
        m.put("reason", v == null ? "NOT_INITIALIZED" : v.reason().name());
        m.put("detail", v == null ? "" : v.detail());
        m.put("sourceTime", v == null ? null : time(v.sourceTime()));
        m.put("receiveTime", v == null ? null : time(v.receiveTime()));
        m.put("address", entry.address() == null ? "" : entry.address());
        m.put("writable", entry.acceptsWrites());
        m.put("updates", entry.updates());
        TagDisplay d = entry.display();
        m.put("description", d.description());
        m.put("unit", d.unit());
        m.put("format", d.format());
        m.put("lowLow", d.lowLow());
        m.put("low", d.low());
        m.put("high", d.high());
        m.put("highHigh", d.highHigh());
        return m;
    }

    static Map<String, Object> station(StationEntry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", entry.name());
        m.put("line", entry.line());
        m.put("state", entry.state() == null ? null : entry.state().name());
        m.put("reason", entry.reason() == null ? "" : entry.reason());
        return m;
    }

    /** Adds a station's counters from its driver under {@code diagnostics}, when the driver keeps them. */
    static Map<String, Object> withDiagnostics(Map<String, Object> m, Optional<StationDiagnostics> diagnostics) {
        diagnostics.ifPresent(d -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("messages", d.messages());
            c.put("badPayloads", d.badPayloads());
            c.put("timeMissing", d.timeMissing());
            c.put("dropped", d.dropped());
            c.put("discarded", d.discarded());
            c.put("queued", d.queued());
            c.put("lastError", d.lastError());
            c.put("lastErrorTime", time(d.lastErrorTime()));
            m.put("diagnostics", c);
        });
        return m;
    }

    /** A station with what its driver tells beyond the state, and the actions it offers. */
    static Map<String, Object> station(StationEntry entry, StationDetails details) {
        Map<String, Object> m = station(entry);
        StationDetails d = details == null ? StationDetails.NONE : details;
        m.put("details", d.values());
        m.put("actions", d.actions());
        return m;
    }

    /** A data point a driver discovered, as {@code scada-host discover} would write it. */
    static Map<String, Object> discovered(DiscoveredPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("station", p.station());
        m.put("address", p.address());
        m.put("type", p.type().name());
        m.put("note", p.note());
        return m;
    }

    static Map<String, Object> line(LineEntry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        LineStatus s = entry.status();
        m.put("name", entry.name());
        m.put("status", s == null ? null : s.state().name());
        m.put("broker", s == null ? "" : s.broker());
        m.put("reason", s == null ? "" : s.reason());
        m.put("since", s == null ? null : time(s.since()));
        LineCounters c = s == null ? LineCounters.ZERO : s.counters();
        m.put("connects", c.connects());
        m.put("messagesIn", c.messagesIn());
        m.put("messagesOut", c.messagesOut());
        m.put("bytesIn", c.bytesIn());
        m.put("bytesOut", c.bytesOut());
        m.put("errors", c.errors());
        m.put("unrouted", c.unrouted());
        m.put("badPayloads", c.badPayloads());
        m.put("lastError", c.lastError() == null ? "" : c.lastError());
        m.put("lastErrorTime", time(c.lastErrorTime()));
        return m;
    }

    /** The body of every refused request: {@code {"result":"FAILED","reason":…,"message":…}}. */
    static Map<String, Object> failed(String reason, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", "FAILED");
        m.put("reason", reason);
        m.put("message", message);
        return m;
    }

    static Map<String, Object> ok() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", "OK");
        return m;
    }
}
