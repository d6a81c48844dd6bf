package org.scadamqtt.host.sim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
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
 * The WEGnology platform of line WEGNOLOGY of demo.xml (the line is the device
 * {@link DemoTopics#WEGNOLOGY_DEVICE}): every 5 s a command {@code set-temperature} whose time
 * comes in turn as {@code {"$date":…}}, epoch milliseconds and epoch seconds; it counts the
 * device's state messages ({@link #states()}).
 */
public final class WegnologyPlatformSim implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WegnologyPlatformSim.class);
    private static final long WAIT_MS = 10_000;

    private final MqttAsyncClient client;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-wegnology");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong states = new AtomicLong();

    private WegnologyPlatformSim(MqttAsyncClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Connects, subscribes to the device's state and starts the 5 s command cycle. */
    public static WegnologyPlatformSim start(String brokerUri, Clock clock) throws SimulatorException {
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(brokerUri, "scada-sim-wegnology-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new SimulatorException("broker address '" + brokerUri + "' is not usable: " + e.getMessage(), e);
        }
        WegnologyPlatformSim sim = new WegnologyPlatformSim(c, clock);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        try {
            c.connect(o).waitForCompletion(WAIT_MS);
            c.subscribe("wnology/" + DemoTopics.WEGNOLOGY_DEVICE + "/state", 1, (t, m) -> sim.states.incrementAndGet())
                    .waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            sim.close();
            throw new SimulatorException("the WEGnology platform simulator cannot connect to broker " + brokerUri
                    + ": " + e.getMessage(), e);
        }
        sim.timer.scheduleAtFixedRate(sim::tick, 1000, 5000, TimeUnit.MILLISECONDS);
        return sim;
    }

    /** The command of one cycle, its time in the form of the cycle (tests). */
    static String command(long n, Instant now) {
        String time = switch ((int) (n % 3)) {
            case 0 -> "{\"$date\":\"" + now + "\"}";
            case 1 -> String.valueOf(now.toEpochMilli());
            default -> String.valueOf(now.getEpochSecond());
        };
        return String.format(Locale.ROOT, "{\"name\":\"set-temperature\",\"payload\":{\"temperature\":%.1f},"
                + "\"time\":%s}", 18 + (n % 10) * 0.5, time);
    }

    private void tick() {
        long n = ticks.getAndIncrement();
        try {
            if (client.isConnected()) {
                client.publish("wnology/" + DemoTopics.WEGNOLOGY_DEVICE + "/command",
                        command(n, clock.instant()).getBytes(StandardCharsets.UTF_8), 1, false);
            }
        } catch (MqttException e) {
            LOG.debug("WEGnology simulator could not publish: {}", e.getMessage());
        }
    }

    /** State messages received from the device so far. */
    public long states() {
        return states.get();
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
            LOG.debug("WEGnology simulator close: {}", e.getMessage());
        }
    }
}
