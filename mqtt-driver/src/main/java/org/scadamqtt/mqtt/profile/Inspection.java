package org.scadamqtt.mqtt.profile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ProfileSession#inspect} decided about a message before routing.
 *
 * @param consumed true: the profile handled the message itself; no station receives it
 * @param decoded  the message already decoded (stations will not decode it again); null to decode later
 * @param keys     routing keys: the message goes to every station answering to one of them
 *                 ({@link PayloadProfile#stationKeys}); when none does, or the list is empty, it
 *                 is routed by topic
 * @param byKey    what stations reached through a given key receive instead of {@code decoded}
 *                 (a gateway's status goes to the gateway's station with its values and to the
 *                 stations of its nodes as a bare signal); empty: every station gets {@code decoded}
 */
public record Inspection(boolean consumed, Decoded decoded, List<String> keys, Map<String, Decoded> byKey) {

    private static final Inspection BY_TOPIC = new Inspection(false, null, List.of());
    private static final Inspection CONSUMED = new Inspection(true, null, List.of());

    public Inspection {
        keys = List.copyOf(keys);
        byKey = Map.copyOf(byKey);
    }

    public Inspection(boolean consumed, Decoded decoded, List<String> keys) {
        this(consumed, decoded, keys, Map.of());
    }

    /** Route by topic, decode on the station's lane. */
    public static Inspection byTopic() {
        return BY_TOPIC;
    }

    /** Route by topic, with the message already decoded. */
    public static Inspection byTopic(Decoded decoded) {
        return new Inspection(false, Objects.requireNonNull(decoded, "decoded"), List.of());
    }

    /** Route to the stations answering to these keys (by topic when none does). */
    public static Inspection routeByKeys(Decoded decoded, List<String> keys) {
        return new Inspection(false, decoded, keys);
    }

    /**
     * Route to the stations answering to these keys; a station reached through a key of
     * {@code byKey} receives that key's decoded form (the first such key in {@code keys} order).
     */
    public static Inspection routeByKeys(Decoded decoded, List<String> keys, Map<String, Decoded> byKey) {
        return new Inspection(false, decoded, keys, byKey);
    }

    /** The profile handled the message; it is acknowledged and no station sees it. */
    public static Inspection handled() {
        return CONSUMED;
    }

    /** What a station reached through this key receives. */
    public Decoded decodedFor(String key) {
        Decoded d = byKey.get(key);
        return d == null ? decoded : d;
    }
}
