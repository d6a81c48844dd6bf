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
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GatewayInfo;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GenericMessage;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GetConfigsResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GetGwInfoResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.OnOffState;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.PacketReceivedEvent;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.ResponseHeader;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SendPacketReq;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SendPacketResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SetConfigResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SinkReadConfig;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.StatusEvent;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.WirepasMessage;

/**
 * A Wirepas gateway for tests, on a real broker: retained status with an OFF will, received
 * packets, and answers to send_data: destination 999 → INVALID_DEST_ADDRESS, 555 → no answer,
 * 42 → OK after 400 ms (so a later request can be answered first), others → OK at once.
 * Like a real gateway it takes the gateway-wide requests only on their own topics,
 * {@code gw-request/get_configs/<gw-id>} and {@code gw-request/get_gw_info/<gw-id>} (no sink
 * level), and answers on {@code gw-response/get_configs/<gw-id>} and
 * {@code gw-response/get_gw_info/<gw-id>}.
 */
final class TestGateway implements AutoCloseable {

    final String id;
    final List<SendPacketReq> requests = new CopyOnWriteArrayList<>();
    /** The topics of the get_configs and get_gw_info requests it took. */
    final List<String> gatewayRequests = new CopyOnWriteArrayList<>();
    /** The network address its sink0 reports in get_configs answers. */
    volatile long network = 12345;
    private final String brokerUri;
    private final MqttClient client;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    TestGateway(String brokerUri, String id) throws MqttException {
        this.id = id;
        this.brokerUri = brokerUri;
        client = new MqttClient(brokerUri, "wp-gw-" + id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setWill(WirepasTopic.status(id), status(OnOffState.OFF, 0), 2, true);
        client.connect(o);
        client.subscribe("gw-request/send_data/" + id + "/+", 2, (topic, m) -> answer(topic, m.getPayload()));
        client.subscribe("gw-request/get_configs/" + id, 2, (topic, m) -> {
            gatewayRequests.add(topic);
            long reqId = GenericMessage.parseFrom(m.getPayload()).getWirepas().getGetConfigsReq().getHeader().getReqId();
            later.execute(() -> publish("gw-response/get_configs/" + id, configs(reqId)));
        });
        client.subscribe("gw-request/get_gw_info/" + id, 2, (topic, m) -> {
            gatewayRequests.add(topic);
            long reqId = GenericMessage.parseFrom(m.getPayload()).getWirepas().getGetGatewayInfoReq().getHeader().getReqId();
            byte[] resp = GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setGetGatewayInfoResp(
                    GetGwInfoResp.newBuilder().setHeader(ResponseHeader.newBuilder().setReqId(reqId).setGwId(id)
                            .setRes(ErrorCode.OK)).setInfo(GatewayInfo.newBuilder().setCurrentTimeSEpoch(1_700_000_000L)
                            .setGwModel("test-gw").setGwVersion("1.2.3")))).build().toByteArray();
            later.execute(() -> publish("gw-response/get_gw_info/" + id, resp));
        });
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

    /** Publishes its sinks' configuration unasked (req_id 0), as a gateway does when it changed. */
    void configsChanged() throws MqttException {
        client.publish("gw-response/get_configs/" + id, configs(0), 2, false);
    }

    /** Publishes the set_config answer of sink0 unasked (req_id 0): its network address changed. */
    void sinkConfigSet() throws MqttException {
        byte[] b = GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setSetConfigResp(
                SetConfigResp.newBuilder().setHeader(ResponseHeader.newBuilder().setReqId(0).setGwId(id)
                        .setSinkId("sink0").setRes(ErrorCode.OK)).setConfig(SinkReadConfig.newBuilder()
                        .setSinkId("sink0").setNetworkAddress(network).setNetworkChannel(5)
                        .setSinkState(OnOffState.ON)))).build().toByteArray();
        client.publish("gw-response/set_config/" + id + "/sink0", b, 2, false);
    }

    private byte[] configs(long reqId) {
        return GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setGetConfigsResp(
                GetConfigsResp.newBuilder().setHeader(ResponseHeader.newBuilder().setReqId(reqId).setGwId(id)
                        .setRes(ErrorCode.OK)).addConfigs(SinkReadConfig.newBuilder().setSinkId("sink0")
                        .setNetworkAddress(network).setNetworkChannel(5).setSinkState(OnOffState.ON))))
                .build().toByteArray();
    }

    private void publish(String topic, byte[] payload) {
        try {
            client.publish(topic, payload, 2, false);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
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

    /** Drops its connection without DISCONNECT, as a gateway losing power does: the broker publishes its will (OFF). */
    void crash() throws MqttException {
        client.disconnectForcibly(0, 0, false);
    }

    @Override
    public void close() throws MqttException {
        later.shutdownNow();
        // leave no retained status on the shared broker
        if (client.isConnected()) {
            client.publish(WirepasTopic.status(id), new byte[0], 1, true);
            client.disconnect(2000);
        } else {
            MqttClient cleaner = new MqttClient(brokerUri, "wp-gw-clean-" + id, new MemoryPersistence());
            cleaner.connect();
            cleaner.publish(WirepasTopic.status(id), new byte[0], 1, true);
            cleaner.disconnect(2000);
            cleaner.close();
        }
        client.close();
    }
}
