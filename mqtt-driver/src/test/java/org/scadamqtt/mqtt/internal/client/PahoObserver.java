package org.scadamqtt.mqtt.internal.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A bare Paho client on the other side of the broker: publishes test messages and watches topics. */
final class PahoObserver implements AutoCloseable {

    record Received(String topic, String payload, int qos, boolean retained) {
    }

    private final MqttAsyncClient client;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    PahoObserver(String uri, String clientId) throws MqttException {
        client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.getQos(), message.isRetained()));
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setMaxInflight(1000);
        o.setSocketFactory(new NoDelaySocketFactory());
        client.connect(o).waitForCompletion(5000);
    }

    PahoObserver subscribe(String filter, int qos) throws MqttException {
        client.subscribe(filter, qos).waitForCompletion(5000);
        return this;
    }

    void publish(String topic, String payload, int qos) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false).waitForCompletion(5000);
    }

    Received next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            client.disconnect().waitForCompletion(2000);
        } catch (MqttException e) {
            // ignore
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // ignore
        }
    }
}
