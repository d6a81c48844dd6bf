package org.scadamqtt.mqtt.profiles.lorawan;

import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.mqtt.profile.AddressException;

/**
 * The checks of a LoRaWAN line that single parameters and addresses cannot express: downlinks
 * need a known server, a topic and, for LORIOT, a DevEUI; uplink times come from the time field.
 */
final class LorawanLineCheck {

    static final String TIME_FIELD = "lorawan.received_at";
    private static final String TIME_FIELD_NAME = "timeFieldName";
    private static final String TIME_MASK = "timeMask";
    private static final String TOPIC_FILTER = "topicFilter";

    private LorawanLineCheck() {
    }

    static List<ConfigProblem> check(LineConfig line) {
        List<ConfigProblem> out = new ArrayList<>();
        ParameterValues p = line.parameters();
        String where = "line " + line.name() + ": ";
        if (p.text(TIME_FIELD_NAME).isBlank()) {
            out.add(ConfigProblem.warning(line.location(), "LORAWAN_TIME_FIELD", where + "values will carry the time "
                    + "the driver received each message, not the uplink's; set timeFieldName to " + TIME_FIELD
                    + " and timeMask to ISO8601"));
        } else if (p.text(TIME_FIELD_NAME).strip().equals(TIME_FIELD) && !p.text(TIME_MASK).strip()
                .equalsIgnoreCase("ISO8601")) {
            out.add(ConfigProblem.warning(p.location(TIME_MASK, line.location()), "LORAWAN_TIME_MASK", where
                    + TIME_FIELD + " is written in ISO 8601 (e.g. 2024-05-01T10:15:30.123456789Z): set timeMask to "
                    + "ISO8601"));
        }
        LorawanSettings settings = LorawanSettings.of(line);
        boolean downlinks = false;
        boolean needsEvents = false;
        for (StationConfig s : line.stations()) {
            String device = LorawanKeys.deviceOf(s);
            if (settings.server() == NetworkServer.LORIOT && !device.isEmpty()
                    && LorawanKeys.normaliseEui(device) == null) {
                out.add(ConfigProblem.warning(s.parameters().location(LorawanProfile.DEVICE, s.location()),
                        "LORAWAN_DEVICE_NOT_EUI", "station " + s.name() + ": LORIOT names devices only by DevEUI, and "
                        + LorawanProfile.DEVICE + " '" + device + "' is not 16 hex digits: no uplink will reach it"));
            }
            for (TagConfig t : s.tags()) {
                if (!LorawanDownlink.isOurs(t.address())) {
                    continue;
                }
                LorawanDownlink d;
                try {
                    d = LorawanDownlink.compile(t, s);
                } catch (AddressException e) {
                    continue; // reported by the core's address check
                }
                downlinks = true;
                needsEvents |= d.completion(settings.server()) != LorawanDownlink.Completion.PUBLISH;
                downlink(out, settings, s, t, d);
            }
        }
        if (!downlinks) {
            return out;
        }
        if (settings.server() == NetworkServer.AUTO) {
            out.add(new ConfigProblem(p.location(LorawanProfile.SERVER, line.location()), "LORAWAN_DOWNLINK_SERVER",
                    where + "LW=downlink tags need to know the downlink format: set " + LorawanProfile.SERVER
                            + " to TTS or LORIOT (it is AUTO)"));
        } else if (settings.downlinkTopic().isEmpty()) {
            out.add(new ConfigProblem(line.location(), "LORAWAN_DOWNLINK_TOPIC", where + "LW=downlink tags on a LORIOT "
                    + "line need " + LorawanProfile.DOWNLINK_TOPIC + ", the topic your LORIOT MQTT output takes "
                    + "downlinks from"));
        } else if (settings.downlinkTopic().contains("{application}") && settings.application().isEmpty()) {
            out.add(new ConfigProblem(line.location(), "LORAWAN_APPLICATION", where + "the downlink topic "
                    + settings.downlinkTopic() + " needs the application: set " + LorawanProfile.APPLICATION
                    + " (or userName) to application-id@tenant-id, e.g. app1@ttn"));
        }
        if (needsEvents && settings.server() == NetworkServer.TTS && !subscribesDownlinkEvents(p)) {
            out.add(ConfigProblem.warning(line.location(), "LORAWAN_DOWNLINK_EVENTS", where + "downlink writes "
                    + "complete when The Things Stack reports them (down/queued, down/sent, down/ack), but no "
                    + "topicFilter delivers v3/+/devices/+/down/#: they will end in TIMEOUT. Add that filter, or "
                    + "write ;complete=publish"));
        }
        return out;
    }

    private static void downlink(List<ConfigProblem> out, LorawanSettings settings, StationConfig s, TagConfig t,
            LorawanDownlink d) {
        String where = "tag " + t.name() + " of station " + s.name() + ": ";
        if (settings.server() != NetworkServer.LORIOT) {
            return;
        }
        if (LorawanKeys.normaliseEui(d.device()) == null) {
            out.add(new ConfigProblem(t.location(), "LORAWAN_DOWNLINK_EUI", where + "LORIOT addresses devices by "
                    + "DevEUI, and '" + d.device() + "' is not 16 hex digits"));
        }
        if (d.needsServerEvents()) {
            out.add(new ConfigProblem(t.location(), "LORAWAN_DOWNLINK_COMPLETE", where + "LORIOT reports no downlink "
                    + "events the driver can match to a write: use complete=publish (the default on LORIOT lines)"));
        }
    }

    /** Whether a topic filter of the line delivers The Things Stack's downlink events. */
    static boolean subscribesDownlinkEvents(ParameterValues p) {
        List<Object> filters = p.all(TOPIC_FILTER);
        if (filters.isEmpty()) {
            return true; // the default filter is #
        }
        String[] event = {"v3", null, "devices", null, "down", "queued"};
        for (Object f : filters) {
            String filter = f.toString().strip();
            if (filter.startsWith("$share/")) {
                String[] s = filter.split("/", 3);
                filter = s.length == 3 ? s[2] : "";
            }
            if (covers(filter.split("/", -1), event)) {
                return true;
            }
        }
        return false;
    }

    // null in the topic stands for any value of that level (application, device)
    private static boolean covers(String[] filter, String[] topic) {
        for (int i = 0; i < filter.length; i++) {
            if (filter[i].equals("#")) {
                return true;
            }
            if (i >= topic.length) {
                return false;
            }
            if (!filter[i].equals("+") && topic[i] != null && !filter[i].equals(topic[i])) {
                return false;
            }
        }
        return filter.length == topic.length;
    }
}
