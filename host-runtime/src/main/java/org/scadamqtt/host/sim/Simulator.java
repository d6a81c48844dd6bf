package org.scadamqtt.host.sim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device simulator: emulated field devices (two JSON meters that obey and acknowledge relay
 * commands, a line-2 temperature sensor, a LoRaWAN sensor behind a network server, a gateway
 * with a status/will pair, a Wirepas gateway with three nodes) publishing the traffic {@code sample-config/demo.xml} expects, to any
 * broker. It is a separate device emulation with its own MQTT client, not the
 * driver: it plays the plant side so the driver has something real to read.
 *
 * <p>Each device publishes {@code rate} times per second (default 2).
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    /** Messages per second per device unless told otherwise (demo.xml: "every second"). */
    public static final double DEFAULT_RATE = 1.0;
    private static final long WAIT_MS = 10_000;

    private final MqttAsyncClient client;
    private final List<SimulatedDevice> devices;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** The Wirepas gateway of the demo (its own connection: its will is its OFF status); null otherwise. */
    private volatile WirepasGatewaySim wirepas;
    /** The Sparkplug edge node of the demo (its own connection: its will is its NDEATH); null otherwise. */
    private volatile SparkplugEdgeSim sparkplug;
    /** Answers the demo's LoRaWAN downlinks (The Things Stack and LORIOT); null otherwise. */
    private volatile LoraNetworkServerSim lora;
    /** The Gizwits app/server and the WEGnology platform of the demo (own connections); null otherwise. */
    private volatile GizwitsAppSim gizwits;
    private volatile WegnologyPlatformSim wegnology;

    private Simulator(MqttAsyncClient client, List<SimulatedDevice> devices, Clock clock) {
        this.client = client;
        this.devices = devices;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator");
            t.setDaemon(true);
            return t;
        });
    }

    /** The devices of {@code sample-config/demo.xml}. */
    public static List<SimulatedDevice> demoDevices() {
        Instant now = Instant.now();
        return List.of(new MeterDevice("meter1", 1, now), new MeterDevice("meter2", 2, now),
                new TemperatureSensor("oven1", 3), new GatewayDevice(now),
                new LoraSensorDevice("eui-70b3d57ed0000001", "70B3D57ED0000001", 4), new LoriotMeterDevice(5));
    }

    /**
     * Connects to {@code brokerUri} and starts publishing for the demo devices.
     *
     * @param brokerUri e.g. {@code tcp://127.0.0.1:1883}
     * @param rate      messages per second per device, more than 0 and at most 1000
     * @throws SimulatorException when the broker cannot be reached
     */
    public static Simulator start(String brokerUri, double rate) throws SimulatorException {
        Simulator sim = start(brokerUri, rate, demoDevices(), Clock.systemUTC());
        try {
            sim.wirepas = WirepasGatewaySim.start(brokerUri, sim.clock);
            sim.sparkplug = SparkplugEdgeSim.start(brokerUri, sim.clock);
            sim.lora = LoraNetworkServerSim.start(brokerUri, sim.clock);
            sim.gizwits = GizwitsAppSim.start(brokerUri);
            sim.wegnology = WegnologyPlatformSim.start(brokerUri, sim.clock);
        } catch (SimulatorException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    /** Connects and starts publishing for the given devices. */
    public static Simulator start(String brokerUri, double rate, List<SimulatedDevice> devices, Clock clock)
            throws SimulatorException {
        if (!(rate > 0 && rate <= 1000)) {
            throw new SimulatorException("rate " + rate + " per second is out of range; give more than 0 and at most 1000");
        }
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(brokerUri, "scada-sim-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new SimulatorException("broker address '" + brokerUri + "' is not usable: " + e.getMessage(), e);
        }
        Simulator sim = new Simulator(client, List.copyOf(devices), clock);
        sim.connect(brokerUri);
        long periodMicros = Math.max(1000, Math.round(1_000_000 / rate));
        sim.timer.scheduleAtFixedRate(sim::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
        LOG.info("simulator publishing to {} for {} devices, {} messages/s each", brokerUri, devices.size(), rate);
        return sim;
    }

    private void connect(String brokerUri) throws SimulatorException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(1000);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // status/will pair: the gateway's status is published by GatewayDevice; if this
        // connection drops, the broker publishes the will on the same topic
        options.setWill(DemoTopics.GATEWAY_STATUS, DemoTopics.GATEWAY_WILL.getBytes(StandardCharsets.UTF_8), 1, true);
        try {
            client.connect(options).waitForCompletion(WAIT_MS);
            client.subscribe(DemoTopics.COMMANDS, 1, this::commandArrived).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            closeClient();
            throw new SimulatorException("the simulator cannot connect to broker " + brokerUri + ": " + e.getMessage()
                    + " (is the broker running and the address right?)", e);
        }
    }

    // runs on Paho's callback thread: hand over to the timer thread, never block or throw here
    private void commandArrived(String topic, MqttMessage message) {
        String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
        try {
            timer.execute(() -> answer(topic, payload));
        } catch (RuntimeException e) {
            LOG.debug("simulator stopping; command on {} not answered", topic);
        }
    }

    // runs on the simulator timer thread: the addressed device answers, or a "no such device" ack
    private void answer(String topic, String payload) {
        LOG.info("simulator received command on {}: {}", topic, payload);
        for (SimulatedDevice d : devices) {
            try {
                var reply = d.onCommand(topic, payload, clock.instant());
                if (reply.isPresent()) {
                    send(reply.get());
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn("simulated device '{}' failed on a command: {}", d.name(), e.toString());
            }
        }
        String escaped = payload.replace("\\", "\\\\").replace("\"", "\\\"");
        send(SimMessage.text(DemoTopics.ackTopic(topic), "{\"accepted\":false,\"command\":\"" + escaped
                + "\",\"error\":\"no simulated device at this topic\"}", 1, false));
    }

    // runs on the simulator timer thread
    private void tick() {
        WirepasGatewaySim w = wirepas;
        if (w != null) {
            try {
                w.tick();
            } catch (RuntimeException e) {
                LOG.warn("simulated Wirepas gateway failed: {}", e.toString());
            }
        }
        SparkplugEdgeSim sp = sparkplug;
        if (sp != null) {
            try {
                sp.tick();
            } catch (RuntimeException e) {
                LOG.warn("simulated Sparkplug edge node failed: {}", e.toString());
            }
        }
        for (SimulatedDevice d : devices) {
            try {
                d.tick(clock.instant()).forEach(this::send);
            } catch (RuntimeException e) {
                LOG.warn("simulated device '{}' failed: {}", d.name(), e.toString());
            }
        }
    }

    private void send(SimMessage m) {
        if (!client.isConnected()) {
            failed.incrementAndGet();
            return;
        }
        try {
            MqttMessage msg = new MqttMessage(m.payload());
            msg.setQos(m.qos());
            msg.setRetained(m.retained());
            client.publish(m.topic(), msg);
            published.incrementAndGet();
        } catch (MqttException e) {
            long n = failed.incrementAndGet();
            if (n == 1 || n % 100 == 0) {
                LOG.warn("simulator could not publish on {} ({} failures so far): {}", m.topic(), n, e.getMessage());
            }
        }
    }

    /**
     * The simulated Wirepas gateway loses its connection without DISCONNECT: the broker publishes
     * its will (OFF), so the demo's WP_GATEWAY and node stations go to StHARDERR. The rest of the
     * simulator goes on.
     *
     * @return false when this simulator has no Wirepas gateway
     */
    public boolean crashWirepasGateway() {
        WirepasGatewaySim w = wirepas;
        if (w == null) {
            return false;
        }
        w.crash();
        return true;
    }

    /** Messages published so far. */
    public long published() {
        return published.get();
    }

    /** Messages that could not be published (not connected, client queue full). */
    public long failed() {
        return failed.get();
    }

    /** Stops publishing, marks the gateway offline (its will payload) and disconnects. */
    @Override
    public void close() {
        timer.shutdownNow();
        WirepasGatewaySim w = wirepas;
        if (w != null) {
            w.close();
        }
        SparkplugEdgeSim sp = sparkplug;
        if (sp != null) {
            sp.close();
        }
        if (lora != null) {
            lora.close();
        }
        for (AutoCloseable other : new AutoCloseable[] {gizwits, wegnology}) {
            try {
                if (other != null) {
                    other.close();
                }
            } catch (Exception e) {
                LOG.debug("simulator close: {}", e.toString());
            }
        }
        try {
            if (client.isConnected()) {
                client.publish(DemoTopics.GATEWAY_STATUS, DemoTopics.GATEWAY_WILL.getBytes(StandardCharsets.UTF_8), 1,
                        true).waitForCompletion(2_000);
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.debug("simulator disconnect: {}", e.getMessage());
        }
        closeClient();
    }

    private void closeClient() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("simulator close: {}", e.getMessage());
        }
    }
}
