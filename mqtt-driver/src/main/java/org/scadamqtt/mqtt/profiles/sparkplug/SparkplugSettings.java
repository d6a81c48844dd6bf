package org.scadamqtt.mqtt.profiles.sparkplug;

import java.time.Duration;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;

/**
 * A line's Sparkplug parameters.
 *
 * @param hostId          the primary host id (STATE birth and will); "" when the line is not primary host
 * @param requestRebirth  whether the line sends Rebirth requests
 * @param rebirthInterval the least time between two Rebirth requests to one edge node
 */
record SparkplugSettings(String hostId, boolean requestRebirth, Duration rebirthInterval) {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    static SparkplugSettings of(LineConfig line) {
        ParameterValues p = line == null ? null : line.parameters();
        if (p == null) {
            return new SparkplugSettings("", true, DEFAULT_INTERVAL);
        }
        String host = p.has(SparkplugProfile.HOST_ID) ? p.text(SparkplugProfile.HOST_ID).strip() : "";
        boolean rebirth = !p.has(SparkplugProfile.REBIRTH) || p.bool(SparkplugProfile.REBIRTH);
        Duration interval = p.has(SparkplugProfile.REBIRTH_INTERVAL) ? p.seconds(SparkplugProfile.REBIRTH_INTERVAL)
                : DEFAULT_INTERVAL;
        return new SparkplugSettings(host, rebirth, interval);
    }
}
