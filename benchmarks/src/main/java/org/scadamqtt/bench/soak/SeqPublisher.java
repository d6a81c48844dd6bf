package org.scadamqtt.bench.soak;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The steady stream: {@code {"seq":N}} with N = 1, 2, 3 … at a fixed rate, QoS 1, straight to the
 * broker (not through the fault proxy). A number counts as published when the broker acknowledged
 * it (PUBACK); until then the same number is sent again, on a new connection when the old one
 * failed (the broker is down), so every number up to {@link #published()} reached the broker at
 * least once. A retry of a message the broker had already taken makes a duplicate, never a gap.
 * Runs on a thread of its own; the time of each PUBACK is kept for the recovery figures.
 */
final class SeqPublisher implements AutoCloseable {

    static final String TOPIC = "soak/seq";

    private final String url;
    private final double rate;
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean stop;
    private volatile String lastFailure = "";
    private long[] ackedAtMillis = new long[1 << 16]; // index seq; guarded by this
    private MqttClient client;
    private ScheduledExecutorService clientThreads;

    private SeqPublisher(String url, double rate) {
        this.url = url;
        this.rate = rate;
        this.thread = new Thread(this::run, "soak-publisher");
        thread.setDaemon(true);
    }

    /** Starts publishing {@code rate} messages per second to the broker at {@code url}. */
    static SeqPublisher start(String url, double rate) {
        SeqPublisher p = new SeqPublisher(url, rate);
        p.thread.start();
        return p;
    }

    private void run() {
        long period = Math.round(1e9 / rate);
        long next = System.nanoTime();
        long seq = 1;
        while (!stop) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            // small delays are made up so the rate holds; after an outage (broker down) the stream goes
            // on at its rate without a burst: what was not sent then is not sent
            next += period;
            long now = System.nanoTime();
            if (now - next > 1_000_000_000L) {
                next = now;
            }
            try {
                connected().publish(TOPIC, payload(seq), 1, false);
                acked(seq);
                seq++;
            } catch (MqttException e) {
                failures.incrementAndGet();
                lastFailure = e.toString();
                drop();
                sleepNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
        drop();
    }

    private static byte[] payload(long seq) {
        return ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.US_ASCII);
    }

    private MqttClient connected() throws MqttException {
        if (client == null) {
            // Paho's threads on an executor of our own: when a PUBACK races with close, Paho's reader
            // throws a NullPointerException (callback already null); on a plain thread the JVM prints
            // its stack trace into the build log, on the executor it ends in the task's future. Six
            // threads: connect, reader, writer and callback run at once (with fewer, connect waits forever)
            ScheduledExecutorService threads = Executors.newScheduledThreadPool(6, r -> {
                Thread t = new Thread(r, "soak-publisher-paho");
                t.setDaemon(true);
                return t;
            });
            MqttClient c = new MqttClient(url, "soak-publisher", new MemoryPersistence(), threads);
            c.setTimeToWait(5000); // a PUBACK that does not come (broker killed) fails the publish
            MqttConnectOptions o = new MqttConnectOptions();
            // a new session per connection: a message not acknowledged is simply sent again
            o.setCleanSession(true);
            o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            o.setConnectionTimeout(2);
            o.setKeepAliveInterval(10);
            o.setAutomaticReconnect(false);
            try {
                c.connect(o);
            } catch (MqttException e) {
                closeQuietly(c, threads);
                throw e;
            }
            client = c;
            clientThreads = threads;
        }
        return client;
    }

    private void drop() {
        if (client != null) {
            closeQuietly(client, clientThreads);
            client = null;
            clientThreads = null;
        }
    }

    private static void closeQuietly(MqttClient c, ScheduledExecutorService threads) {
        try {
            c.disconnectForcibly(0, 500, false);
        } catch (MqttException ignored) {
            // not connected
        }
        try {
            c.close(true);
        } catch (MqttException ignored) {
            // already closed
        }
        threads.shutdownNow();
    }

    private synchronized void acked(long seq) {
        if (seq >= ackedAtMillis.length) {
            ackedAtMillis = Arrays.copyOf(ackedAtMillis, (int) Math.max(seq + 1, ackedAtMillis.length * 2L));
        }
        ackedAtMillis[(int) seq] = System.currentTimeMillis();
        published.set(seq);
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The highest number the broker acknowledged; every lower one was acknowledged too. */
    long published() {
        return published.get();
    }

    /** How many publishes failed (broker down, no PUBACK in 5 s) and were tried again. */
    long failures() {
        return failures.get();
    }

    String lastFailure() {
        return lastFailure;
    }

    /** When the broker acknowledged {@code seq} (epoch ms), 0 when it did not. */
    synchronized long ackedAt(long seq) {
        return seq > 0 && seq <= published.get() ? ackedAtMillis[(int) seq] : 0;
    }

    /** The highest number acknowledged at or before {@code epochMillis}; 0 when none. */
    synchronized long publishedBy(long epochMillis) {
        long hi = published.get();
        long lo = 0;
        while (lo < hi) { // acknowledgement times rise with the number: binary search
            long mid = (lo + hi + 1) >>> 1;
            if (ackedAtMillis[(int) mid] <= epochMillis) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Stops after the message in hand is acknowledged (or failed); waits up to 15 s. */
    void stop() throws InterruptedException {
        stop = true;
        thread.join(15_000);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
