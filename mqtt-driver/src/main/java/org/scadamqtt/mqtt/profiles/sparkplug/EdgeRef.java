package org.scadamqtt.mqtt.profiles.sparkplug;

import java.util.List;
import java.util.Optional;
import org.scadamqtt.config.StationConfig;

/**
 * The edge node or device a station stands for: the station parameter {@code sparkplugEdge}
 * ({@code group/node} or {@code group/node/device}), else the station's address when it has that
 * form (and is not itself a spBv1.0 topic).
 *
 * @param group  the group id
 * @param node   the edge node id
 * @param device the device id; "" for an edge node station
 */
record EdgeRef(String group, String node, String device) {

    /** The routing key of an edge node's own messages. */
    static String nodeKey(String group, String node) {
        return "spn:" + group + "/" + node;
    }

    /** The routing key of a device's messages. */
    static String deviceKey(String group, String node, String device) {
        return "spd:" + group + "/" + node + "/" + device;
    }

    /** The routing key device stations answer to for what concerns their whole edge node (NDEATH, a gap). */
    static String followerKey(String group, String node) {
        return "spf:" + group + "/" + node;
    }

    /** The edge node or device of a station; empty when it names none. */
    static Optional<EdgeRef> of(StationConfig station) {
        String text = station.parameters().has(SparkplugProfile.EDGE)
                ? station.parameters().text(SparkplugProfile.EDGE).strip() : "";
        if (text.isEmpty()) {
            String a = station.address() == null ? "" : station.address().strip();
            if (a.startsWith(SparkplugTopic.NAMESPACE + "/")) {
                return Optional.empty();
            }
            text = a;
        }
        return parse(text);
    }

    /** Parses {@code group/node[/device]}; empty when it is not of that form. */
    static Optional<EdgeRef> parse(String text) {
        String[] p = text.split("/", -1);
        if (p.length < 2 || p.length > 3) {
            return Optional.empty();
        }
        for (String s : p) {
            if (!SparkplugTopic.validId(s)) {
                return Optional.empty();
            }
        }
        return Optional.of(new EdgeRef(p[0], p[1], p.length == 3 ? p[2] : ""));
    }

    /** The keys a station of this edge node or device answers to. */
    List<String> keys() {
        return device.isEmpty() ? List.of(nodeKey(group, node))
                : List.of(deviceKey(group, node, device), followerKey(group, node));
    }

    String where() {
        return device.isEmpty() ? "edge node " + group + "/" + node : "device " + group + "/" + node + "/" + device;
    }
}
