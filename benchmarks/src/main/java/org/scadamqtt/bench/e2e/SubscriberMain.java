package org.scadamqtt.bench.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.scadamqtt.bench.Args;
import org.scadamqtt.bench.BenchConfig;
import org.scadamqtt.bench.BenchTopology;
import org.scadamqtt.bench.CountingSink;

/**
 * A subscriber in its own JVM, so its CPU time and peak RSS are its own. Started by
 * {@link IngestHarness}; prints one {@code RESULT …} line ({@link ChildResult}) and exits.
 * It stops when it has counted {@code --n} messages, or, after the parent wrote a line to its
 * standard input ("the publisher is done"), when nothing arrived for {@code --idle-ms}.
 *
 * <p>Kinds: {@code paho} (bare Paho, only counts) and {@code driver} (the MQTT driver through
 * the driver SPI with a counting sink). {@code latency} runs the driver and a paced QoS 1
 * publisher in this JVM and prints the latency percentiles.
 */
public final class SubscriberMain {

    private SubscriberMain() {
    }

    @SuppressWarnings("try") // the driver runs while the try block waits; it is closed at its end
    public static void main(String[] argv) throws Exception {
        Args a = Args.parse(argv, Set.of("kind", "url", "port", "qos", "n", "client-id", "idle-ms", "timeout-s",
                "rate", "seconds", "warmup-seconds", "data-dir", "warmup"));
        String kind = a.text("kind", "paho");
        int qos = a.integer("qos", 0);
        long n = a.integer("n", 2000);
        String clientId = a.text("client-id", "bench-" + kind);
        int port = a.integer("port", 1883);
        String url = a.text("url", "tcp://127.0.0.1:" + port);
        long idleMs = a.integer("idle-ms", 2000);
        long timeoutS = a.integer("timeout-s", 600);
        long warmup = a.integer("warmup", 0);
        Path dataDir = Path.of(a.text("data-dir", Files.createTempDirectory("bench-" + kind).toString()));

        Map<String, Object> out = new LinkedHashMap<>();
        switch (kind) {
            case "paho" -> {
                try (PahoCounter counter = PahoCounter.connect(url, clientId, qos)) {
                    Window w = Window.await(counter::received, counter::firstToLastNanos, n, warmup, idleMs, timeoutS);
                    w.report(out);
                    out.put("socketFactory", counter.socketFactory());
                }
            }
            case "driver" -> {
                CountingSink sink = new CountingSink(dataDir);
                try (DriverUnderTest driver = DriverUnderTest.start(
                        BenchConfig.line("127.0.0.1", port, qos, clientId, BenchTopology.E2E, 5), sink)) {
                    Window w = Window.await(sink::messages, sink::firstToLastNanos, n, warmup, idleMs, timeoutS);
                    w.report(out);
                    out.put("badValues", sink.badValues());
                    out.put("receiveTimeStamped", sink.receiveTimeStamped());
                }
            }
            case "latency" -> out.putAll(LatencyRun.run(url, port, clientId, a.integer("rate", 5000),
                    a.decimal("seconds", 10), a.decimal("warmup-seconds", 3), dataDir));
            default -> throw new IllegalArgumentException("unknown --kind " + kind + "; use paho, driver or latency");
        }
        out.put("peakRssKb", ChildStats.peakRssKb());
        System.out.println(ChildResult.format(out));
        System.out.flush();
        System.exit(0); // a driver thread that outlived stop() must not keep the harness waiting
    }

    /**
     * Waits until {@code count} reaches {@code n}, or the parent said the publisher is done and
     * nothing arrived for {@code idleMs}, or {@code timeoutS} passed.
     */
    static void awaitDone(LongSupplier count, long n, long idleMs, long timeoutS) throws InterruptedException {
        AtomicLong publisherDone = new AtomicLong();
        Thread stdin = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                r.readLine(); // any line, or end of input
            } catch (java.io.IOException ignored) {
                // end of input counts the same
            }
            publisherDone.set(System.nanoTime());
        }, "publisher-done");
        stdin.setDaemon(true);
        stdin.start();
        long deadline = System.nanoTime() + timeoutS * 1_000_000_000L;
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long c = count.getAsLong();
            if (c >= n) {
                return;
            }
            long now = System.nanoTime();
            if (c != last) {
                last = c;
                lastChange = now;
            }
            long doneAt = publisherDone.get();
            if (doneAt != 0 && now - Math.max(doneAt, lastChange) > idleMs * 1_000_000L) {
                return;
            }
            Thread.sleep(5);
        }
    }

    /**
     * The measured window of a subscriber: without warm-up, first to last message of the whole
     * flood; with a warm-up of {@code warmup} messages, from the moment the count passed the
     * warm-up (polled every 5 ms, a few ms off on runs of seconds) to the moment it reached the
     * end, counting only the messages in between. CPU time is taken over the same window.
     */
    record Window(long received, long nanos, long cpuNanos) {

        static Window await(LongSupplier count, LongSupplier firstToLast, long n, long warmup, long idleMs,
                long timeoutS) throws InterruptedException {
            if (warmup <= 0) {
                long cpu0 = ChildStats.processCpuNanos();
                awaitDone(count, n, idleMs, timeoutS);
                return new Window(count.getAsLong(), firstToLast.getAsLong(), ChildStats.processCpuNanos() - cpu0);
            }
            long deadline = System.nanoTime() + timeoutS * 1_000_000_000L;
            while (count.getAsLong() < warmup && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long c0 = count.getAsLong();
            long t0 = System.nanoTime();
            long cpu0 = ChildStats.processCpuNanos();
            awaitDone(count, warmup + n, idleMs, timeoutS);
            long t1 = System.nanoTime();
            long cpu = ChildStats.processCpuNanos() - cpu0;
            long total = count.getAsLong();
            long inWindow = Math.max(1, total - c0);
            long received = Math.max(0, total - warmup); // of the measured flood: what loss is judged by
            // the report divides by `received`; scale the window to it so rate and CPU/msg are the window's
            double scale = (double) Math.max(1, received - 1) / inWindow;
            return new Window(received, Math.round((t1 - t0) * scale), Math.round(cpu * (double) received / inWindow));
        }

        void report(Map<String, Object> out) {
            out.put("received", received);
            out.put("firstToLastNanos", nanos);
            out.put("cpuNanos", cpuNanos);
        }
    }
}
