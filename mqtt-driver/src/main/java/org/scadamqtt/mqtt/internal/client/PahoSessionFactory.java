package org.scadamqtt.mqtt.internal.client;

import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.SessionListener;

/**
 * Opens MQTT lines on Eclipse Paho 1.2.5 (MQTT 3.1.1). The driver's default
 * {@link MqttSession.Factory}; the session does not connect until {@link MqttSession#start()}.
 */
public final class PahoSessionFactory implements MqttSession.Factory {

    /** No configuration of its own. */
    public PahoSessionFactory() {
    }

    /**
     * @throws IllegalArgumentException when the line's broker addresses or parameters are unusable
     *                                  (the sentence names the line and the value)
     */
    @Override
    public MqttSession open(LineConfig line, DriverContext context, LineStatistics statistics,
            SessionListener listener) {
        return new PahoSession(line, context, statistics, listener);
    }
}
