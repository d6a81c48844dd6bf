package org.scadamqtt.mqtt.profiles.gizwits;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;

/**
 * What the Gizwits profile reads from its line: the device's DID (the line's clientId), the
 * ProductKey, the topic templates and whether 0x0093 is acknowledged automatically.
 *
 * @param did           the device DID (= client id = user name)
 * @param productKey    the product key; empty when not set
 * @param reportTopic   template of 0x0091/0x0093/0x0012 publishes, e.g. {@code dev2app/${DID}}
 * @param replyTopic    template of answers to an app, e.g. {@code dev2app/${DID}/${AppClientId}}
 * @param serverRequest topic of 0x020F
 * @param autoAck       whether an incoming 0x0093 is answered with 0x0094 at once
 */
record GizwitsLine(String did, String productKey, String reportTopic, String replyTopic, String serverRequest,
        boolean autoAck) {

    static final String DID = "${DID}";
    static final String PRODUCT_KEY = "${ProductKey}";
    static final String APP = "${AppClientId}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    /** Reads a line; missing parameters take their defaults. */
    static GizwitsLine of(LineConfig line) {
        ParameterValues p = line == null ? ParameterValues.empty() : line.parameters();
        return new GizwitsLine(text(p, "clientId", ""), text(p, GizwitsProfile.PRODUCT_KEY, ""),
                text(p, GizwitsProfile.REPORT_TOPIC, GizwitsProfile.DEFAULT_REPORT_TOPIC),
                text(p, GizwitsProfile.REPLY_TOPIC, GizwitsProfile.DEFAULT_REPLY_TOPIC),
                text(p, GizwitsProfile.SERVER_REQUEST_TOPIC, GizwitsProfile.DEFAULT_SERVER_REQUEST_TOPIC),
                !Boolean.FALSE.equals(p.get(GizwitsProfile.AUTO_ACK)));
    }

    private static String text(ParameterValues p, String name, String fallback) {
        Object v = p.get(name);
        return v == null || v.toString().isBlank() ? fallback : v.toString().strip();
    }

    /**
     * Fills a template.
     *
     * @param app the AppClientId, or null when none is known
     * @return the topic, or null when the template needs an AppClientId and none is known
     */
    String topic(String template, String app) {
        if (template.contains(APP) && (app == null || app.isEmpty())) {
            return null;
        }
        return template.replace(DID, did).replace(PRODUCT_KEY, productKey).replace(APP, app == null ? "" : app);
    }

    /** What is wrong with a template (unknown placeholder, wildcard); empty when nothing. */
    static List<String> problems(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = "${" + m.group(1) + "}";
            if (!name.equals(DID) && !name.equals(PRODUCT_KEY) && !name.equals(APP)) {
                out.add("'" + name + "' is not a placeholder; use ${DID}, ${ProductKey} or ${AppClientId}");
            }
        }
        if (template.contains("+") || template.contains("#")) {
            out.add("a topic to publish on may not contain + or #");
        }
        if (template.isBlank()) {
            out.add("the topic is empty");
        }
        return out;
    }

    /**
     * The AppClientId in a topic {@code app2dev/<DID>/<AppClientId>} (or dev2app/...); null when
     * the topic has none.
     */
    static String appClientId(String topic) {
        if (topic == null || !(topic.startsWith("app2dev/") || topic.startsWith("dev2app/"))) {
            return null;
        }
        int first = topic.indexOf('/');
        int second = topic.indexOf('/', first + 1);
        if (second < 0 || second == topic.length() - 1) {
            return null;
        }
        String rest = topic.substring(second + 1);
        return rest.contains("/") ? null : rest;
    }

    /** Whether the message came from an app (the device's command topic). */
    static boolean fromApp(String topic) {
        return topic != null && topic.startsWith("app2dev/");
    }
}
