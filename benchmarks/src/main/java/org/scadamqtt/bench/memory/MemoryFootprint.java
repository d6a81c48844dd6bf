package org.scadamqtt.bench.memory;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.scadamqtt.bench.Args;
import org.scadamqtt.bench.BenchConfig;
import org.scadamqtt.bench.BenchPayload;
import org.scadamqtt.bench.BenchTopology;
import org.scadamqtt.bench.CountingSink;
import org.scadamqtt.bench.SocketFactories;
import org.scadamqtt.bench.e2e.DriverUnderTest;
import org.scadamqtt.bench.e2e.MosquittoBroker;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.Driver;

/**
 * Retained heap per configured tag: 10,000 stations (1 % regular expressions, plus {@code .*})
 * with ten tags each (IN_TOPIC, IN_DATA, IN_ID, seven JA=), about 100,000 tags. Measures the
 * heap after full GCs at each stage: configuration records built, driver created, driver started
 * and connected, and after one message reached every station (so per-station state exists).
 * Uses its own Mosquitto when installed; without it the last two stages are skipped.
 *
 * <pre>java -Xmx1g -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar org.scadamqtt.bench.memory.MemoryFootprint</pre>
 */
public final class MemoryFootprint {

    private MemoryFootprint() {
    }

    public static void main(String[] argv) throws Exception {
        Args a = Args.parse(argv, Set.of("stations", "no-broker"));
        int stations = a.integer("stations", 10_000);
        boolean useBroker = !a.flag("no-broker") && MosquittoBroker.installed();
        Path dir = Files.createTempDirectory("scada-mqtt-memory");
        List<String> rows = new ArrayList<>();
        MosquittoBroker broker = useBroker ? MosquittoBroker.start(dir) : null;
        try {
            long base = usedAfterGc();
            BenchTopology topology = BenchTopology.withRegexShare(stations);
            LineConfig line = BenchConfig.line("127.0.0.1", broker == null ? 1 : broker.port(), 1, "bench-memory",
                    topology, 7);
            int tags = line.stations().stream().mapToInt(s -> s.tags().size()).sum();
            long config = usedAfterGc() - base;
            rows.add(row("configuration records (LineConfig)", config, 0, tags));
            CountingSink sink = new CountingSink(dir);
            Driver created = DriverUnderTest.provider().create(line, sink);
            long afterCreate = usedAfterGc() - base;
            rows.add(row("driver created (not started)", afterCreate, afterCreate - config, tags));
            if (broker != null) {
                created.start();
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!sink.connected() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(500); // SUBACK
                long afterStart = usedAfterGc() - base;
                rows.add(row("driver started, connected" + (sink.connected() ? "" : " (NOT CONNECTED)"), afterStart,
                        afterStart - config, tags));
                long delivered = oneMessagePerStation(broker, topology, sink);
                long afterMessages = usedAfterGc() - base;
                rows.add(row("after one message per station (" + delivered + " delivered)", afterMessages,
                        afterMessages - config, tags));
            }
            System.out.printf(Locale.ROOT, "%nMemory: %,d stations (%,d regex + .*), %,d tags; heap used after full GC, "
                    + "relative to before the configuration was built%n", line.stations().size(), topology.regex(), tags);
            System.out.printf(Locale.ROOT, "%-48s %12s %16s %16s%n", "stage", "heap MB", "B/tag (total)",
                    "B/tag (driver)");
            rows.forEach(System.out::println);
            System.out.println("RESULT memory: " + rows.get(rows.size() - 1).trim().replaceAll("\\s{2,}", " | ")
                    + " (target <= 1024 B/tag retained)");
            Reference.reachabilityFence(line);
            created.stop();
            Reference.reachabilityFence(created);
        } finally {
            if (broker != null) {
                broker.close();
            }
            org.scadamqtt.bench.WorkFolders.deleteTree(dir);
        }
        System.exit(0);
    }

    private static String row(String stage, long total, long driverOnly, int tags) {
        return String.format(Locale.ROOT, "%-48s %12.1f %16.0f %16.0f", stage, total / 1048576.0, (double) total / tags,
                (double) driverOnly / tags);
    }

    /** Publishes one message to every station (QoS 1) and waits until the sink counted them. */
    private static long oneMessagePerStation(MosquittoBroker broker, BenchTopology topology, CountingSink sink)
            throws Exception {
        SocketFactories.Found f = SocketFactories.driverFactory();
        MqttAsyncClient pub = new MqttAsyncClient(broker.url(), "bench-memory-pub", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(65_000);
        if (f.isDrivers()) {
            o.setSocketFactory(f.factory());
        }
        pub.connect(o).waitForCompletion(10_000);
        long before = sink.messages();
        int sent = 0;
        for (int i = 0; i < topology.exact(); i++) {
            pub.publish(BenchTopology.exactAddress(i), BenchPayload.json(i, i, "m").getBytes(StandardCharsets.UTF_8), 1,
                    false);
            sent++;
        }
        for (int k = 0; k < topology.regex(); k++) {
            pub.publish(BenchTopology.regexTopic(k, 1), BenchPayload.json(k, k, "m").getBytes(StandardCharsets.UTF_8), 1,
                    false);
            sent++;
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (sink.messages() - before < sent && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        pub.disconnect().waitForCompletion(5_000);
        pub.close();
        return sink.messages() - before;
    }

    /** Heap in use after repeated full collections. */
    static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
