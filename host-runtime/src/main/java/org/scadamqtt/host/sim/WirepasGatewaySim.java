package org.scadamqtt.host.sim;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Wirepas gateway ({@link DemoTopics#WIREPAS_GATEWAY}) with nodes 101, 102 and 103,
 * for line WIREPAS of demo.xml. It has its own MQTT connection because a real gateway's will is
 * its OFF status: killing the simulator makes the broker publish it (retained), and the gateway
 * and node stations go to StHARDERR. It publishes ON (retained) on connect, one packet per node
 * each tick (a temperature in 0.01 °C as i16 big-endian), and answers send_data (OK for its
 * nodes and broadcast, INVALID_DEST_ADDRESS for any other address), get_configs and get_gw_info
 * (both gateway-wide: {@code gw-request/get_configs/<gw-id>}, answered on
 * {@code gw-response/get_configs/<gw-id>}; the same for get_gw_info).
 */
public final class WirepasGatewaySim implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WirepasGatewaySim.class);
    private static final String SINK = "sink0";
    private static final long NETWORK = 12345;
    private static final long BROADCAST = 0xFFFF_FFFFL;
    /** The simulated nodes. */
    public static final Set<Integer> NODES = Set.of(101, 102, 103);
    private static final long WAIT_MS = 10_000;
    static final String MODEL = "scada-sim";
    static final String VERSION = "1.0";

    private final MqttAsyncClient client;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ticks = new AtomicLong();
    private final String gw = DemoTopics.WIREPAS_GATEWAY;

    private WirepasGatewaySim(MqttAsyncClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Connects (will = OFF status), publishes ON and subscribes to its requests. */
    public static WirepasGatewaySim start(String brokerUri, Clock clock) throws SimulatorException {
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(brokerUri, "scada-sim-wirepas-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new SimulatorException("broker address '" + brokerUri + "' is not usable: " + e.getMessage(), e);
        }
        WirepasGatewaySim sim = new WirepasGatewaySim(c, clock);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setKeepAliveInterval(60);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setWill(DemoTopics.wirepasStatus(sim.gw), sim.status(WirepasWire.OFF), 2, true);
        try {
            c.connect(o).waitForCompletion(WAIT_MS);
            // the topics a real gateway takes requests on: send_data per sink, get_configs and get_gw_info for the
            // whole gateway (no sink level: a request published with one is not answered, as by a real gateway)
            IMqttMessageListener answer = (topic, m) -> sim.answer(m.getPayload());
            c.subscribe(new String[] {"gw-request/send_data/" + sim.gw + "/+", "gw-request/get_configs/" + sim.gw,
                    "gw-request/get_gw_info/" + sim.gw}, new int[] {2, 2, 2},
                    new IMqttMessageListener[] {answer, answer, answer}).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            sim.close();
            throw new SimulatorException("the Wirepas gateway simulator cannot connect to broker " + brokerUri + ": "
                    + e.getMessage(), e);
        }
        sim.publish(DemoTopics.wirepasStatus(sim.gw), sim.status(WirepasWire.ON), 1, true);
        return sim;
    }

    byte[] status(int state) {
        long now = clock.millis();
        return WirepasWire.generic(1, new WirepasWire.Message()
                .message(1, WirepasWire.eventHeader(gw, null, random.nextLong(), now))
                .varint(2, 1).varint(3, state).text(5, MODEL).text(6, VERSION));
    }

    /** One packet from each node; runs on the simulator's timer thread. */
    public void tick() {
        long n = ticks.getAndIncrement();
        long now = clock.millis();
        for (int node : NODES) {
            int centi = 2000 + node * 10 + (int) (n % 20) * 5;
            byte[] data = {(byte) (centi >> 8), (byte) centi};
            byte[] b = WirepasWire.generic(8, new WirepasWire.Message()
                    .message(1, WirepasWire.eventHeader(gw, SINK, random.nextLong(), now))
                    .varint(2, node).varint(3, 1).varint(4, 10).varint(5, 10).varint(6, 15 + node % 7)
                    .varint(7, now).varint(8, 1).bytes(9, data).varint(11, 1 + node % 3).varint(12, NETWORK));
            publish("gw-event/received_data/" + gw + "/" + SINK + "/" + NETWORK + "/10/10", b, 1, false);
        }
    }

    // Paho's callback thread: build the answer and hand it to Paho; never block or throw
    private void answer(byte[] payload) {
        WirepasWire.Request r = WirepasWire.request(payload);
        if (r == null) {
            LOG.info("Wirepas gateway simulator: a request it cannot read was ignored");
            return;
        }
        switch (r.wirepasField()) {
            case 6 -> {
                boolean known = NODES.contains((int) r.destination()) || r.destination() == BROADCAST;
                int res = known ? WirepasWire.OK : WirepasWire.INVALID_DEST_ADDRESS;
                publish("gw-response/send_data/" + gw + "/" + r.sink(), WirepasWire.generic(7, new WirepasWire.Message()
                        .message(1, WirepasWire.responseHeader(r.reqId(), gw, r.sink(), res))), 2, false);
            }
            case 2 -> publish("gw-response/get_configs/" + gw, WirepasWire.generic(3, new WirepasWire.Message()
                    .message(1, WirepasWire.responseHeader(r.reqId(), gw, null, WirepasWire.OK))
                    .message(2, new WirepasWire.Message().text(1, SINK).varint(3, 1).varint(4, NETWORK).varint(5, 5)
                            .varint(17, WirepasWire.ON))), 2, false);
            case 15 -> publish("gw-response/get_gw_info/" + gw, WirepasWire.generic(16, new WirepasWire.Message()
                    .message(1, WirepasWire.responseHeader(r.reqId(), gw, null, WirepasWire.OK))
                    .message(2, new WirepasWire.Message().varint(1, clock.millis() / 1000).text(2, MODEL)
                            .text(3, VERSION).varint(4, 1))), 2, false);
            default -> LOG.info("Wirepas gateway simulator: request {} is not simulated", r.wirepasField());
        }
    }

    private void publish(String topic, byte[] payload, int qos, boolean retained) {
        if (!client.isConnected()) {
            return;
        }
        try {
            MqttMessage m = new MqttMessage(payload);
            m.setQos(qos);
            m.setRetained(retained);
            client.publish(topic, m);
        } catch (MqttException e) {
            LOG.debug("Wirepas gateway simulator could not publish on {}: {}", topic, e.getMessage());
        }
    }

    /**
     * Drops the connection without DISCONNECT, as a gateway that loses power or its network: the
     * broker then publishes the will, the retained OFF status. The gateway stays silent afterwards
     * (no reconnect, no packets).
     */
    public void crash() {
        try {
            client.disconnectForcibly(0, 1_000, false);
        } catch (MqttException e) {
            LOG.debug("Wirepas gateway simulator crash: {}", e.getMessage());
        }
    }

    /** Publishes OFF (as the will would) and disconnects. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.publish(DemoTopics.wirepasStatus(gw), status(WirepasWire.OFF), 1, true).waitForCompletion(2_000);
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.debug("Wirepas gateway simulator disconnect: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Wirepas gateway simulator close: {}", e.getMessage());
        }
    }
}
