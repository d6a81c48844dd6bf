package org.scadamqtt.mqtt.profiles.sparkplug;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Metric;

/**
 * A Sparkplug edge node for tests, on a real broker: NDEATH with its bdSeq as will, births, data
 * by alias with the sequence number it chooses, and every NCMD/DCMD it receives recorded.
 */
final class TestEdgeNode implements AutoCloseable {

    record Command(String topic, Payload payload) {
    }

    final String group;
    final String node;
    final List<Command> commands = new CopyOnWriteArrayList<>();
    private final MqttClient client;
    private final long bdSeq;

    TestEdgeNode(String brokerUri, String group, String node, long bdSeq) throws MqttException {
        this.group = group;
        this.node = node;
        this.bdSeq = bdSeq;
        client = new MqttClient(brokerUri, "sp-edge-" + group + "-" + node, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setWill(topic("NDEATH", ""), death(bdSeq), 1, false);
        client.connect(o);
        client.subscribe("spBv1.0/" + group + "/NCMD/" + node, 1,
                (t, m) -> commands.add(new Command(t, Payload.parseFrom(m.getPayload()))));
        client.subscribe("spBv1.0/" + group + "/DCMD/" + node + "/+", 1,
                (t, m) -> commands.add(new Command(t, Payload.parseFrom(m.getPayload()))));
    }

    String topic(String type, String device) {
        return "spBv1.0/" + group + "/" + type + "/" + node + (device.isEmpty() ? "" : "/" + device);
    }

    static byte[] death(long bdSeq) {
        return Payload.newBuilder().setTimestamp(Sp.T0).addMetrics(Sp.bdSeq(bdSeq)).build().toByteArray();
    }

    void nbirth(Metric... metrics) throws MqttException {
        Payload.Builder p = Sp.payload(0, Sp.bdSeq(bdSeq), Sp.metric(Commands.REBIRTH, 0, DataTypes.BOOLEAN)
                .setBooleanValue(false).build());
        for (Metric m : metrics) {
            p.addMetrics(m);
        }
        send("NBIRTH", "", p.build());
    }

    void send(String type, String device, Payload p) throws MqttException {
        client.publish(topic(type, device), p.toByteArray(), 0, false);
    }

    void raw(String type, String device, byte[] bytes) throws MqttException {
        client.publish(topic(type, device), bytes, 0, false);
    }

    void ndeath(long bd) throws MqttException {
        client.publish(topic("NDEATH", ""), death(bd), 1, false);
    }

    long rebirthRequests() {
        return commands.stream().filter(c -> c.topic().contains("/NCMD/") && c.payload().getMetricsList().stream()
                .anyMatch(m -> Commands.REBIRTH.equals(m.getName()) && m.getBooleanValue())).count();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect(2000);
        client.close();
    }
}
