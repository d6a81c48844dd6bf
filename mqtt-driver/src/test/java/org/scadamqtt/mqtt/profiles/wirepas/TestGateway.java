package org.scadamqtt.mqtt.profiles.wirepas;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.ErrorCode;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.EventHeader;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GenericMessage;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.OnOffState;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.PacketReceivedEvent;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.ResponseHeader;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SendPacketReq;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SendPacketResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.StatusEvent;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.WirepasMessage;

/**
 * A Wirepas gateway for tests, on a real broker: retained status with an OFF will, received
 * packets, and answers to send_data: destination 999 → INVALID_DEST_ADDRESS, 555 → no answer,
 * 42 → OK after 400 ms (so a later request can be answered first), others → OK at once.
 */
final class TestGateway implements AutoCloseable {

    final String id;
    final List<SendPacketReq> requests = new CopyOnWriteArrayList<>();
    private final MqttClient client;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    TestGateway(String brokerUri, String id) throws MqttException {
        this.id = id;
        client = new MqttClient(brokerUri, "wp-gw-" + id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setWill(WirepasTopic.status(id), status(OnOffState.OFF, 0), 2, true);
        client.connect(o);
        client.subscribe("gw-request/send_data/" + id + "/+", 2, (topic, m) -> answer(topic, m.getPayload()));
    }

    static byte[] status(OnOffState state, long eventId) {
        return GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setStatusEvent(StatusEvent
                .newBuilder().setHeader(EventHeader.newBuilder().setGwId("gw").setEventId(eventId)).setVersion(1)
                .setState(state))).build().toByteArray();
    }

    void status(OnOffState state) throws MqttException {
        client.publish(WirepasTopic.status(id), status(state, System.nanoTime()), 1, true);
    }

    void removeStatus() throws MqttException {
        client.publish(WirepasTopic.status(id), new byte[0], 1, true);
    }

    void packet(int node, long eventId, byte[] payload) throws MqttException {
        byte[] b = GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setPacketReceivedEvent(
                PacketReceivedEvent.newBuilder().setHeader(EventHeader.newBuilder().setGwId(id).setSinkId("sink0")
                        .setEventId(eventId)).setSourceAddress(node).setDestinationAddress(1).setSourceEndpoint(10)
                        .setDestinationEndpoint(11).setTravelTimeMs(20).setRxTimeMsEpoch(1_700_000_000_000L)
                        .setQos(1).setPayload(ByteString.copyFrom(payload)).setNetworkAddress(12345)))
                .build().toByteArray();
        client.publish("gw-event/received_data/" + id + "/sink0/12345/10/11", b, 1, false);
    }

    void raw(String topic, byte[] payload, boolean retained) throws MqttException {
        client.publish(topic, payload, 1, retained);
    }

    private void answer(String topic, byte[] payload) throws Exception {
        SendPacketReq req = GenericMessage.parseFrom(payload).getWirepas().getSendPacketReq();
        requests.add(req);
        int dst = req.getDestinationAddress();
        if (dst == 555) {
            return;
        }
        ErrorCode res = dst == 999 ? ErrorCode.INVALID_DEST_ADDRESS : ErrorCode.OK;
        byte[] resp = GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setSendPacketResp(
                SendPacketResp.newBuilder().setHeader(ResponseHeader.newBuilder().setReqId(req.getHeader().getReqId())
                        .setGwId(id).setSinkId(req.getHeader().getSinkId()).setRes(res)))).build().toByteArray();
        String to = "gw-response/send_data/" + id + "/" + req.getHeader().getSinkId();
        later.schedule(() -> {
            try {
                client.publish(to, resp, 2, false);
            } catch (MqttException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }, dst == 42 ? 400 : 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws MqttException {
        later.shutdownNow();
        client.publish(WirepasTopic.status(id), new byte[0], 1, true); // leave no retained status on the shared broker
        client.disconnect(2000);
        client.close();
    }
}
