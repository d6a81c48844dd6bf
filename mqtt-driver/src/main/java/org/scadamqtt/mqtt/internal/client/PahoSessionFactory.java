package org.scadamqtt.mqtt.internal.client;

import java.util.concurrent.ScheduledExecutorService;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.mqtt.internal.LineStatistics;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.mqtt.internal.SessionListener;
import org.scadamqtt.mqtt.internal.lane.LineTimer;

/**
 * Opens MQTT lines on Eclipse Paho 1.2.5 (MQTT 3.1.1). The driver's default
 * {@link MqttSession.Factory}; the session does not connect until {@link MqttSession#start()}.
 */
public final class PahoSessionFactory implements MqttSession.Factory {

    /** No configuration of its own. */
    public PahoSessionFactory() {
    }

    /**
     * Never throws for bad line input: a line whose broker addresses are unusable stays
     * DISCONNECTED with a reason naming the line and the address (and counts an error) until
     * {@link MqttSession#reconfigure} gives it usable ones.
     */
    @Override
    public MqttSession open(LineConfig line, DriverContext context, LineStatistics statistics,
            SessionListener listener, ScheduledExecutorService timer) {
        return new PahoSession(line, context, statistics, listener, timer, false);
    }

    /**
     * A session used without a driver (tests, tools): it has a timer of its own, which its
     * {@link MqttSession#stop()} ends with its other threads.
     */
    public MqttSession open(LineConfig line, DriverContext context, LineStatistics statistics,
            SessionListener listener) {
        return new PahoSession(line, context, statistics, listener, LineTimer.create(line.name()), true);
    }
}
