package org.scadamqtt.mqtt.profiles.gizwits;

import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.SourceLocation;

/**
 * The Gizwits session rules checked when the configuration is loaded: the device logs in with
 * client id = user name = DID and password = passcode, keep-alive at most 600 s, and the topic
 * templates name only known placeholders.
 */
final class GizwitsRules {

    private GizwitsRules() {
    }

    static List<ConfigProblem> check(LineConfig line) {
        List<ConfigProblem> out = new ArrayList<>();
        ParameterValues p = line.parameters();
        String where = "line '" + line.name() + "' (payloadType Gizwits): ";
        String clientId = text(p, "clientId");
        SourceLocation at = line.location();
        if (clientId.isBlank()) {
            out.add(new ConfigProblem(p.location("clientId", at), "GIZWITS_DID", where + "set clientId to the device's "
                    + "DID: Gizwits logs a device in with client id = user name = DID"));
        } else if (!clientId.equals(text(p, "userName"))) {
            out.add(new ConfigProblem(p.location("userName", at), "GIZWITS_DID", where + "userName must be the DID "
                    + "like clientId ('" + clientId + "'), found '" + text(p, "userName") + "'"));
        }
        if (text(p, "password").isEmpty()) {
            out.add(new ConfigProblem(p.location("password", at), "GIZWITS_PASSCODE", where + "set password to the "
                    + "device's passcode (from its registration)"));
        }
        Object keepAlive = p.get("keepAlive");
        long k = keepAlive instanceof Number n ? n.longValue() : 0;
        if (k > GizwitsProfile.MAX_KEEP_ALIVE) {
            out.add(new ConfigProblem(p.location("keepAlive", at), "GIZWITS_KEEP_ALIVE", where + "keepAlive " + k
                    + " s is more than the 600 s Gizwits allows; 120 is recommended"));
        } else if (k == 0) {
            out.add(ConfigProblem.warning(p.location("keepAlive", at), "GIZWITS_KEEP_ALIVE", where + "keepAlive is 0 "
                    + "(none); Gizwits expects one of at most 600 s, 120 recommended"));
        }
        GizwitsLine g = GizwitsLine.of(line);
        String[][] templates = {{GizwitsProfile.REPORT_TOPIC, g.reportTopic()},
            {GizwitsProfile.REPLY_TOPIC, g.replyTopic()}, {GizwitsProfile.SERVER_REQUEST_TOPIC, g.serverRequest()}};
        for (String[] t : templates) {
            for (String problem : GizwitsLine.problems(t[1])) {
                out.add(new ConfigProblem(p.location(t[0], at), "GIZWITS_TOPIC", where + t[0] + " '" + t[1] + "': "
                        + problem));
            }
            if (t[1].contains(GizwitsLine.PRODUCT_KEY) && g.productKey().isEmpty()) {
                out.add(new ConfigProblem(p.location(t[0], at), "GIZWITS_TOPIC", where + t[0] + " '" + t[1]
                        + "' uses ${ProductKey}: set " + GizwitsProfile.PRODUCT_KEY));
            }
        }
        return out;
    }

    private static String text(ParameterValues p, String name) {
        Object v = p.get(name);
        return v == null ? "" : v.toString();
    }
}
