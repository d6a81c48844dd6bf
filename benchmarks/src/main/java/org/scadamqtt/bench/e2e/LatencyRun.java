package org.scadamqtt.bench.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.scadamqtt.bench.BenchConfig;
import org.scadamqtt.bench.BenchPayload;
import org.scadamqtt.bench.BenchTopology;
import org.scadamqtt.bench.CountingSink;
import org.scadamqtt.bench.LatencyRecorder;
import org.scadamqtt.bench.SocketFactories;

/**
 * Latency at a fixed offered rate: a Paho publisher in this JVM sends QoS 1 messages at
 * {@code rate} per second, each carrying {@code System.nanoTime()} at send in its {@code seq}
 * field; the driver (QoS 1 subscription) binds it to a Ci tag and the counting sink records
 * now − seq. Same JVM, so both ends read one clock. Warm-up messages are not recorded.
 */
final class LatencyRun {

    private LatencyRun() {
    }

    @SuppressWarnings("try") // the driver runs while the try block waits; it is closed at its end
    static Map<String, Object> run(String url, int port, String clientId, int rate, double seconds,
            double warmupSeconds, Path dataDir) throws Exception {
        CountingSink sink = new CountingSink(dataDir);
        SocketFactories.Found f = SocketFactories.driverFactory();
        List<String> topics = BenchTopology.E2E.messageTopics(100);
        Map<String, Object> out = new LinkedHashMap<>();
        try (DriverUnderTest driver = DriverUnderTest.start(
                BenchConfig.line("127.0.0.1", port, 1, clientId, BenchTopology.E2E, 5), sink)) {
            MqttAsyncClient pub = new MqttAsyncClient(url, clientId + "-pub", new MemoryPersistence());
            pub.connect(PahoCounter.options(f)).waitForCompletion(10_000);
            try {
                long period = 1_000_000_000L / rate;
                long[] failures = {0};
                // warm-up: at the rate until the time is over and the driver has delivered something
                long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
                long maxWarmEnd = System.nanoTime() + 60_000_000_000L;
                long i = 0;
                long next = System.nanoTime();
                while ((System.nanoTime() < warmEnd || sink.messages() == 0) && System.nanoTime() < maxWarmEnd) {
                    next = paceAndSend(pub, topics, i++, next, period, failures);
                }
                if (sink.messages() == 0) {
                    throw new IllegalStateException("the driver delivered nothing within 60 s of warm-up; line status: "
                            + sink.lastLineStatus());
                }
                long total = (long) (rate * seconds);
                long from = System.nanoTime();
                LatencyRecorder recorder = new LatencyRecorder((int) total, from);
                sink.recordLatency(recorder);
                failures[0] = 0;
                next = from;
                for (long k = 0; k < total; k++) {
                    next = paceAndSend(pub, topics, i++, next, period, failures);
                }
                long sendNanos = System.nanoTime() - from;
                long drainEnd = System.nanoTime() + 10_000_000_000L;
                while (recorder.count() < total - failures[0] && System.nanoTime() < drainEnd) {
                    Thread.sleep(10);
                }
                long[] sorted = recorder.sorted();
                out.put("expected", total - failures[0]);
                out.put("received", sorted.length);
                out.put("offeredRate", Math.round(total * 1e9 / sendNanos));
                out.put("publishFailures", failures[0]);
                out.put("p50Nanos", LatencyRecorder.quantile(sorted, 0.50));
                out.put("p99Nanos", LatencyRecorder.quantile(sorted, 0.99));
                out.put("p999Nanos", LatencyRecorder.quantile(sorted, 0.999));
                out.put("maxNanos", sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
                out.put("badValues", sink.badValues());
            } finally {
                try {
                    pub.disconnect().waitForCompletion(5_000);
                    pub.close(true);
                } catch (MqttException ignored) {
                    // best effort at the end of a run
                }
            }
        }
        return out;
    }

    /** Waits for the slot {@code next}, sends message {@code i}, returns the next slot. */
    private static long paceAndSend(MqttAsyncClient pub, List<String> topics, long i, long next, long period,
            long[] failures) {
        long wait;
        while ((wait = next - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, 50_000L));
        }
        long sent = System.nanoTime();
        try {
            pub.publish(topics.get((int) (i % topics.size())),
                    BenchPayload.json(i, sent, "lat").getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            failures[0]++;
        }
        return next + period;
    }
}
