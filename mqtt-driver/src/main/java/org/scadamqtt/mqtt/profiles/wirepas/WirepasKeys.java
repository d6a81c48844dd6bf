package org.scadamqtt.mqtt.profiles.wirepas;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.StationConfig;

/**
 * The routing keys of Wirepas stations. A node station ({@code wirepasNode} set) answers to its
 * node (on its gateway when {@code wirepasGateway} is set) and, following its gateway, to that
 * gateway's status; a gateway station (address {@code gw-event/status/<gw-id>}, or
 * {@code wirepasGateway} without {@code wirepasNode}) answers to its gateway's status; a station
 * with address {@code gw-response/get_configs/<gw-id>} or {@code gw-response/get_gw_info/<gw-id>}
 * answers to that gateway's answers of the request, also when a gateway adds a sink level to the
 * topic (the Wirepas API document lists {@code gw-response/get_gw_info/<gw-id>/<sink-id>}).
 */
final class WirepasKeys {

    private static final Pattern PLAIN_STATUS = Pattern.compile("gw-event/status/[A-Za-z0-9_\\-:]+");
    private static final Pattern GATEWAY_ANSWERS = Pattern.compile("gw-response/(get_configs|get_gw_info)/([A-Za-z0-9_\\-:]+)");

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

    /** The answers of a gateway-wide request (get_configs, get_gw_info) of one gateway, whatever sink level follows. */
    static String answers(String request, String gateway) {
        return "answers:" + request + ":" + gateway;
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
        Matcher answers = GATEWAY_ANSWERS.matcher(station.address());
        if (answers.matches()) {
            keys.add(answers(answers.group(1), answers.group(2)));
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
