package org.scadamqtt.mqtt.profiles.gizwits;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.scadamqtt.mqtt.profile.Decoded;

/**
 * A Gizwits app and server for tests, on a real broker: sees what the device (the driver's line)
 * publishes on dev2app/DID/#, answers its 0x0093 with 0x0094 unless told not to, sends frames.
 */
final class TestGizwitsApp implements AutoCloseable {

    /** One frame the device published. */
    record Seen(String topic, Decoded frame) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    volatile boolean answer = true;
    private final String did;
    private final String appId;
    private final MqttClient client;

    TestGizwitsApp(String brokerUri, String did, String appId) throws MqttException {
        this.did = did;
        this.appId = appId;
        client = new MqttClient(brokerUri, appId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        client.connect(o);
        client.subscribe("dev2app/" + did + "/#", 1, (topic, m) -> arrived(topic, m.getPayload()));
    }

    private void arrived(String topic, byte[] payload) throws MqttException {
        Decoded d = GizwitsCodec.decode(payload);
        seen.add(new Seen(topic, d));
        if (!d.failed() && answer && d.document().get("command").asInt() == GizwitsCommands.BUSINESS_ACK_REQUEST) {
            toDevice(GizwitsCodec.frame(GizwitsCommands.ACK, d.document().get("sn").longValue(), new byte[0]));
        }
    }

    /** Publishes on app2dev/DID/appId, as the server forwards an app's message. */
    void toDevice(byte[] frame) throws MqttException {
        client.publish("app2dev/" + did + "/" + appId, frame, 1, false);
    }

    /** Publishes on ser2cli_res/DID, as the server answers the device. */
    void fromServer(byte[] frame) throws MqttException {
        client.publish("ser2cli_res/" + did, frame, 1, false);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect(2000);
        client.close();
    }
}
