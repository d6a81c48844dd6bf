package org.scadamqtt.bench.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.scadamqtt.bench.BenchTopology;
import org.scadamqtt.bench.SocketFactories;

/**
 * The end-to-end ingest harness: starts its own Mosquitto, floods it with {@code mosquitto_pub -l}
 * at each QoS and measures, alternating within each round, A ({@code mosquitto_sub}), B (bare
 * Paho, counting) and C (the driver with a counting sink on 1,000 exact + 100 regex stations
 * + {@code .*}); then the latency at a fixed offered rate. Prints a table and a last line with
 * the ratios. See benchmarks/README.md.
 *
 * Started by {@link org.scadamqtt.bench.IngestHarness}.
 */
public final class IngestRunner {

    private final HarnessOptions options;
    private final PrintStream log;

    public IngestRunner(HarnessOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Programs the harness needs that are not installed. */
    public static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        if (!MosquittoBroker.installed()) {
            missing.add("mosquitto");
        }
        for (String tool : List.of("mosquitto_pub", "mosquitto_sub")) {
            if (!Tools.onPath(tool)) {
                missing.add(tool);
            }
        }
        return missing;
    }

    /** Runs every measurement and returns the report (also logs progress). */
    public HarnessReport run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("scada-mqtt-bench");
        SocketFactories.Found factory = SocketFactories.driverFactory();
        List<Measurement> results = new ArrayList<>();
        LatencyResult latency = null;
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            log.printf("broker: mosquitto on %s (work folder %s)%n", broker.url(), dir);
            FloodPublisher publisher = FloodPublisher.prepare(dir, broker.port(), BenchTopology.E2E, options.n(),
                    options.topics(), options.publishers());
            for (int qos : options.qos()) {
                for (int round = 1; round <= options.rounds(); round++) {
                    String order = rotate(options.subscribers(), round - 1);
                    for (char s : order.toCharArray()) {
                        Measurement m = measure(broker, dir, publisher, s, qos, round);
                        results.add(m);
                        log.printf("QoS %d round %d %c: %,d of %,d in %.2f s = %,.0f msg/s (publisher %,.0f msg/s)%s%n",
                                qos, round, s, m.received(), m.expected(), m.firstToLastNanos() / 1e9, m.rate(),
                                m.publisherRate(), m.problem().isEmpty() ? "" : " PROBLEM: " + m.problem());
                    }
                }
            }
            if (options.latency()) {
                latency = LatencyResult.measure(broker, dir, options);
                log.println("latency: " + latency.summary());
            }
        }
        org.scadamqtt.bench.WorkFolders.deleteTree(dir); // kept when the run failed half-way, for a look
        return new HarnessReport(options, factory.description(), FloodPublisher.typicalPayloadBytes(), results, latency);
    }

    /** "ABC" rotated by k, so no subscriber always runs first (right after the broker was idle). */
    static String rotate(String s, int k) {
        int r = k % s.length();
        return s.substring(r) + s.substring(0, r);
    }

    private Measurement measure(MosquittoBroker broker, Path dir, FloodPublisher publisher, char s, int qos, int round)
            throws IOException, InterruptedException {
        String clientId = "bench-" + s + "-q" + qos + "-r" + round;
        long n = options.n();
        RunningSubscriber sub = switch (s) {
            case 'A' -> MosquittoSubRunner.start(broker, dir, clientId, qos, n, options.idleMs());
            case 'B' -> ChildJvmRunner.start(dir, clientId, options.childJvmArgs(), childArgs("paho", broker, clientId,
                    qos));
            default -> ChildJvmRunner.start(dir, clientId, options.childJvmArgs(), childArgs("driver", broker, clientId,
                    qos));
        };
        // subscribe before publishing, so QoS 1 loses nothing and QoS 0 only what the subscriber drops
        if (!broker.awaitSubscription(clientId, Duration.ofSeconds(30), sub::isAlive)) {
            String what = sub.isAlive() ? "did not subscribe within 30 s: " : "ended before subscribing: ";
            sub.kill();
            return new Measurement(s, qos, round, n, 0, 0, -1, -1, 0, 0, 0,
                    what + ChildJvmRunner.tail(dir.resolve(clientId + ".err")));
        }
        if (warms(s)) {
            // the JVM subscribers count this flood but measure only the next one (see SubscriberMain)
            publisher.publish(qos, clientId + "-warm", options.timeoutSeconds());
        }
        FloodPublisher.Result pub = publisher.publish(qos, clientId + "-pub", options.timeoutSeconds());
        sub.publisherDone();
        RunningSubscriber.Outcome o = sub.finish(Duration.ofSeconds(options.timeoutSeconds()));
        List<String> problems = new ArrayList<>(pub.failures());
        if (!o.problem().isEmpty()) {
            problems.add(o.problem());
        }
        return new Measurement(s, qos, round, n, o.received(), o.firstToLastNanos(), o.cpuNanos(), o.peakRssKb(),
                o.badValues(), o.receiveTimeStamped(), pub.rate(), String.join("; ", problems));
    }

    private boolean warms(char subscriber) {
        return options.warmup() && subscriber != 'A';
    }

    private List<String> childArgs(String kind, MosquittoBroker broker, String clientId, int qos) {
        return List.of("--kind", kind, "--port", Integer.toString(broker.port()), "--qos", Integer.toString(qos),
                "--n", Integer.toString(options.n()), "--client-id", clientId, "--idle-ms",
                Integer.toString(options.idleMs()), "--timeout-s", Integer.toString(options.timeoutSeconds()),
                "--warmup", Integer.toString(options.warmup() ? options.n() : 0));
    }
}
