package org.scadamqtt.host.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.scadamqtt.host.HostRuntime;

/** What the browser tests publish to the host's broker: one message, QoS 1, by a client of its own; the line probe. */
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

    /**
     * Publishes {@code {"text": "probe"}} on plant/probe until the host's tag PROBE_TEXT shows it
     * (at most 30 s): from then on the line's subscription is in place. The host's configuration
     * needs that station (address plant/probe) and tag (JA=text).
     */
    static void awaitProbe(HostRuntime host) {
        ConsolePage.waitFor(Duration.ofSeconds(30), "a probe message through the line", () -> {
            try {
                publish(host.broker().uri(), "plant/probe", "{\"text\": \"probe\"}");
                Thread.sleep(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return host.table().tag("PROBE_TEXT").map(t -> t.value() != null && "probe".equals(t.value().value()))
                    .orElse(false);
        });
    }
}
