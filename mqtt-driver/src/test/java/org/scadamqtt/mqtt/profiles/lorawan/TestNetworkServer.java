package org.scadamqtt.mqtt.profiles.lorawan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A LoRaWAN network server for tests, on a real broker: it publishes uplinks in The Things
 * Stack v3 and LORIOT formats and records the downlinks it receives. For The Things Stack it
 * answers a push like the real Application Server: device "ghost" → down/failed (device not
 * found), "silent" → nothing, any other → down/queued after 200 ms, both carrying the push's
 * correlation ids.
 */
final class TestNetworkServer implements AutoCloseable {

    record Request(String topic, JsonNode json) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private final MqttClient client;
    private final String application;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    TestNetworkServer(String brokerUri, String application, String loriotDownlinks) throws MqttException {
        this.application = application;
        client = new MqttClient(brokerUri, "lw-ns-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        client.connect(o);
        client.subscribe("v3/" + application + "/devices/+/down/push", 1, (t, m) -> push(t, m.getPayload()));
        client.subscribe(loriotDownlinks, 1, (t, m) -> requests.add(new Request(t, mapper.readTree(m.getPayload()))));
    }

    /** A TTS uplink of {@code device} with a decoded temperature and the raw frame. */
    void ttsUplink(String device, String devEui, String receivedAt, double temperature, byte[] frame)
            throws MqttException {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode ids = root.putObject("end_device_ids");
        ids.put("device_id", device);
        ids.putObject("application_ids").put("application_id", application.split("@")[0]);
        ids.put("dev_eui", devEui);
        root.putArray("correlation_ids").add("as:up:01HX5Y2K3M4N5P6Q7R8S9T0V1W");
        root.put("received_at", "2030-01-01T00:00:00Z"); // the Application Server's time: not the uplink's
        ObjectNode up = root.putObject("uplink_message");
        up.put("f_port", 2);
        up.put("f_cnt", 17);
        up.put("frm_payload", Base64.getEncoder().encodeToString(frame));
        up.putObject("decoded_payload").put("temperature", temperature);
        var rx = up.putArray("rx_metadata");
        rx.addObject().put("rssi", -97).put("snr", 3.5).putObject("gateway_ids").put("gateway_id", "gw-roof");
        rx.addObject().put("rssi", -71).put("snr", 9.5).putObject("gateway_ids").put("gateway_id", "gw-hall");
        up.put("received_at", receivedAt);
        publish("v3/" + application + "/devices/" + device + "/up", root.toString());
    }

    void publish(String topic, String json) throws MqttException {
        client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private void push(String topic, byte[] payload) throws Exception {
        JsonNode json = mapper.readTree(payload);
        requests.add(new Request(topic, json));
        String device = topic.split("/")[3];
        JsonNode downlink = json.get("downlinks").get(0);
        String base = "v3/" + application + "/devices/" + device + "/down/";
        ObjectNode event = mapper.createObjectNode();
        event.putObject("end_device_ids").put("device_id", device);
        event.put("received_at", "2024-05-01T11:05:00.1Z");
        if (device.equals("silent")) {
            return;
        }
        if (device.equals("ghost")) {
            ObjectNode failed = event.putObject("downlink_failed");
            failed.set("downlink", downlink);
            failed.putObject("error").put("name", "device_not_found").put("message_format", "device not found");
            publish(base + "failed", event.toString());
            return;
        }
        event.set("downlink_queued", downlink);
        later.schedule(() -> {
            publish(base + "queued", event.toString());
            return null;
        }, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws MqttException {
        later.shutdownNow();
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
