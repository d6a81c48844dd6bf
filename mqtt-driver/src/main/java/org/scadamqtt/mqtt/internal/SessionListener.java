package org.scadamqtt.mqtt.internal;

import org.scadamqtt.driver.LineStatus;

/** What a session tells the driver. */
public interface SessionListener {

    /**
     * A message arrived. Runs on the MQTT client's callback thread: must return at once, must
     * not block and must not throw.
     */
    void messageArrived(InboundMessage message);

    /** The connection state changed (connecting, connected to which broker, disconnected why). */
    void statusChanged(LineStatus status);
}
