package org.scadamqtt.host.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class EmbeddedBrokerIT {

    @Test
    void pahoClientsPublishAndSubscribeThroughTheEmbeddedBroker() throws Exception {
        int port = EmbeddedBroker.freePort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(port)) {
            assertEquals(port, broker.port());
            assertEquals("tcp://127.0.0.1:" + port, broker.uri());

            // a requested port that is now taken is refused with a sentence naming it
            BrokerException taken = assertThrows(BrokerException.class, () -> EmbeddedBroker.start(port));
            assertTrue(taken.getMessage().contains(String.valueOf(port)), taken.getMessage());

            MqttAsyncClient sub = new MqttAsyncClient(broker.uri(), "it-sub", new MemoryPersistence());
            MqttAsyncClient pub = new MqttAsyncClient(broker.uri(), "it-pub", new MemoryPersistence());
            try {
                MqttConnectOptions o = new MqttConnectOptions();
                o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
                sub.connect(o).waitForCompletion(10_000);
                pub.connect(o).waitForCompletion(10_000);
                CompletableFuture<String> got = new CompletableFuture<>();
                sub.subscribe("it/#", 1, (topic, msg) ->
                        got.complete(topic + " " + new String(msg.getPayload(), StandardCharsets.UTF_8)))
                        .waitForCompletion(10_000);
                pub.publish("it/hello", "world".getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(10_000);
                assertEquals("it/hello world", got.get(10, TimeUnit.SECONDS));
            } finally {
                pub.disconnect().waitForCompletion(5_000);
                sub.disconnect().waitForCompletion(5_000);
                pub.close();
                sub.close();
            }
        }
        // the port is released after close
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, s.getLocalPort());
        }
    }
}
