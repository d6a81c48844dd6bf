package org.scadamqtt.mqtt.internal.client;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttToken;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPingReq;

/**
 * Paho's async client plus one thing it lacks: sending a PINGREQ on demand. MQTT keep-alive
 * pings only when nothing was <em>sent</em> for the keep-alive period, and not at all with Keep
 * Alive 0; the D2000 Ping Interval pings when nothing <em>arrived</em>. Uses the protected
 * {@code comms} field; PINGRESP is seen as inbound bytes by {@link InboundActivity}.
 */
final class PahoClient extends MqttAsyncClient {

    PahoClient(String serverUri, String clientId, MqttClientPersistence persistence, LineScheduler tasks)
            throws MqttException {
        // keep-alive checks on the line's timer and threads: no "MQTT Ping" Timer thread to leak
        super(serverUri, clientId, persistence, new LinePingSender(tasks), null);
    }

    /** Queues a PINGREQ (returns at once). */
    void sendPing() throws MqttException {
        comms.sendNoWait(new MqttPingReq(), new MqttToken(getClientId()));
    }
}
