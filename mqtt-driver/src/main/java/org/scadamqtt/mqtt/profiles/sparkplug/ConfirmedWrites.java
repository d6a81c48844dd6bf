package org.scadamqtt.mqtt.profiles.sparkplug;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.ProfileContext;

/**
 * Writes that complete when the edge node reports the written value back in NDATA/DDATA
 * ("confirmed write"). Sparkplug commands have no answer of their own, so the new value coming
 * back is the only sign the edge node applied it; a write whose value never comes back fails with
 * TIMEOUT after the line's Reply Timeout (the core's correlation timer).
 */
final class ConfirmedWrites {

    private record Pending(String correlation, Object expected, int type, Instant deadline) {
    }

    private final ProfileContext context;
    private final Map<String, Queue<Pending>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    ConfirmedWrites(ProfileContext context) {
        this.context = context;
    }

    private static String key(String edgeNode, String device, String metric) {
        return edgeNode + "|" + device + "|" + metric;
    }

    /** Registers a write waiting for its value; returns its correlation. Runs on station lanes. */
    String expect(String edgeNode, String device, String metric, int type, Object value, Instant now,
            Duration timeout) {
        String correlation = "sparkplug:" + key(edgeNode, device, metric) + "#" + ids.incrementAndGet();
        Queue<Pending> q = pending.computeIfAbsent(key(edgeNode, device, metric), k -> new ConcurrentLinkedQueue<>());
        q.removeIf(p -> now.isAfter(p.deadline())); // the core has failed those with TIMEOUT already
        q.add(new Pending(correlation, value, type, now.plus(timeout)));
        return correlation;
    }

    /** Values reported by an edge node or device: completes the writes they confirm. Dispatch thread. */
    void reported(String edgeNode, String device, Map<String, MetricValue> values) {
        if (pending.isEmpty()) {
            return;
        }
        for (MetricValue v : values.values()) {
            Queue<Pending> q = pending.get(key(edgeNode, device, v.name()));
            if (q == null || v.value() == null) {
                continue;
            }
            for (Pending p : q) {
                if (same(p.expected(), p.type(), v.value()) && q.remove(p) && context != null) {
                    context.completeReply(p.correlation(), WriteResult.success());
                }
            }
        }
    }

    /** Whether a reported value is the written one (numbers compared as the metric's type holds them). */
    static boolean same(Object written, int type, JsonNode reported) {
        if (written instanceof Boolean b) {
            return reported.isBoolean() ? reported.asBoolean() == b : reported.isNumber() && reported.asInt() == (b ? 1 : 0);
        }
        if (reported.isNumber()) {
            try {
                BigDecimal w = written instanceof Double d ? BigDecimal.valueOf(type == DataTypes.FLOAT
                        ? Double.parseDouble(Float.toString(d.floatValue())) : d)
                        : new BigDecimal(String.valueOf(written).strip());
                return w.compareTo(reported.decimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (reported.isBoolean()) {
            String s = String.valueOf(written).strip();
            return reported.asBoolean() ? s.equals("1") || s.equalsIgnoreCase("true")
                    : s.equals("0") || s.equalsIgnoreCase("false");
        }
        if (written instanceof Instant t && reported.isTextual()) {
            return reported.asText().equals(Instant.ofEpochMilli(t.toEpochMilli()).toString());
        }
        return reported.isTextual() && reported.asText().equals(String.valueOf(written));
    }
}
