package org.scadamqtt.mqtt.profiles.wirepas;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.StationConfig;

/**
 * The routing keys of Wirepas stations. A node station ({@code wirepasNode} set) answers to its
 * node (on its gateway when {@code wirepasGateway} is set) and, following its gateway, to that
 * gateway's status; a gateway station (address {@code gw-event/status/<gw-id>}, or
 * {@code wirepasGateway} without {@code wirepasNode}) answers to its gateway's status.
 */
final class WirepasKeys {

    private static final Pattern PLAIN_STATUS = Pattern.compile("gw-event/status/[A-Za-z0-9_\\-:]+");

    private WirepasKeys() {
    }

    static String node(long address) {
        return "node:" + address;
    }

    static String node(String gateway, long address) {
        return "node:" + gateway + "/" + address;
    }

    static String gateway(String gateway) {
        return "gateway:" + gateway;
    }

    static String follower(String gateway) {
        return "follow:" + gateway;
    }

    /** The gateway a station names: wirepasGateway, else the id in a status-topic address; "" when none. */
    static String gatewayOf(StationConfig station) {
        String gw = station.parameters().text(WirepasProfile.GATEWAY).strip();
        if (gw.isEmpty() && PLAIN_STATUS.matcher(station.address()).matches()) {
            return station.address().substring("gw-event/status/".length());
        }
        return gw;
    }

    static List<String> of(StationConfig station) {
        ParameterValues p = station.parameters();
        String gw = p.text(WirepasProfile.GATEWAY).strip();
        List<String> keys = new ArrayList<>();
        if (p.has(WirepasProfile.NODE)) {
            long node = p.integer(WirepasProfile.NODE);
            if (gw.isEmpty()) {
                keys.add(node(node));
            } else {
                keys.add(node(gw, node));
                if (!p.has(WirepasProfile.FOLLOW) || p.bool(WirepasProfile.FOLLOW)) {
                    keys.add(follower(gw));
                }
            }
            return keys;
        }
        if (!gw.isEmpty()) {
            keys.add(gateway(gw));
        } else if (PLAIN_STATUS.matcher(station.address()).matches()) {
            keys.add(gateway(station.address().substring("gw-event/status/".length())));
        }
        return keys;
    }
}
