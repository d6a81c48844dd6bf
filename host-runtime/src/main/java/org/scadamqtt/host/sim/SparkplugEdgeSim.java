package org.scadamqtt.host.sim;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Sparkplug B edge node {@code Demo/SimEdge} with devices {@code Pump1} and
 * {@code Valve1}, for line SPARKPLUG of demo.xml. Its own MQTT connection carries its NDEATH
 * (bdSeq) as will. It publishes NBIRTH and DBIRTHs, then data by alias each tick; every 40th tick
 * it skips a sequence number (the host must ask for a rebirth), every 60th tick Valve1 dies
 * (DDEATH) and is born again 5 ticks later. It answers a Rebirth request with a new birth
 * sequence and applies NCMD/DCMD writes to Pump1's "Speed Setpoint", reporting the value back.
 * Payloads are written with protobuf-java's wire classes (field numbers of sparkplug_b.proto):
 * the host does not use the driver's classes.
 */
public final class SparkplugEdgeSim implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SparkplugEdgeSim.class);
    private static final String GROUP = "Demo";
    private static final String NODE = "SimEdge";
    private static final long WAIT_MS = 10_000;
    // data types of Sparkplug 3.0
    private static final int INT32 = 3;
    private static final int INT64 = 4;
    private static final int DOUBLE = 10;
    private static final int BOOLEAN = 11;
    private static final int STRING = 12;

    private final MqttAsyncClient client;
    private final Clock clock;
    private final long bdSeq;
    private final AtomicLong ticks = new AtomicLong();
    private int seq; // guarded by this
    private double setpoint = 1450; // guarded by this
    private boolean valveDead; // guarded by this

    private SparkplugEdgeSim(MqttAsyncClient client, Clock clock, long bdSeq) {
        this.client = client;
        this.clock = clock;
        this.bdSeq = bdSeq;
    }

    /** Connects (will = NDEATH), subscribes to its commands and publishes its births. */
    public static SparkplugEdgeSim start(String brokerUri, Clock clock) throws SimulatorException {
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(brokerUri, "scada-sim-sparkplug-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new SimulatorException("broker address '" + brokerUri + "' is not usable: " + e.getMessage(), e);
        }
        SparkplugEdgeSim sim = new SparkplugEdgeSim(c, clock, clock.millis() / 1000 % 256);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setKeepAliveInterval(60);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setWill(topic("NDEATH", ""), sim.death(), 1, false);
        try {
            c.connect(o).waitForCompletion(WAIT_MS);
            c.subscribe("spBv1.0/" + GROUP + "/NCMD/" + NODE, 1, (t, m) -> sim.command(t, m.getPayload()))
                    .waitForCompletion(WAIT_MS);
            c.subscribe("spBv1.0/" + GROUP + "/DCMD/" + NODE + "/+", 1, (t, m) -> sim.command(t, m.getPayload()))
                    .waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            sim.close();
            throw new SimulatorException("the Sparkplug edge node simulator cannot connect to broker " + brokerUri
                    + ": " + e.getMessage(), e);
        }
        sim.births();
        return sim;
    }

    private static String topic(String type, String device) {
        return "spBv1.0/" + GROUP + "/" + type + "/" + NODE + (device.isEmpty() ? "" : "/" + device);
    }

    /** One tick of data; runs on the simulator's timer thread. */
    public synchronized void tick() {
        long n = ticks.incrementAndGet();
        long now = clock.millis();
        if (n % 40 == 0) {
            seq = (seq + 1) & 0xFF; // a lost message: the host sees a gap
        }
        send("NDATA", "", payload(now, new Metrics().add(null, 2, now, INT64, n)));
        send("DDATA", "Pump1", payload(now, new Metrics().add(null, 10, now, DOUBLE, setpoint + (n % 10) - 5)
                .add(null, 11, now, BOOLEAN, true)));
        if (n % 60 == 0) {
            valveDead = true;
            send("DDEATH", "Valve1", payload(now, new Metrics()));
        } else if (valveDead && n % 60 == 5) {
            valveDead = false;
            send("DBIRTH", "Valve1", valveBirth(now, n));
        } else if (!valveDead) {
            send("DDATA", "Valve1", payload(now, new Metrics().add(null, 20, now, INT32, (int) (n % 100))));
        }
    }

    private synchronized void births() {
        long now = clock.millis();
        seq = 0;
        publish(topic("NBIRTH", ""), new Message().varint(1, now).varint(3, 0).raw(new Metrics()
                .add("bdSeq", -1, now, INT64, bdSeq).add("Node Control/Rebirth", 1, now, BOOLEAN, false)
                .add("Uptime", 2, now, INT64, ticks.get()).add("Firmware", 3, now, STRING, "sim-1.0").bytes()).bytes());
        seq = 1;
        send("DBIRTH", "Pump1", payload(now, new Metrics().add("Speed", 10, now, DOUBLE, setpoint)
                .add("Running", 11, now, BOOLEAN, true).add("Speed Setpoint", 12, now, DOUBLE, setpoint)));
        valveDead = false;
        send("DBIRTH", "Valve1", valveBirth(now, ticks.get()));
    }

    private byte[] valveBirth(long now, long n) {
        return payload(now, new Metrics().add("Position", 20, now, INT32, (int) (n % 100)));
    }

    /** Adds the next sequence number and publishes; caller holds the lock. */
    private void send(String type, String device, byte[] metricsPayload) {
        byte[] withSeq = new Message().raw(metricsPayload).varint(3, seq).bytes();
        seq = (seq + 1) & 0xFF;
        publish(topic(type, device), withSeq);
    }

    private static byte[] payload(long now, Metrics metrics) {
        return new Message().varint(1, now).raw(metrics.bytes()).bytes();
    }

    private byte[] death() {
        return new Message().varint(1, clock.millis()).raw(new Metrics().add("bdSeq", -1, clock.millis(), INT64, bdSeq)
                .bytes()).bytes();
    }

    // Paho's callback thread: read the command metrics (name 1, alias 2, boolean 14, double 13)
    private void command(String topic, byte[] payload) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(payload);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag >>> 3 != 2) {
                    in.skipField(tag);
                    continue;
                }
                CodedInputStream m = CodedInputStream.newInstance(in.readByteArray());
                String name = "";
                long alias = -1;
                Double value = null;
                boolean flag = false;
                for (int t = m.readTag(); t != 0; t = m.readTag()) {
                    switch (t >>> 3) {
                        case 1 -> name = m.readString();
                        case 2 -> alias = m.readUInt64();
                        case 13 -> value = m.readDouble();
                        case 14 -> flag = m.readBool();
                        default -> m.skipField(t);
                    }
                }
                if ("Node Control/Rebirth".equals(name) && flag) {
                    LOG.info("Sparkplug edge node simulator: rebirth requested");
                    births();
                } else if (value != null && ("Speed Setpoint".equals(name) || alias == 12)) {
                    synchronized (this) {
                        setpoint = value;
                        long now = clock.millis();
                        send("DDATA", "Pump1", payload(now, new Metrics().add(null, 12, now, DOUBLE, value)));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("Sparkplug edge node simulator: a command on {} it cannot read was ignored", topic);
        }
    }

    private void publish(String topic, byte[] payload) {
        if (!client.isConnected()) {
            return;
        }
        try {
            MqttMessage m = new MqttMessage(payload);
            m.setQos(0);
            client.publish(topic, m);
        } catch (MqttException e) {
            LOG.debug("Sparkplug edge node simulator could not publish on {}: {}", topic, e.getMessage());
        }
    }

    /** Publishes NDEATH (as the will would) and disconnects. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.publish(topic("NDEATH", ""), death(), 1, false).waitForCompletion(2_000);
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.debug("Sparkplug edge node simulator disconnect: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Sparkplug edge node simulator close: {}", e.getMessage());
        }
    }

    /** A protobuf message written field by field. */
    private static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CodedOutputStream c = CodedOutputStream.newInstance(out);

        Message varint(int field, long v) {
            return write(() -> c.writeUInt64(field, v));
        }

        Message text(int field, String v) {
            return write(() -> c.writeString(field, v));
        }

        Message dbl(int field, double v) {
            return write(() -> c.writeDouble(field, v));
        }

        Message bool(int field, boolean v) {
            return write(() -> c.writeBool(field, v));
        }

        Message raw(byte[] already) {
            return write(() -> c.writeRawBytes(already));
        }

        private interface Io {
            void run() throws IOException;
        }

        private Message write(Io io) {
            try {
                io.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        byte[] bytes() {
            write(c::flush);
            return out.toByteArray();
        }
    }

    /** Payload.metrics (field 2) entries: name 1, alias 2, timestamp 3, datatype 4, value 10–15. */
    private static final class Metrics {
        private final Message m = new Message();

        Metrics add(String name, long alias, long time, int type, Object value) {
            Message metric = new Message();
            if (name != null) {
                metric.text(1, name);
            }
            if (alias >= 0) {
                metric.varint(2, alias);
            }
            metric.varint(3, time);
            if (name != null) {
                metric.varint(4, type); // the data type goes in births only
            }
            switch (type) {
                case INT32 -> metric.varint(10, ((Number) value).intValue() & 0xFFFF_FFFFL);
                case INT64 -> metric.varint(11, ((Number) value).longValue());
                case DOUBLE -> metric.dbl(13, ((Number) value).doubleValue());
                case BOOLEAN -> metric.bool(14, (Boolean) value);
                default -> metric.text(15, String.valueOf(value));
            }
            byte[] b = metric.bytes();
            m.write(() -> {
                m.c.writeByteArray(2, b);
            });
            return this;
        }

        byte[] bytes() {
            return m.bytes();
        }
    }
}
