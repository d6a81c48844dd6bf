package org.scadamqtt.bench.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one line a child subscriber prints at the end, {@code RESULT key=value …}, and its parse.
 * Keys: received, firstToLastNanos, cpuNanos, peakRssKb, badValues, receiveTimeStamped,
 * and for latency runs expected, p50Nanos, p99Nanos, p999Nanos, maxNanos, publishFailures.
 */
final class ChildResult {

    static final String PREFIX = "RESULT ";

    private final Map<String, String> values;

    private ChildResult(Map<String, String> values) {
        this.values = values;
    }

    static String format(Map<String, ?> values) {
        StringBuilder sb = new StringBuilder(PREFIX);
        values.forEach((k, v) -> sb.append(k).append('=').append(String.valueOf(v).replace(' ', '_')).append(' '));
        return sb.toString().trim();
    }

    static ChildResult parse(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : line.substring(PREFIX.length()).trim().split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return new ChildResult(m);
    }

    long get(String key) {
        String v = values.get(key);
        return v == null ? -1 : Long.parseLong(v);
    }

    String text(String key) {
        return values.getOrDefault(key, "");
    }
}
