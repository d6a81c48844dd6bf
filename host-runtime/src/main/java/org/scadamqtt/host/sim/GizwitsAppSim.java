package org.scadamqtt.host.sim;

import java.io.ByteArrayOutputStream;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gizwits app and server of line GIZWITS of demo.xml (the line itself is the device
 * {@link DemoTopics#GIZWITS_DID}). Every 2 s: the online app count (0x0210, short form; every
 * third time the document's long form), a business message 0x0090 whose P0 is action 01, a power
 * bit and a set point, and every fifth time a 0x0093 with a fresh SN, which the line acknowledges
 * by itself. The device's own 0x0093 (GZ_ALARM) is answered with 0x0094 and its SN. Frames are
 * encoded here (the host does not import the driver).
 */
public final class GizwitsAppSim implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GizwitsAppSim.class);
    private static final long WAIT_MS = 10_000;
    /** The app's MQTT client id, the AppClientId the line answers to. */
    public static final String APP = "demo-app";

    private final MqttAsyncClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-gizwits");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong sn = new AtomicLong(1000);
    private final String did = DemoTopics.GIZWITS_DID;

    private GizwitsAppSim(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects, subscribes to what the device publishes and starts the 2 s cycle. */
    public static GizwitsAppSim start(String brokerUri) throws SimulatorException {
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(brokerUri, APP + "-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new SimulatorException("broker address '" + brokerUri + "' is not usable: " + e.getMessage(), e);
        }
        GizwitsAppSim sim = new GizwitsAppSim(c);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        try {
            c.connect(o).waitForCompletion(WAIT_MS);
            c.subscribe("dev2app/" + sim.did + "/#", 0, (topic, m) -> sim.fromDevice(m.getPayload()))
                    .waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            sim.close();
            throw new SimulatorException("the Gizwits app simulator cannot connect to broker " + brokerUri + ": "
                    + e.getMessage(), e);
        }
        sim.timer.scheduleAtFixedRate(sim::tick, 500, 2000, TimeUnit.MILLISECONDS);
        return sim;
    }

    private void tick() {
        long n = ticks.incrementAndGet();
        int apps = (int) (1 + n % 3);
        byte[] count = n % 3 == 0 ? frame(0x0210, -1, new byte[] {0, (byte) apps})
                : shortFrame(0x0210, new byte[] {0, (byte) apps});
        publish("ser2cli_res/" + did, count);
        int setpoint = 200 + (int) (n % 50);
        byte[] p0 = {0x01, (byte) (n % 2), (byte) (setpoint >> 8), (byte) setpoint};
        publish("app2dev/" + did + "/" + APP, n % 5 == 0 ? frame(0x0093, sn.incrementAndGet(), p0)
                : frame(0x0090, -1, p0));
    }

    private void fromDevice(byte[] f) {
        // 00 00 00 03 | len | flag | 00 93 | SN: answer with 0x0094 and the SN
        if (f.length >= 12 && f[3] == 3 && (f[4] & 0x80) == 0 && f[6] == 0 && (f[7] & 0xff) == 0x93) {
            long s = (f[8] & 0xffL) << 24 | (f[9] & 0xff) << 16 | (f[10] & 0xff) << 8 | (f[11] & 0xff);
            publish("app2dev/" + did + "/" + APP, frame(0x0094, s, new byte[0]));
        }
    }

    private void publish(String topic, byte[] payload) {
        try {
            if (client.isConnected()) {
                client.publish(topic, payload, 0, false);
            }
        } catch (MqttException e) {
            LOG.debug("Gizwits simulator could not publish on {}: {}", topic, e.getMessage());
        }
    }

    /** A long-form frame: header, length (MQTT remaining-length encoding), flag 0, command, [SN], data. */
    static byte[] frame(int command, long sn, byte[] data) {
        int len = 3 + (sn >= 0 ? 4 : 0) + data.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 3});
        do {
            int digit = len & 0x7f;
            len >>>= 7;
            out.write(len > 0 ? digit | 0x80 : digit);
        } while (len > 0);
        out.write(0);
        out.write(command >> 8);
        out.write(command);
        if (sn >= 0) {
            out.write((int) (sn >>> 24));
            out.write((int) (sn >>> 16));
            out.write((int) (sn >>> 8));
            out.write((int) sn);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** The short form real servers send: header, command, data. */
    static byte[] shortFrame(int command, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 3, (byte) (command >> 8), (byte) command});
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Gizwits simulator close: {}", e.getMessage());
        }
    }
}
