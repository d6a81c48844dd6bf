package org.scadamqtt.mqtt;

import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.util.List;
import java.util.Map;
import org.scadamqtt.config.LineConfig;

/**
 * The line the integration tests run against real brokers: one station of every routing kind
 * (exact topic, regular expression, catch-all {@code .*}), JSON paths, a time field, a station
 * will, an ACK_ID station and an output station.
 */
final class PlantConfig {

    private PlantConfig() {
    }

    static LineConfig line(String name, int port, String clientId) {
        Map<String, String> p = params("clientId", clientId, "cleanSession", "NO", "subscribeQos", "QoS_1",
                "publishQos", "QoS_1", "payloadType", "JSON", "timeFieldName", "meta.ts",
                "timeMask", "yyyy-mm-dd hh:mi:ss.mss", "ignoreMissingTime", "YES",
                "reconnectMinDelay", "0.1", "reconnectMaxDelay", "0.5", "replyTimeout", "5", "writeTimeout", "5");
        return TestConfigs.line(name, List.of("127.0.0.1"), port, p,
                station("Boiler", "plant/boiler1", params("timeZone", "UTC", "SWT", "plant/status/boiler1",
                                "SWP", "offline"),
                        tag("boiler_topic", "TxtI", "IN_TOPIC"), tag("boiler_temp", "Ai", "JA=temp.value"),
                        tag("boiler_first_alarm", "TxtI", "JA=alarms[1].code"), tag("boiler_on", "Di", "JA=on")),
                station("Pumps", "plant/pump[0-9]+", params("timeZone", "+02:00"),
                        tag("pump_topic", "TxtI", "IN_TOPIC"), tag("pump_rpm", "Ci", "JA=rpm")),
                station("Acked", "plant/acked", params("timeZone", "UTC"),
                        tag("acked_data", "TxtI", "IN_DATA"), tag("acked_id", "Ci", "IN_ID"),
                        tag("acked_ack", "Co", "ACK_ID")),
                station("Commands", "plant/cmd-echo", params(),
                        tag("cmd_topic", "TxtO", "OUT_TOPIC"), tag("cmd_value", "TxtO", "OUT_VALUE")),
                station("Rest", ".*", params(), tag("rest_topic", "TxtI", "IN_TOPIC"), tag("rest_data", "TxtI", "IN_DATA")));
    }

    /** A batch whose tag has this good value. */
    static boolean has(RecordingContext.Batch b, String tag, Object value) {
        return b.tags().contains(tag) && b.get(tag).value().isGood() && value.equals(b.get(tag).value().value());
    }
}
