package org.scadamqtt.mqtt.profiles.sparkplug;

import java.util.Locale;

/**
 * One Sparkplug B topic: {@code spBv1.0/<group>/<type>/<edge node>[/<device>]}, or the host
 * application's {@code spBv1.0/STATE/<host id>}. Anything else is {@link Kind#OTHER}.
 *
 * @param kind   the message type
 * @param group  the group id ("" for STATE and OTHER)
 * @param node   the edge node id, or the host id of a STATE topic
 * @param device the device id; "" for edge node messages
 */
record SparkplugTopic(Kind kind, String group, String node, String device) {

    /** The namespace of Sparkplug B. */
    static final String NAMESPACE = "spBv1.0";

    /** The message types. */
    enum Kind {
        NBIRTH, NDEATH, NDATA, NCMD, DBIRTH, DDEATH, DDATA, DCMD, STATE, OTHER;

        boolean device() {
            return this == DBIRTH || this == DDEATH || this == DDATA || this == DCMD;
        }
    }

    private static final SparkplugTopic OTHER = new SparkplugTopic(Kind.OTHER, "", "", "");

    /** Parses a topic name; never throws. */
    static SparkplugTopic parse(String topic) {
        String[] p = topic.split("/", -1);
        if (p.length < 3 || !NAMESPACE.equals(p[0])) {
            return OTHER;
        }
        if (p.length == 3 && "STATE".equals(p[1])) {
            return new SparkplugTopic(Kind.STATE, "", p[2], "");
        }
        if (p.length < 4 || p.length > 5 || p[1].isEmpty() || p[3].isEmpty()) {
            return OTHER;
        }
        Kind k;
        try {
            k = Kind.valueOf(p[2]);
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
        if (k == Kind.STATE || k == Kind.OTHER || k.device() != (p.length == 5) || (p.length == 5 && p[4].isEmpty())) {
            return OTHER;
        }
        return new SparkplugTopic(k, p[1], p[3], p.length == 5 ? p[4] : "");
    }

    /** "group/node", the edge node's identity. */
    String edgeNode() {
        return group + "/" + node;
    }

    /** "group/node" or "group/node/device", for messages. */
    String where() {
        return device.isEmpty() ? "edge node " + edgeNode() : "device " + edgeNode() + "/" + device;
    }

    /** The topic of a message of this kind for an edge node or device. */
    static String topic(Kind kind, String group, String node, String device) {
        return NAMESPACE + "/" + group + "/" + kind.name() + "/" + node + (device.isEmpty() ? "" : "/" + device);
    }

    /** The STATE topic of a host application. */
    static String state(String hostId) {
        return NAMESPACE + "/STATE/" + hostId;
    }

    /** Whether a text may be one level of a Sparkplug topic (no '/', '+', '#', not empty). */
    static boolean validId(String id) {
        return !id.isEmpty() && id.indexOf('/') < 0 && id.indexOf('+') < 0 && id.indexOf('#') < 0;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + where();
    }
}
