package org.scadamqtt.mqtt.profiles.lorawan;

import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;

/**
 * The LoRaWAN parameters of one line.
 *
 * @param server        which network server's format
 * @param application   {@code app@tenant} for The Things Stack topics; "" when unknown
 * @param downlinkTopic the downlink topic template; "" when there is none (LORIOT without lorawanDownlinkTopic)
 */
record LorawanSettings(NetworkServer server, String application, String downlinkTopic) {

    /** The parameter name of the line's MQTT user name (a core parameter). */
    static final String USER_NAME = "userName";

    static LorawanSettings of(LineConfig line) {
        if (line == null) {
            return new LorawanSettings(NetworkServer.AUTO, "", "");
        }
        ParameterValues p = line.parameters();
        NetworkServer server = NetworkServer.of(p.text(LorawanProfile.SERVER));
        String app = p.text(LorawanProfile.APPLICATION).strip();
        if (app.isEmpty()) {
            app = p.text(USER_NAME).strip();
        }
        String topic = p.text(LorawanProfile.DOWNLINK_TOPIC).strip();
        if (topic.isEmpty() && server == NetworkServer.TTS) {
            topic = LorawanProfile.TTS_DOWNLINK_TOPIC;
        }
        return new LorawanSettings(server, app, topic);
    }
}
