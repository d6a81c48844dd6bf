package org.scadamqtt.host.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** What the browser tests publish to the host's broker: one message, QoS 1, by a client of its own. */
final class TestPublisher {

    private TestPublisher() {
    }

    /** Connects to {@code brokerUri}, publishes {@code payload} (UTF-8) on {@code topic}, disconnects. */
    static void publish(String brokerUri, String topic, String payload) throws MqttException {
        MqttClient publisher = new MqttClient(brokerUri, "browser-it-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setConnectionTimeout(10);
        publisher.connect(o);
        try {
            publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        } finally {
            publisher.disconnect(2000);
            publisher.close();
        }
    }
}
