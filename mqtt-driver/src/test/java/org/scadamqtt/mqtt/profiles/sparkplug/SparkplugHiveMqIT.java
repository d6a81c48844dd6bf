package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.RecordingContext;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.TcpProxy;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Metric;
import org.scadamqtt.tag.Quality;

/** The Sparkplug profile through the whole driver and a real broker, with a test edge node. */
class SparkplugHiveMqIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private EmbeddedHiveMq broker;
    private TestEdgeNode edge;
    private RecordingContext host;
    private MqttDriver driver;
    private String group;
    private String hostId;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        broker = EmbeddedHiveMq.get();
        group = "G" + Long.toHexString(System.nanoTime());
        hostId = "scada-" + group;
        host = new RecordingContext(dir);
    }

    private void start(StationConfig... stations) throws Exception {
        start(broker.tcpPort(), stations);
    }

    /** The line on {@code port} (the broker's, or a proxy's in front of it). */
    private void start(int port, StationConfig... stations) throws Exception {
        LineConfig line = TestConfigs.line("SP", List.of("127.0.0.1"), port, params(
                "clientId", "sp-it-" + group, "payloadType", "SparkplugB", "topicFilter", "spBv1.0/#",
                "subscribeQos", "QoS_1", "cleanSession", "YES", "sparkplugHostId", hostId,
                "sparkplugRebirthInterval", "30", "replyTimeout", "3", "writeTimeout", "5",
                "reconnectMinDelay", "0.1", "reconnectMaxDelay", "0.5"), stations);
        driver = new MqttDriver(line, host, new PahoSessionFactory());
        driver.start();
        edge = new TestEdgeNode(broker.tcpUri(), group, "E1", 7);
        awaitOnline();
    }

    private void startStandard() throws Exception {
        startStandard(broker.tcpPort());
    }

    private void startStandard(int port) throws Exception {
        start(port, station("E1", "node", params("sparkplugEdge", group + "/E1"),
                        tag("speed", "Ai", "SP=Speed"), tag("speed_set", "Ao", "SP=Speed")),
                station("D1", group + "/E1/D1", params("sparkplugConfirmWrites", "YES"),
                        tag("temp", "Ci", "SP=Temp"), tag("limit", "Co", "SP=Limit"),
                        tag("motor_rpm", "Ai", "SP=Motor/Rpm")));
    }

    /** The line subscribes before it announces itself: wait for its retained STATE. */
    private void awaitOnline() throws Exception {
        List<String> seen = watchState();
        long end = System.nanoTime() + WAIT.toNanos();
        while (seen.stream().noneMatch(s -> s.contains("\"online\":true")) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(seen.stream().anyMatch(s -> s.contains("\"online\":true")), seen.toString());
    }

    private List<String> watchState() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttClient w = new MqttClient(broker.tcpUri(), "sp-watch-" + System.nanoTime(), new MemoryPersistence());
        w.connect();
        w.subscribe("spBv1.0/STATE/" + hostId, 1, (t, m) -> seen.add(new String(m.getPayload(), StandardCharsets.UTF_8)
                + (m.isRetained() ? " retained" : "") + " qos" + m.getQos()));
        closing.add(() -> {
            w.disconnect();
            w.close();
        });
        return seen;
    }

    /** Waits at most WAIT for {@code ok}; the assertion after it says what did not happen. */
    private static void await(java.util.function.BooleanSupplier ok) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!ok.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    /** The first STATE message the watcher sees (the retained one, when there is one). */
    private static String first(List<String> seen) throws InterruptedException {
        await(() -> !seen.isEmpty());
        assertFalse(seen.isEmpty(), "no STATE message within " + WAIT);
        return seen.get(0);
    }

    /** The retained STATE birth the watcher sees first; its timestamp. */
    private static String retainedBirth(List<String> seen) throws InterruptedException {
        String birth = first(seen);
        assertTrue(birth.matches("\\{\"online\":true,\"timestamp\":\\d+} retained qos1"), birth);
        return birth.replaceAll(".*\"timestamp\":(\\d+).*", "$1");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        if (edge != null) {
            edge.close();
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
        MqttClient clean = new MqttClient(broker.tcpUri(), "sp-clean-" + group, new MemoryPersistence());
        clean.connect();
        clean.publish("spBv1.0/STATE/" + hostId, new byte[0], 1, true); // leave no retained STATE behind
        clean.disconnect();
        clean.close();
    }

    private static boolean good(RecordingContext.Batch b, String tag, Object value) {
        return b.tags().contains(tag) && b.get(tag).value().isGood() && value.equals(b.get(tag).value().value());
    }

    private void births() throws Exception {
        edge.nbirth(Sp.metric("Speed", 1, DataTypes.DOUBLE).setDoubleValue(1.5).build());
        edge.send("DBIRTH", "D1", Sp.payload(1, Sp.metric("Temp", 10, DataTypes.INT16).setIntValue(-4).build(),
                Sp.metric("Limit", 11, DataTypes.UINT16).setIntValue(100).build(),
                Sp.metric("Motor", 12, DataTypes.TEMPLATE).setTemplateValue(Payload.Template.newBuilder()
                        .setTemplateRef("MotorType").addMetrics(Sp.metric("Rpm", -1, DataTypes.FLOAT)
                                .setFloatValue(1200.5f))).build()).build());
        host.awaitBatch("E1", b -> good(b, "speed", 1.5), WAIT);
        host.awaitBatch("D1", b -> good(b, "temp", -4L) && good(b, "motor_rpm", 1200.5), WAIT);
    }

    @Test
    void birthDataByAliasAndCommandsWithNameAliasAndType() throws Exception {
        startStandard();
        births();
        edge.send("NDATA", "", Sp.payload(2, Sp.aliasOnly(1).setDoubleValue(2.75).build()).build());
        RecordingContext.Batch b = host.awaitBatch("E1", x -> good(x, "speed", 2.75), WAIT);
        assertEquals(Sp.T0 + 1000, b.get("speed").value().sourceTime().toEpochMilli(), "the metric's own timestamp");

        WriteResult w = driver.write("speed_set", 3.5).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(w.ok(), w.message());
        CompletableFuture<WriteResult> confirmed = driver.write("limit", 120L).toCompletableFuture();
        long end = System.nanoTime() + WAIT.toNanos();
        while (edge.commands.size() < 2 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        TestEdgeNode.Command ncmd = edge.commands.get(0);
        assertEquals("spBv1.0/" + group + "/NCMD/E1", ncmd.topic());
        Metric m = ncmd.payload().getMetrics(0);
        assertEquals("Speed", m.getName());
        assertEquals(1, m.getAlias());
        assertEquals(DataTypes.DOUBLE, m.getDatatype());
        assertEquals(3.5, m.getDoubleValue());
        TestEdgeNode.Command dcmd = edge.commands.get(1);
        assertEquals("spBv1.0/" + group + "/DCMD/E1/D1", dcmd.topic());
        assertEquals("Limit", dcmd.payload().getMetrics(0).getName());
        assertEquals(11, dcmd.payload().getMetrics(0).getAlias());
        assertEquals(DataTypes.UINT16, dcmd.payload().getMetrics(0).getDatatype());
        assertEquals(120, dcmd.payload().getMetrics(0).getIntValue());
        assertFalse(confirmed.isDone(), "a confirmed write waits for the value to come back");
        edge.send("DDATA", "D1", Sp.payload(3, Sp.aliasOnly(11).setIntValue(120).build()).build());
        WriteResult c = confirmed.get(10, TimeUnit.SECONDS);
        assertTrue(c.ok(), c.message());
        assertEquals(0, edge.rebirthRequests());
    }

    /** An input tag marked writable: written with NCMD like an output, showing what the edge node reports. */
    @Test
    void anInputTagMarkedWritableSendsNcmdAndShowsTheValueReadBack() throws Exception {
        start(station("E1", group + "/E1", params(), new TagConfig("speed", org.scadamqtt.tag.TagType.Ai, "SP=Speed",
                null, null, null, true)));
        edge.nbirth(Sp.metric("Speed", 1, DataTypes.DOUBLE).setDoubleValue(1.5).build());
        host.awaitBatch("E1", b -> good(b, "speed", 1.5), WAIT);

        WriteResult w = driver.write("speed", 3.5).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(w.ok(), w.message());
        await(() -> !edge.commands.isEmpty());
        TestEdgeNode.Command ncmd = edge.commands.get(0);
        assertEquals("spBv1.0/" + group + "/NCMD/E1", ncmd.topic());
        Metric m = ncmd.payload().getMetrics(0);
        assertEquals("Speed", m.getName());
        assertEquals(1, m.getAlias());
        assertEquals(DataTypes.DOUBLE, m.getDatatype());
        assertEquals(3.5, m.getDoubleValue());
        // the edge node applies it and reports it back: that is the value the tag shows
        edge.send("NDATA", "", Sp.payload(1, Sp.aliasOnly(1).setDoubleValue(3.5).build()).build());
        host.awaitBatch("E1", b -> good(b, "speed", 3.5), WAIT);
        assertEquals(0, edge.rebirthRequests());
    }

    @Test
    void aSeqGapSendsOneRebirthRequestAndValuesStayUncertainUntilTheBirth() throws Exception {
        startStandard();
        births();
        edge.send("NDATA", "", Sp.payload(5, Sp.aliasOnly(1).setDoubleValue(9.0).build()).build()); // 2..4 lost
        host.awaitBatch("E1", x -> x.tags().contains("speed") && x.get("speed").value().quality() == Quality.UNCERTAIN
                && Double.valueOf(9.0).equals(x.get("speed").value().value()), WAIT);
        host.awaitBatch("D1", x -> x.tags().contains("temp") && x.get("temp").value().quality() == Quality.UNCERTAIN,
                WAIT);
        edge.send("NDATA", "", Sp.payload(6, Sp.aliasOnly(1).setDoubleValue(9.5).build()).build());
        host.awaitBatch("E1", x -> x.tags().contains("speed") && x.get("speed").value().quality() == Quality.UNCERTAIN
                && Double.valueOf(9.5).equals(x.get("speed").value().value()), WAIT);
        long end = System.nanoTime() + WAIT.toNanos();
        while (edge.rebirthRequests() < 1 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        assertEquals(1, edge.rebirthRequests(), "one rebirth request: " + edge.commands);
        births();
        edge.send("NDATA", "", Sp.payload(2, Sp.aliasOnly(1).setDoubleValue(4.0).build()).build());
        host.awaitBatch("E1", x -> good(x, "speed", 4.0), WAIT);
    }

    @Test
    void ndeathWithAStaleBdSeqIsIgnoredTheCurrentOneIsHardErrorABirthBringsItBack() throws Exception {
        startStandard();
        births();
        host.awaitState("E1", StationState.StON, WAIT);
        edge.ndeath(6); // an old session's will arriving late
        edge.send("NDATA", "", Sp.payload(2, Sp.aliasOnly(1).setDoubleValue(5.0).build()).build());
        host.awaitBatch("E1", x -> good(x, "speed", 5.0), WAIT);
        assertEquals(StationState.StON, host.state("E1"));
        assertEquals(1, driver.statistics().named(SparkplugSession.STALE_DEATHS));

        // DDEATH: the device alone goes offline, its values stale; the edge node stays online
        edge.send("DDEATH", "D1", Sp.payload(3).build());
        host.awaitState("D1", StationState.StHARDERR, WAIT);
        host.awaitBatch("D1", x -> x.tags().contains("temp") && x.get("temp").value().quality() == Quality.BAD, WAIT);
        assertEquals(StationState.StON, host.state("E1"));
        edge.send("DBIRTH", "D1", Sp.payload(4, Sp.metric("Temp", 10, DataTypes.INT16).setIntValue(-6).build()).build());
        host.awaitState("D1", StationState.StON, WAIT);
        host.awaitBatch("D1", x -> good(x, "temp", -6L), WAIT);

        edge.ndeath(7);
        host.awaitState("E1", StationState.StHARDERR, WAIT);
        host.awaitState("D1", StationState.StHARDERR, WAIT);
        host.awaitBatch("E1", x -> x.tags().contains("speed") && x.get("speed").value().quality() == Quality.BAD, WAIT);
        births();
        host.awaitState("E1", StationState.StON, WAIT);
        host.awaitState("D1", StationState.StON, WAIT);
    }

    @Test
    void stateBirthIsRetainedAndTheWillSaysOfflineWithTheSameTimestamp() throws Exception {
        startStandard();
        List<String> seen = watchState();
        String ts = retainedBirth(seen);
        // another client takes the line's client id: the broker cuts the line and publishes its will
        MqttClient thief = new MqttClient(broker.tcpUri(), "sp-it-" + group, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        thief.connect(o);
        thief.disconnect();
        thief.close();
        long end = System.nanoTime() + WAIT.toNanos();
        while (seen.stream().noneMatch(s -> s.startsWith("{\"online\":false")) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(seen.contains("{\"online\":false,\"timestamp\":" + ts + "} qos1"), seen.toString());
        // the line reconnects and is online again
        end = System.nanoTime() + WAIT.toNanos();
        while (!seen.get(seen.size() - 1).startsWith("{\"online\":true") && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(seen.get(seen.size() - 1).startsWith("{\"online\":true,\"timestamp\":" + ts + "}"), seen.toString());
    }

    /**
     * The line's connection is lost and it cannot come back (the proxy refuses): the broker's will
     * is the retained STATE, offline with the birth's timestamp, as a late-joining edge node sees it.
     */
    @Test
    void theWillIsTheRetainedStateWhileTheLineCannotReconnect() throws Exception {
        TcpProxy proxy = TcpProxy.start("127.0.0.1", broker.tcpPort());
        closing.add(proxy);
        startStandard(proxy.port());
        String ts = retainedBirth(watchState());
        proxy.refuse(); // the connection is cut and new ones are closed at once
        String death = "{\"online\":false,\"timestamp\":" + ts + "} retained qos1";
        List<String> later = List.of();
        long end = System.nanoTime() + WAIT.toNanos();
        while (!later.equals(List.of(death)) && System.nanoTime() < end) {
            Thread.sleep(200);
            later = watchState();
            Thread.sleep(300);
        }
        assertEquals(List.of(death), later, "the retained STATE while the line is away");
        proxy.resume();
        List<String> back = watchState();
        await(() -> back.stream().anyMatch(x -> x.startsWith("{\"online\":true")));
        assertTrue(back.contains("{\"online\":true,\"timestamp\":" + ts + "} qos1")
                || back.contains("{\"online\":true,\"timestamp\":" + ts + "} retained qos1"), back.toString());
    }

    @Test
    void theConsoleSeesEachStationsSparkplugStateAndItsRebirthRequestReachesTheEdgeNode() throws Exception {
        startStandard();
        births();
        var e1 = driver.stationDetails().get("E1");
        assertEquals("online", e1.values().get("sparkplug state"));
        assertEquals("3", e1.values().get("metrics"), "bdSeq, Node Control/Rebirth, Speed");
        assertEquals("1", e1.values().get("last seq"));
        assertEquals(List.of("rebirth"), e1.actions());
        assertEquals("3", driver.stationDetails().get("D1").values().get("metrics"));
        assertEquals(0, edge.rebirthRequests());

        var r = driver.stationAction("D1", "rebirth").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(r.ok(), r.message());
        await(() -> edge.rebirthRequests() > 0);
        assertEquals(1, edge.rebirthRequests());
        assertFalse(driver.stationAction("nope", "rebirth").toCompletableFuture().get().ok());
    }

    @Test
    void birthsAreDiscoveredWithTemplateMembersAsTheyBind() throws Exception {
        startStandard();
        births();
        var found = driver.discovered();
        assertTrue(found.contains(new org.scadamqtt.driver.DiscoveredPoint(group + "/E1", "SP=Speed",
                org.scadamqtt.tag.TagType.Ai, "Sparkplug Double")), found.toString());
        assertTrue(found.contains(new org.scadamqtt.driver.DiscoveredPoint(group + "/E1/D1", "SP=Motor/Rpm",
                org.scadamqtt.tag.TagType.Ai, "Sparkplug Float")), found.toString());
        assertTrue(found.contains(new org.scadamqtt.driver.DiscoveredPoint(group + "/E1/D1", "SP=Limit",
                org.scadamqtt.tag.TagType.Ci, "Sparkplug UInt16")), found.toString());
    }

    @Test
    void switchingEveryStationOffSaysOfflineAndSwitchingOneOnSaysOnlineAgain() throws Exception {
        startStandard();
        List<String> seen = watchState();
        String ts = retainedBirth(seen);
        driver.control("E1", org.scadamqtt.driver.StationControl.OFF);
        driver.control("D1", org.scadamqtt.driver.StationControl.OFF); // no station needs the line: it disconnects
        await(() -> seen.size() >= 2);
        assertEquals("{\"online\":false,\"timestamp\":" + ts + "} qos1", seen.get(1), seen.toString());
        driver.control("E1", org.scadamqtt.driver.StationControl.ON);
        await(() -> seen.size() >= 3);
        assertEquals("{\"online\":true,\"timestamp\":" + ts + "} qos1", seen.get(2), seen.toString());
    }

    @Test
    void aDeliberateStopPublishesTheRetainedStateDeathBeforeDisconnecting() throws Exception {
        startStandard();
        List<String> seen = watchState();
        String ts = retainedBirth(seen);
        long t0 = System.nanoTime();
        driver.stop(); // a clean DISCONNECT: the broker discards the will, so only the line itself can say it
        long stopMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(stopMs < 5000, "stop took " + stopMs + " ms");
        await(() -> seen.stream().anyMatch(s -> s.startsWith("{\"online\":false")));
        assertEquals(List.of(seen.get(0), "{\"online\":false,\"timestamp\":" + ts + "} qos1"), seen);
        List<String> later = watchState();
        first(later);
        assertEquals(List.of("{\"online\":false,\"timestamp\":" + ts + "} retained qos1"), later,
                "the retained STATE after the stop");
    }

    /**
     * A broker that keeps the connection but never acknowledges the STATE death (all traffic
     * swallowed): the deliberate stop waits for the acknowledgement only a bounded time.
     */
    @Test
    void aDeliberateStopIsBoundedWhenTheBrokerNeverAcknowledgesTheStateDeath() throws Exception {
        TcpProxy proxy = TcpProxy.start("127.0.0.1", broker.tcpPort());
        closing.add(proxy);
        startStandard(proxy.port());
        List<String> seen = watchState();
        retainedBirth(seen);
        proxy.halfOpen(); // the socket stays open, nothing arrives, nothing is answered
        long t0 = System.nanoTime();
        driver.stop();
        long stopMs = (System.nanoTime() - t0) / 1_000_000;
        driver = null;
        assertTrue(stopMs < 5000, "stop took " + stopMs + " ms with a broker that never answers");
        System.out.println("SparkplugHiveMqIT: a stop against a silent broker took " + stopMs + " ms");
    }

    /**
     * Sparkplug 3.0 wants the primary host's STATE birth to be the first message of its session.
     * Retained data of edge nodes whose birth the host has not seen arrives right after the SUBACK,
     * while the line is still subscribing; each asks for a rebirth, and every one of those NCMDs
     * must follow the STATE birth (and none may be lost).
     */
    @Test
    void theStateBirthPrecedesTheRebirthRequestsThatDataArrivingWhileSubscribingAsksFor() throws Exception {
        int nodes = 30;
        MqttClient feeder = new MqttClient(broker.tcpUri(), "sp-feed-" + group, new MemoryPersistence());
        MqttConnectOptions fo = new MqttConnectOptions();
        fo.setMaxInflight(2 * nodes);
        feeder.connect(fo);
        closing.add(() -> {
            for (int i = 0; i < nodes; i++) { // leave no retained data behind
                feeder.publish("spBv1.0/" + group + "/NDATA/N" + i, new byte[0], 1, true);
            }
            feeder.disconnect();
            feeder.close();
        });
        for (int i = 0; i < nodes; i++) {
            feeder.publish("spBv1.0/" + group + "/NDATA/N" + i,
                    Sp.payload(5, Sp.aliasOnly(1).setDoubleValue(i).build()).build().toByteArray(), 1, true);
        }
        List<String> order = new CopyOnWriteArrayList<>();
        MqttClient w = new MqttClient(broker.tcpUri(), "sp-order-" + group, new MemoryPersistence());
        w.connect();
        closing.add(() -> {
            w.disconnect();
            w.close();
        });
        w.subscribe(new String[] {"spBv1.0/STATE/" + hostId, "spBv1.0/" + group + "/NCMD/+"}, new int[] {1, 1},
                new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
                    (t, m) -> order.add(new String(m.getPayload(), StandardCharsets.UTF_8)),
                    (t, m) -> order.add(t)});
        LineConfig line = TestConfigs.line("SP", List.of("127.0.0.1"), broker.tcpPort(), params(
                "clientId", "sp-it-" + group, "payloadType", "SparkplugB", "topicFilter", "spBv1.0/#",
                "subscribeQos", "QoS_1", "cleanSession", "YES", "sparkplugHostId", hostId,
                "sparkplugRebirthInterval", "30"), station("N0", group + "/N0", params(), tag("v", "Ai", "SP=v")));
        driver = new MqttDriver(line, host, new PahoSessionFactory());
        driver.start();
        await(() -> order.size() > nodes);
        assertEquals(nodes + 1, order.size(), "the STATE birth and one rebirth request per edge node: " + order);
        assertTrue(order.get(0).startsWith("{\"online\":true"), "the first message of the session: " + order);
        assertEquals(nodes, order.stream().filter(x -> x.contains("/NCMD/")).distinct().count(), order.toString());
    }

    @Test
    void aThousandMetricsInOneBirthBindInOnePass() throws Exception {
        List<TagConfig> tags = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tags.add(tag("m" + i, "Ci", "SP=m" + i));
        }
        start(station("E1", group + "/E1", params(), tags.toArray(TagConfig[]::new)));
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            metrics.add(Sp.metric("m" + i, 100 + i, DataTypes.INT32).setIntValue(i).build());
        }
        long t0 = System.nanoTime();
        edge.nbirth(metrics.toArray(Metric[]::new));
        RecordingContext.Batch b = host.awaitBatch("E1", x -> x.tags().size() >= 1000 && good(x, "m999", 999L), WAIT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        for (int i = 0; i < 1000; i++) {
            assertTrue(good(b, "m" + i, (long) i), "m" + i + ": " + b.get("m" + i));
        }
        System.out.println("SparkplugHiveMqIT: a birth of 1,001 metrics reached 1,000 tags in one batch after " + ms
                + " ms");
    }
}
