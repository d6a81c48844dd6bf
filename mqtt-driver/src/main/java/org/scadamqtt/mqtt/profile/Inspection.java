package org.scadamqtt.mqtt.profile;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ProfileSession#inspect} decided about a message before routing.
 *
 * @param consumed true: the profile handled the message itself; no station receives it
 * @param decoded  the message already decoded (stations will not decode it again); null to decode later
 * @param keys     routing keys: the message goes to every station answering to one of them
 *                 ({@link PayloadProfile#stationKeys}); when none does, or the list is empty, it
 *                 is routed by topic
 */
public record Inspection(boolean consumed, Decoded decoded, List<String> keys) {

    private static final Inspection BY_TOPIC = new Inspection(false, null, List.of());
    private static final Inspection CONSUMED = new Inspection(true, null, List.of());

    public Inspection {
        keys = List.copyOf(keys);
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

    /** The profile handled the message; it is acknowledged and no station sees it. */
    public static Inspection handled() {
        return CONSUMED;
    }
}
