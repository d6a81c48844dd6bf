package org.scadamqtt.mqtt.profiles.sparkplug;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The primary host application's STATE messages (Sparkplug 3.0, 4.2.3 / 5.11): topic
 * {@code spBv1.0/STATE/<host id>}, JSON {@code {"online":true|false,"timestamp":ms}}, QoS 1,
 * retained. The birth's timestamp must equal the one in the will of the CONNECT before it, but the
 * will is built where the line's connect options are made and the birth by the line's profile
 * session: the two meet here, one timestamp per line name, chosen when the will is first built
 * and forgotten when the line's session closes (so a restarted line announces a new one).
 */
final class HostState {

    private static final Map<String, Long> TIMESTAMPS = new ConcurrentHashMap<>();

    private HostState() {
    }

    /** The STATE timestamp of a line: the same for its will and its births until the line stops. */
    static long timestamp(String lineName, Clock clock) {
        return TIMESTAMPS.computeIfAbsent(lineName, n -> clock.millis());
    }

    /** The line stopped: its next start announces a new timestamp. */
    static void forget(String lineName) {
        TIMESTAMPS.remove(lineName);
    }

    /** The STATE payload. */
    static String payload(boolean online, long timestamp) {
        return "{\"online\":" + online + ",\"timestamp\":" + timestamp + "}";
    }
}
