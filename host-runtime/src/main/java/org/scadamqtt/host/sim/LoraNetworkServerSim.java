package org.scadamqtt.host.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The downlink side of the demo's two LoRaWAN network servers, on its own connection: a push to
 * The Things Stack ({@code v3/demo-app@ttn/devices/<device>/down/push}) is answered with
 * {@code down/queued} and {@code down/sent} events carrying the push's correlation ids (so the
 * write of line TTN completes), a LORIOT {@code {"cmd":"tx",…}} on {@link LoriotMeterDevice#DOWNLINKS}
 * with LORIOT's answer and a {@code txd} on {@link LoriotMeterDevice#UPLINKS}.
 */
public final class LoraNetworkServerSim implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoraNetworkServerSim.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_MS = 10_000;

    private final MqttAsyncClient client;
    private final Clock clock;

    private LoraNetworkServerSim(MqttAsyncClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Connects and subscribes to both servers' downlink topics. */
    public static LoraNetworkServerSim start(String brokerUri, Clock clock) throws SimulatorException {
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(brokerUri, "scada-sim-lora-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new SimulatorException("broker address '" + brokerUri + "' is not usable: " + e.getMessage(), e);
        }
        LoraNetworkServerSim sim = new LoraNetworkServerSim(c, clock);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        try {
            c.connect(o).waitForCompletion(WAIT_MS);
            c.subscribe(new String[] {DemoTopics.LORA_PREFIX + "+/down/push", LoriotMeterDevice.DOWNLINKS},
                    new int[] {0, 0}, null, null, new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
                        (topic, m) -> sim.send(sim.tts(topic, m.getPayload())),
                        (topic, m) -> sim.send(sim.loriot(m.getPayload()))}).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            sim.close();
            throw new SimulatorException("the LoRaWAN network server simulator cannot connect to broker " + brokerUri
                    + ": " + e.getMessage(), e);
        }
        return sim;
    }

    /** The Things Stack's events for one push: queued, then sent, each repeating the downlink. */
    List<SimMessage> tts(String topic, byte[] payload) {
        JsonNode push = read(payload);
        JsonNode downlinks = push == null ? null : push.get("downlinks");
        if (downlinks == null || !downlinks.isArray() || downlinks.isEmpty()) {
            LOG.info("LoRaWAN simulator: a push on {} without downlinks was ignored", topic);
            return List.of();
        }
        String base = topic.substring(0, topic.length() - "push".length());
        String device = topic.substring(DemoTopics.LORA_PREFIX.length(), topic.indexOf('/', DemoTopics.LORA_PREFIX.length()));
        return List.of(ttsEvent(base + "queued", device, "downlink_queued", downlinks.get(0)),
                ttsEvent(base + "sent", device, "downlink_sent", downlinks.get(0)));
    }

    private SimMessage ttsEvent(String topic, String device, String field, JsonNode downlink) {
        ObjectNode e = JSON.createObjectNode();
        ObjectNode ids = e.putObject("end_device_ids");
        ids.put("device_id", device);
        ids.putObject("application_ids").put("application_id", "demo-app");
        e.putArray("correlation_ids").add("as:downlink:" + UUID.randomUUID());
        e.put("received_at", clock.instant().toString());
        e.set(field, downlink);
        return SimMessage.text(topic, e.toString(), 0, false);
    }

    /** LORIOT's answer to a tx, then its txd (the downlink went out). */
    List<SimMessage> loriot(byte[] payload) {
        JsonNode tx = read(payload);
        if (tx == null || !"tx".equals(tx.path("cmd").asText()) || !tx.path("EUI").isTextual()) {
            return List.of();
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("cmd", "tx");
        answer.put("EUI", tx.get("EUI").asText());
        answer.put("success", "Data enqueued");
        answer.set("data", tx.get("data"));
        ObjectNode txd = JSON.createObjectNode();
        txd.put("cmd", "txd");
        txd.put("EUI", tx.get("EUI").asText());
        txd.put("seqdn", 1);
        txd.put("seqq", 0);
        txd.put("ts", clock.millis());
        return List.of(SimMessage.text(LoriotMeterDevice.UPLINKS, answer.toString(), 0, false),
                SimMessage.text(LoriotMeterDevice.UPLINKS, txd.toString(), 0, false));
    }

    private static JsonNode read(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }

    // Paho's callback thread: hand the messages to Paho, never block or throw
    private void send(List<SimMessage> messages) {
        for (SimMessage m : messages) {
            if (!client.isConnected()) {
                return;
            }
            try {
                MqttMessage msg = new MqttMessage(m.payload());
                msg.setQos(m.qos());
                client.publish(m.topic(), msg);
            } catch (MqttException e) {
                LOG.debug("LoRaWAN simulator could not publish on {}: {}", m.topic(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.debug("LoRaWAN simulator disconnect: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("LoRaWAN simulator close: {}", e.getMessage());
        }
    }
}
