package org.scadamqtt.mqtt.profiles.sparkplug;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scadamqtt.driver.StationDetails;

/**
 * What the console shows of an edge node or device station: its Sparkplug state (online,
 * offline, waiting for rebirth, no birth seen), how many metrics its birth announced and the
 * edge node's last sequence number (and bdSeq). Read from any thread while the dispatch thread
 * changes the edge node: a value may be one message old.
 */
final class EdgeDetails {

    /** The action that sends an edge node {@code Node Control/Rebirth} = true. */
    static final String REBIRTH = "rebirth";

    static final String STATE = "sparkplug state";
    static final String METRICS = "metrics";
    static final String LAST_SEQ = "last seq";
    static final String BD_SEQ = "bdSeq";

    private EdgeDetails() {
    }

    /** @param n the edge node; null when the host has not heard of it */
    static StationDetails of(EdgeRef e, EdgeNode n, boolean rebirthAllowed) {
        Map<String, String> v = new LinkedHashMap<>();
        EdgeNode.Scope s = n == null ? null : n.existing(e.device());
        v.put(STATE, state(n, s));
        v.put(METRICS, s == null || !s.born ? "-" : Integer.toString(s.byName.size()));
        int seq = n == null ? -1 : n.lastSeq;
        v.put(LAST_SEQ, seq < 0 ? "-" : Integer.toString(seq));
        if (e.device().isEmpty() && n != null && n.bdSeq != null) {
            v.put(BD_SEQ, Long.toString(n.bdSeq));
        }
        return new StationDetails(v, rebirthAllowed ? List.of(REBIRTH) : List.of());
    }

    private static String state(EdgeNode n, EdgeNode.Scope s) {
        if (s == null) {
            return "no birth seen";
        }
        if (s.dead) {
            return "offline";
        }
        if (n.awaitingBirth != null) {
            return "waiting for rebirth";
        }
        return s.born ? "online" : "no birth seen";
    }
}
