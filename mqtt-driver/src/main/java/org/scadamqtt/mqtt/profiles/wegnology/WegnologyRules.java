package org.scadamqtt.mqtt.profiles.wegnology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.SourceLocation;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;

/**
 * The WEGnology broker's rules checked when the configuration is loaded: device id, access key
 * and secret, QoS 0/1 only, no retained messages, clean session only, 256 KB per message, and TLS
 * (an address without a scheme means ssl://, port 8883; a warning when one is written tcp:// or ws://),
 * no wildcard topicFilter (the line subscribes its command topics itself), and no OUT_VALUE tag:
 * every message of the line must pass the {@link RateLimiter}, which only STATE= writes do.
 */
final class WegnologyRules {

    private WegnologyRules() {
    }

    static List<ConfigProblem> check(LineConfig line) {
        List<ConfigProblem> out = new ArrayList<>();
        ParameterValues p = line.parameters();
        SourceLocation at = line.location();
        String where = "line '" + line.name() + "' (payloadType WEGnology): ";
        if (text(p, "clientId").isBlank()) {
            out.add(error(p, "clientId", at, "WEGNOLOGY_DEVICE_ID", where + "set clientId to the device id: WEGnology "
                    + "accepts only a registered device's id as client id"));
        }
        if (text(p, "userName").isBlank() || text(p, "password").isEmpty()) {
            out.add(error(p, "userName", at, "WEGNOLOGY_ACCESS_KEY", where + "set userName to an access key and "
                    + "password to its access secret"));
        }
        for (String q : new String[] {"publishQos", "subscribeQos", "willQos"}) {
            if (p.get(q) instanceof Integer i && i > 1) {
                out.add(error(p, q, at, "WEGNOLOGY_QOS", where + q + " is QoS " + i + "; WEGnology supports QoS 0 and 1 "
                        + "only"));
            }
        }
        for (String r : new String[] {"publishRetain", "willRetain"}) {
            if (Boolean.TRUE.equals(p.get(r))) {
                out.add(error(p, r, at, "WEGNOLOGY_RETAIN", where + r + " is YES; WEGnology does not support retained "
                        + "messages"));
            }
        }
        if (Boolean.FALSE.equals(p.get("cleanSession"))) {
            out.add(error(p, "cleanSession", at, "WEGNOLOGY_CLEAN_SESSION", where + "cleanSession is NO; WEGnology "
                    + "supports clean sessions only"));
        }
        int will = text(p, "willMessage").getBytes(StandardCharsets.UTF_8).length;
        if (will > WegnologyProfile.MAX_PAYLOAD) {
            out.add(error(p, "willMessage", at, "WEGNOLOGY_PAYLOAD_SIZE", where + "the will message has " + will
                    + " bytes; WEGnology takes at most 256 KB (262144 bytes) per message"));
        }
        for (String host : line.hosts()) {
            String h = host.strip().toLowerCase(Locale.ROOT);
            // an address without a scheme is TLS on this line (WegnologyProfile.tlsByDefault)
            if (h.startsWith("tcp://") || h.startsWith("mqtt://") || h.startsWith("ws://")) {
                out.add(ConfigProblem.warning(at, "WEGNOLOGY_TLS", where + "broker address '" + host + "' is not TLS; "
                        + "WEGnology expects ssl://broker.app.wnology.io:8883 (or wss://…:443) so the access secret "
                        + "does not travel in clear text"));
            }
        }
        List<Object> filters = p.all("topicFilter");
        for (Object f : filters) {
            String filter = f.toString();
            // a lone # is the default (a line that leaves topicFilter out): the command topics replace it
            if ((filter.contains("+") || filter.contains("#")) && !(filters.size() == 1 && filter.equals("#"))) {
                out.add(error(p, "topicFilter", at, "WEGNOLOGY_TOPIC_FILTER", where + "topicFilter '" + filter
                        + "' has a wildcard; WEGnology lets a device subscribe only to its own command topic, without "
                        + "wildcards. The line subscribes " + String.join(", ", new WegnologyProfile().topicFilters(line))
                        + " itself: remove this topicFilter"));
            }
        }
        for (StationConfig s : line.stations()) {
            for (TagConfig t : s.tags()) {
                if (t.address().strip().equalsIgnoreCase("OUT_VALUE")) {
                    out.add(new ConfigProblem(t.location(), "WEGNOLOGY_OUTPUT", "tag '" + t.name() + "' of station '"
                            + s.name() + "': OUT_VALUE publishes its text past the WEGnology rate limiter, so the "
                            + "broker's limits (300 messages per 15 s per connection, 30 per topic) could be broken and "
                            + "the device banned; on a WEGnology line an output tag reports state with STATE=attribute"));
                }
            }
        }
        String prefix = WegnologySession.prefix(line);
        topicLevel(out, p.location(WegnologyProfile.PREFIX, at), where + WegnologyProfile.PREFIX, prefix);
        for (StationConfig s : line.stations()) {
            String d = text(s.parameters(), WegnologyProfile.DEVICE);
            if (!d.isEmpty()) {
                topicLevel(out, s.parameters().location(WegnologyProfile.DEVICE, s.location()), "station '" + s.name()
                        + "': " + WegnologyProfile.DEVICE, d);
            }
        }
        return out;
    }

    /** Whether a value fits one topic level. */
    static boolean oneLevel(String value) {
        return !(value.contains("/") || value.contains("+") || value.contains("#"));
    }

    private static void topicLevel(List<ConfigProblem> out, SourceLocation at, String what, String value) {
        if (!oneLevel(value)) {
            out.add(new ConfigProblem(at, "WEGNOLOGY_TOPIC", what + " '" + value + "' is one topic level: it may not "
                    + "contain /, + or #"));
        }
    }

    private static ConfigProblem error(ParameterValues p, String name, SourceLocation at, String code, String text) {
        return new ConfigProblem(p.location(name, at), code, text);
    }

    private static String text(ParameterValues p, String name) {
        Object v = p.get(name);
        return v == null ? "" : v.toString();
    }
}
