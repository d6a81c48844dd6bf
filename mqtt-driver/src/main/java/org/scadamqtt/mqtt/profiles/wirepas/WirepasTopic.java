package org.scadamqtt.mqtt.profiles.wirepas;

/**
 * What a Wirepas topic says: {@code gw-event/status/<gw-id>},
 * {@code gw-event/received_data/<gw-id>/<sink-id>/<network>/<src-ep>/<dst-ep>},
 * {@code gw-request/<request>/<gw-id>[/<sink-id>]} and {@code gw-response/<request>/<gw-id>[/<sink-id>]}.
 *
 * @param kind    which of them; OTHER for any other topic
 * @param gateway the gateway id; empty for OTHER
 * @param sink    the sink id; empty when the topic has none
 */
record WirepasTopic(Kind kind, String gateway, String sink) {

    /** The kinds of Wirepas topic. */
    enum Kind { STATUS, RECEIVED_DATA, REQUEST, RESPONSE, OTHER }

    private static final WirepasTopic OTHER = new WirepasTopic(Kind.OTHER, "", "");

    static WirepasTopic parse(String topic) {
        String[] l = topic.split("/", -1);
        if (l.length == 3 && l[0].equals("gw-event") && l[1].equals("status")) {
            return new WirepasTopic(Kind.STATUS, l[2], "");
        }
        if (l.length == 7 && l[0].equals("gw-event") && l[1].equals("received_data")) {
            return new WirepasTopic(Kind.RECEIVED_DATA, l[2], l[3]);
        }
        if ((l.length == 3 || l.length == 4) && (l[0].equals("gw-request") || l[0].equals("gw-response"))) {
            return new WirepasTopic(l[0].equals("gw-request") ? Kind.REQUEST : Kind.RESPONSE, l[2],
                    l.length == 4 ? l[3] : "");
        }
        return OTHER;
    }

    /** The topic a gateway publishes its status on. */
    static String status(String gateway) {
        return "gw-event/status/" + gateway;
    }
}
