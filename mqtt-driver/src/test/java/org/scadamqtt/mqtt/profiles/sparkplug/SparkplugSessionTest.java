package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.driver.ActionResult;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.driver.StationDetails;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.Reading;
import org.scadamqtt.mqtt.profile.StationSignal;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Metric;
import org.scadamqtt.tag.TagType;

/** The host application's state machine with a recording context: births, aliases, seq, deaths, writes. */
class SparkplugSessionTest {

    private final LineConfig line = TestConfigs.line("SPT", List.of("h"), params("payloadType", "SparkplugB",
            "sparkplugHostId", "scada1", "sparkplugRebirthInterval", "60"));
    private final FakeProfileContext ctx = new FakeProfileContext(line,
            Clock.fixed(Instant.ofEpochMilli(Sp.T0), ZoneOffset.UTC)).everyReplyWaits();
    private final SparkplugSession session = (SparkplugSession) new SparkplugProfile().open(ctx);
    private final MetricInput speed = new MetricInput(new EdgeRef("G1", "E1", ""), "Speed");
    private final MetricInput temp = new MetricInput(new EdgeRef("G1", "E1", "D1"), "Temp");

    private Inspection send(String type, String device, Payload.Builder p) {
        return session.inspect(Sp.view(Sp.topic(type, device), p.build().toByteArray()));
    }

    private Inspection nbirth(long bdSeq) {
        return send("NBIRTH", "", Sp.payload(0, Sp.bdSeq(bdSeq),
                Sp.metric("Node Control/Rebirth", 1, DataTypes.BOOLEAN).setBooleanValue(false).build(),
                Sp.metric("Speed", 2, DataTypes.DOUBLE).setDoubleValue(1.5).build()));
    }

    private Inspection dbirth(long seq) {
        return send("DBIRTH", "D1", Sp.payload(seq, Sp.metric("Temp", 3, DataTypes.INT16).setIntValue(-5).build()));
    }

    private static Reading read(MetricInput a, Inspection i, String key) {
        return a.read(null, i.decodedFor(key));
    }

    private static final String NODE = EdgeRef.nodeKey("G1", "E1");
    private static final String DEV = EdgeRef.deviceKey("G1", "E1", "D1");

    @Test
    void birthThenDataByAliasWithTheMetricsOwnTimestamp() {
        Inspection b = nbirth(3);
        assertEquals(List.of(NODE), b.keys());
        assertEquals(StationSignal.Kind.CLEAR, b.decoded().signal().kind());
        assertEquals(1.5, read(speed, b, NODE).value().asDouble());
        Inspection d = dbirth(1);
        assertEquals(-5, read(temp, d, DEV).value().asInt());

        Inspection data = send("NDATA", "", Sp.payload(2, Sp.aliasOnly(2).setDoubleValue(7.25).build()));
        Reading r = read(speed, data, NODE);
        assertEquals(7.25, r.value().asDouble());
        assertEquals(Instant.ofEpochMilli(Sp.T0 + 1000), r.sourceTime());
        assertFalse(r.uncertain());
        Inspection dd = send("DDATA", "D1", Sp.payload(3, Sp.aliasOnly(3).setIntValue(0xFFFFFFF0).build()));
        assertEquals(-16, read(temp, dd, DEV).value().asInt(), "type Int16 from the birth restores the sign");
        assertTrue(read(speed, dd, DEV).absent(), "a device message leaves the node's tags unchanged");
        assertEquals(0, ctx.counted(SparkplugSession.REBIRTHS));
    }

    @Test
    void aSeqGapRequestsOneRebirthAndMakesEveryValueUncertainUntilTheBirth() {
        session.connected(); // rebirth requests wait for the STATE birth (SparkplugStateFirstTest)
        nbirth(1);
        dbirth(1);
        send("NDATA", "", Sp.payload(2, Sp.aliasOnly(2).setDoubleValue(2).build()));
        Inspection gap = send("NDATA", "", Sp.payload(5, Sp.aliasOnly(2).setDoubleValue(3).build()));
        // the first sign of trouble reaches the node and its live devices with every value held, uncertain
        assertTrue(gap.keys().containsAll(List.of(NODE, DEV)), gap.keys().toString());
        Reading s = read(speed, gap, NODE);
        assertEquals(3.0, s.value().asDouble());
        assertTrue(s.uncertain());
        assertTrue(s.detail().contains("sent sequence number 5 after 2 (expected 3)"), s.detail());
        Reading t = read(temp, gap, DEV);
        assertEquals(-5, t.value().asInt());
        assertTrue(t.uncertain());

        Inspection later = send("NDATA", "", Sp.payload(6, Sp.aliasOnly(2).setDoubleValue(4).build()));
        assertTrue(read(speed, later, NODE).uncertain(), "still uncertain until the birth");
        List<FakeProfileContext.Published> rebirths = ctx.on("spBv1.0/G1/NCMD/E1");
        assertEquals(1, rebirths.size(), "one rebirth request within the interval");
        assertEquals(0, rebirths.get(0).qos());
        assertFalse(rebirths.get(0).retain());

        nbirth(1);
        Inspection after = send("NDATA", "", Sp.payload(1, Sp.aliasOnly(2).setDoubleValue(5).build()));
        assertFalse(read(speed, after, NODE).uncertain(), "the birth clears it");
    }

    @Test
    void seqWrapsFrom255ToZeroWithoutARebirth() {
        nbirth(1);
        for (int seq = 1; seq <= 255; seq++) {
            send("NDATA", "", Sp.payload(seq, Sp.aliasOnly(2).setDoubleValue(seq).build()));
        }
        Inspection wrapped = send("NDATA", "", Sp.payload(0, Sp.aliasOnly(2).setDoubleValue(256).build()));
        Reading r = read(speed, wrapped, NODE);
        assertEquals(256.0, r.value().asDouble());
        assertFalse(r.uncertain(), r::detail);
        Inspection next = send("NDATA", "", Sp.payload(1, Sp.aliasOnly(2).setDoubleValue(257).build()));
        assertFalse(read(speed, next, NODE).uncertain());
        assertEquals(List.of(), ctx.on("spBv1.0/G1/NCMD/E1"), "255 -> 0 is the next number, not a gap");
        assertEquals(0, ctx.counted(SparkplugSession.REBIRTHS));
    }

    @Test
    void twoEdgeNodesKeepTheirOwnSeq() {
        MetricInput speed2 = new MetricInput(new EdgeRef("G1", "E2", ""), "Speed");
        String node2 = EdgeRef.nodeKey("G1", "E2");
        session.connected(); // rebirth requests wait for the STATE birth (SparkplugStateFirstTest)
        nbirth(1);
        session.inspect(Sp.view("spBv1.0/G1/NBIRTH/E2", Sp.payload(0, Sp.bdSeq(7),
                Sp.metric("Speed", 2, DataTypes.DOUBLE).setDoubleValue(0.5).build()).build().toByteArray()));
        // interleaved: each node counts 1, 2, 3 on its own (one shared counter would see gaps at once)
        for (int seq = 1; seq <= 3; seq++) {
            Inspection a = send("NDATA", "", Sp.payload(seq, Sp.aliasOnly(2).setDoubleValue(seq).build()));
            Inspection b = session.inspect(Sp.view("spBv1.0/G1/NDATA/E2",
                    Sp.payload(seq, Sp.aliasOnly(2).setDoubleValue(10 + seq).build()).build().toByteArray()));
            assertFalse(read(speed, a, NODE).uncertain(), () -> read(speed, a, NODE).detail());
            assertFalse(read(speed2, b, node2).uncertain(), () -> read(speed2, b, node2).detail());
            assertEquals(10.0 + seq, read(speed2, b, node2).value().asDouble());
        }
        // a gap on E2 is E2's alone
        Inspection gap = session.inspect(Sp.view("spBv1.0/G1/NDATA/E2",
                Sp.payload(9, Sp.aliasOnly(2).setDoubleValue(19).build()).build().toByteArray()));
        assertTrue(read(speed2, gap, node2).uncertain());
        assertEquals(1, ctx.on("spBv1.0/G1/NCMD/E2").size());
        Inspection e1 = send("NDATA", "", Sp.payload(4, Sp.aliasOnly(2).setDoubleValue(4).build()));
        assertFalse(read(speed, e1, NODE).uncertain(), "E1 is not affected by E2's gap");
        assertEquals(List.of(), ctx.on("spBv1.0/G1/NCMD/E1"));
    }

    @Test
    void aSecondRebirthRequestGoesOutOnceTheIntervalHasPassed() {
        StepClock clock = new StepClock(Instant.ofEpochMilli(Sp.T0));
        FakeProfileContext c = new FakeProfileContext(line, clock).everyReplyWaits();
        SparkplugSession s = (SparkplugSession) new SparkplugProfile().open(c);
        s.connected(); // rebirth requests wait for the STATE birth (SparkplugStateFirstTest)
        String ncmd = "spBv1.0/G1/NCMD/E1";
        s.inspect(Sp.view(Sp.topic("NBIRTH", ""), Sp.payload(0, Sp.bdSeq(1),
                Sp.metric("Speed", 2, DataTypes.DOUBLE).setDoubleValue(1.5).build()).build().toByteArray()));
        s.inspect(Sp.view(Sp.topic("NDATA", ""), Sp.payload(5, Sp.aliasOnly(2).setDoubleValue(2).build())
                .build().toByteArray()));
        assertEquals(1, c.on(ncmd).size(), "the gap asks for a rebirth");
        clock.advance(Duration.ofSeconds(59));
        s.inspect(Sp.view(Sp.topic("NDATA", ""), Sp.payload(9, Sp.aliasOnly(2).setDoubleValue(3).build())
                .build().toByteArray()));
        assertEquals(1, c.on(ncmd).size(), "another gap within sparkplugRebirthInterval (60 s) asks for none");
        clock.advance(Duration.ofSeconds(2));
        s.inspect(Sp.view(Sp.topic("NDATA", ""), Sp.payload(20, Sp.aliasOnly(2).setDoubleValue(4).build())
                .build().toByteArray()));
        assertEquals(2, c.on(ncmd).size(), "after the interval the node is asked again");
    }

    /** A clock the test moves forward. */
    private static final class StepClock extends Clock {
        private volatile Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void anUnknownAliasOrDataBeforeAnyBirthAsksForARebirth() {
        session.connected(); // rebirth requests wait for the STATE birth (SparkplugStateFirstTest)
        Inspection early = send("NDATA", "", Sp.payload(7, Sp.aliasOnly(2).setDoubleValue(2).build()));
        assertEquals(1, ctx.on("spBv1.0/G1/NCMD/E1").size(), "the host started after the edge node: rebirth");
        assertTrue(read(speed, early, NODE).absent(), "the alias cannot be resolved without the birth");
        nbirth(1);
        Inspection unknown = send("NDATA", "", Sp.payload(1, Sp.aliasOnly(99).setDoubleValue(2).build()));
        assertTrue(read(speed, unknown, NODE).uncertain());
        assertTrue(read(speed, unknown, NODE).detail().contains("alias 99, which its birth did not announce"));
        assertEquals(1, ctx.counted(SparkplugSession.UNKNOWN_ALIASES));
        assertEquals(2, ctx.on("spBv1.0/G1/NCMD/E1").size(), "the birth reset the rate limit");
    }

    @Test
    void ndeathWithAStaleBdSeqIsIgnoredTheCurrentOneFaultsNodeAndDevices() {
        nbirth(4);
        dbirth(1);
        Inspection stale = send("NDEATH", "", Payload.newBuilder().addMetrics(Sp.bdSeq(3)));
        assertTrue(stale.consumed());
        assertEquals(1, ctx.counted(SparkplugSession.STALE_DEATHS));
        Inspection death = send("NDEATH", "", Payload.newBuilder().addMetrics(Sp.bdSeq(4)));
        assertEquals(List.of(NODE, EdgeRef.followerKey("G1", "E1")), death.keys());
        assertEquals(StationSignal.Kind.FAULT, death.decoded().signal().kind());
        assertTrue(death.decoded().signal().reason().contains("offline (NDEATH, bdSeq 4)"));
        Inspection ddeath = send("DDEATH", "D1", Sp.payload(2));
        assertEquals(List.of(DEV), ddeath.keys());
        assertEquals(StationSignal.Kind.FAULT, ddeath.decoded().signal().kind());
    }

    @Test
    void writesUseTheBirthsNameAliasAndTypeAndCanWaitForTheValueToComeBack() throws Exception {
        nbirth(1);
        dbirth(1);
        var station = TestConfigs.station("D1", "G1/E1/D1", params());
        var tag = TestConfigs.tag("t", "Co", "SP=Temp");
        Outgoing o = session.encode(new MetricOutput(new EdgeRef("G1", "E1", "D1"), "Temp", false),
                new WriteRequest(station, tag, 12L));
        assertEquals("spBv1.0/G1/DCMD/E1/D1", o.topic());
        assertEquals(0, o.qos());
        assertNull(o.correlation());
        Metric m = Payload.parseFrom(o.payload()).getMetrics(0);
        assertEquals("Temp", m.getName());
        assertEquals(3, m.getAlias());
        assertEquals(DataTypes.INT16, m.getDatatype());
        assertEquals(12, m.getIntValue());
        assertFalse(Payload.parseFrom(o.payload()).hasSeq(), "commands carry no sequence number");

        WriteRefusedException tooBig = assertThrows(WriteRefusedException.class, () -> session.encode(
                new MetricOutput(new EdgeRef("G1", "E1", "D1"), "Temp", false), new WriteRequest(station, tag, 70000L)));
        assertEquals(WriteFailure.WRONG_VALUE, tooBig.failure());
        assertTrue(tooBig.getMessage().contains("does not fit metric 'Temp' of type Int16"), tooBig.getMessage());
        WriteRefusedException unknown = assertThrows(WriteRefusedException.class, () -> session.encode(
                new MetricOutput(new EdgeRef("G1", "E1", "D9"), "Temp", false), new WriteRequest(station, tag, 1L)));
        assertEquals(WriteFailure.STATION_NOT_ON, unknown.failure());

        Outgoing confirmed = session.encode(new MetricOutput(new EdgeRef("G1", "E1", "D1"), "Temp", true),
                new WriteRequest(station, tag, 13L));
        assertNotNull(confirmed.correlation());
        send("DDATA", "D1", Sp.payload(2, Sp.aliasOnly(3).setIntValue(12).build()));
        assertTrue(ctx.answered().isEmpty(), "another value does not confirm the write");
        send("DDATA", "D1", Sp.payload(3, Sp.aliasOnly(3).setIntValue(13).build()));
        assertTrue(ctx.answered().get(confirmed.correlation()).ok());
    }

    @Test
    void primaryHostAnnouncesItselfWithTheWillsTimestamp() {
        var will = new SparkplugProfile().will(line).orElseThrow();
        assertEquals("spBv1.0/STATE/scada1", will.topic());
        assertEquals(1, will.qos());
        assertTrue(will.retain());
        assertTrue(will.message().startsWith("{\"online\":false,\"timestamp\":"), will.message());
        session.connected();
        FakeProfileContext.Published birth = ctx.on("spBv1.0/STATE/scada1").get(0);
        assertEquals(1, birth.qos());
        assertTrue(birth.retain());
        String text = new String(birth.payload(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(will.message().replace("false", "true"), text, "birth and will carry one timestamp");
        // our own death certificate while connected: announce again
        session.inspect(Sp.view("spBv1.0/STATE/scada1", will.message().getBytes()));
        assertEquals(2, ctx.on("spBv1.0/STATE/scada1").size());
        session.close();
    }

    @Test
    void leavingOnPurposeSendsTheRetainedDeathWithTheBirthsTimestampAndDoesNotAnnounceAgain() {
        session.connected();
        String birth = new String(ctx.on("spBv1.0/STATE/scada1").get(0).payload(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(session.leaving().toCompletableFuture().isDone());
        List<FakeProfileContext.Published> sent = ctx.on("spBv1.0/STATE/scada1");
        assertEquals(2, sent.size());
        FakeProfileContext.Published death = sent.get(1);
        assertEquals(1, death.qos());
        assertTrue(death.retain());
        String text = new String(death.payload(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(birth.replace("true", "false"), text, "death and birth carry one timestamp");
        // the broker echoes our own death before the DISCONNECT: that is no reason to say online again
        session.inspect(Sp.view("spBv1.0/STATE/scada1", death.payload()));
        assertEquals(2, ctx.on("spBv1.0/STATE/scada1").size());
        session.connected(); // connected again (new parameters): online, and an old death counts again
        session.inspect(Sp.view("spBv1.0/STATE/scada1", death.payload()));
        assertEquals(4, ctx.on("spBv1.0/STATE/scada1").size());
        session.close();
    }

    @Test
    void detailsFollowTheEdgeNodeAndTheOperatorsRebirthGoesOutDespiteTheRateLimit() throws Exception {
        session.connected(); // rebirth requests wait for the STATE birth (SparkplugStateFirstTest)
        StationConfig node = TestConfigs.station("E1", "G1/E1", params());
        StationConfig device = TestConfigs.station("D1", "G1/E1/D1", params());
        StationDetails before = session.details(node);
        assertEquals("no birth seen", before.values().get("sparkplug state"));
        assertEquals(List.of("rebirth"), before.actions());
        nbirth(3);
        dbirth(1);
        assertEquals(java.util.Map.of("sparkplug state", "online", "metrics", "3", "last seq", "1", "bdSeq", "3"),
                session.details(node).values());
        assertEquals(java.util.Map.of("sparkplug state", "online", "metrics", "1", "last seq", "1"),
                session.details(device).values());
        assertEquals(StationDetails.NONE, session.details(TestConfigs.station("X", "plain/topic/#", params())));

        ActionResult r = session.action(device, "rebirth").toCompletableFuture().get();
        assertTrue(r.ok(), r.message());
        assertTrue(r.message().contains("edge node G1/E1"), r.message());
        assertEquals(1, ctx.on("spBv1.0/G1/NCMD/E1").size(), "a device's rebirth goes to its edge node");
        send("NDATA", "", Sp.payload(5, Sp.aliasOnly(2).setDoubleValue(3).build())); // a gap
        assertEquals("waiting for rebirth", session.details(device).values().get("sparkplug state"));
        assertEquals(1, ctx.on("spBv1.0/G1/NCMD/E1").size(), "the automatic request waits an interval after ours");
        assertTrue(session.action(node, "rebirth").toCompletableFuture().get().ok());
        assertEquals(2, ctx.on("spBv1.0/G1/NCMD/E1").size(), "the operator's request ignores the interval");
        ActionResult unknown = session.action(node, "reboot").toCompletableFuture().get();
        assertFalse(unknown.ok());
        assertTrue(unknown.message().contains("only 'rebirth', not 'reboot'"), unknown.message());

        send("NDEATH", "", Sp.payload(0, Sp.bdSeq(3)));
        assertEquals("offline", session.details(node).values().get("sparkplug state"));
        assertEquals("offline", session.details(device).values().get("sparkplug state"));
    }

    @Test
    void birthsAreDiscoveredAsStationAddressTagAddressAndSuggestedType() {
        assertEquals(List.of(), session.discovered());
        nbirth(3);
        dbirth(1);
        assertEquals(List.of(
                new DiscoveredPoint("G1/E1", "SP=Node Control/Rebirth", TagType.Di, "Sparkplug Boolean"),
                new DiscoveredPoint("G1/E1", "SP=Speed", TagType.Ai, "Sparkplug Double"),
                new DiscoveredPoint("G1/E1/D1", "SP=Temp", TagType.Ci, "Sparkplug Int16")), session.discovered());
        // a new birth replaces the metric set
        send("DBIRTH", "D1", Sp.payload(2, Sp.metric("Name", 3, DataTypes.STRING).setStringValue("x").build()));
        assertEquals(new DiscoveredPoint("G1/E1/D1", "SP=Name", TagType.TxtI, "Sparkplug String"),
                session.discovered().get(2));
        assertEquals(3, session.discovered().size());
    }

    @Test
    void suggestedTagTypesFollowTheDataType() {
        assertEquals(TagType.Ci, Discovery.suggest(DataTypes.UINT64));
        assertEquals(TagType.Ci, Discovery.suggest(DataTypes.INT8));
        assertEquals(TagType.Ai, Discovery.suggest(DataTypes.FLOAT));
        assertEquals(TagType.Di, Discovery.suggest(DataTypes.BOOLEAN));
        assertEquals(TagType.TiA, Discovery.suggest(DataTypes.DATETIME));
        assertEquals(TagType.TxtI, Discovery.suggest(DataTypes.TEXT));
        assertEquals(TagType.TxtI, Discovery.suggest(DataTypes.DATASET));
        assertEquals(TagType.TxtI, Discovery.suggest(DataTypes.INT8_ARRAY));
    }

    @Test
    void aListeningHostOffersNoRebirth() throws Exception {
        LineConfig listening = TestConfigs.line("SPL", List.of("h"), params("payloadType", "SparkplugB",
                "sparkplugRequestRebirth", "NO"));
        FakeProfileContext c = new FakeProfileContext(listening, Clock.systemUTC()).everyReplyWaits();
        SparkplugSession s = (SparkplugSession) new SparkplugProfile().open(c);
        StationConfig node = TestConfigs.station("E1", "G1/E1", params());
        assertEquals(List.of(), s.details(node).actions());
        ActionResult r = s.action(node, "rebirth").toCompletableFuture().get();
        assertFalse(r.ok());
        assertTrue(r.message().contains("only listens"), r.message());
        assertTrue(c.published().isEmpty());
    }

    @Test
    void historicalMetricsDoNotUpdateLiveTags() {
        nbirth(1);
        Inspection h = send("NDATA", "", Sp.payload(1, Sp.aliasOnly(2).setDoubleValue(99).setIsHistorical(true).build()));
        assertTrue(read(speed, h, NODE).absent(), "a stored past value is not the current one");
        assertEquals(1, ctx.counted(SparkplugSession.HISTORICAL));
        Inspection live = send("NDATA", "", Sp.payload(2, Sp.aliasOnly(2).setDoubleValue(3).build()));
        assertEquals(3.0, read(speed, live, NODE).value().asDouble());
        assertFalse(read(speed, live, NODE).uncertain(), "the historical message kept the sequence");
        assertEquals(0, ctx.counted(SparkplugSession.REBIRTHS));
    }

    @Test
    void aThousandMetricsInOneBirthBindInOnePass() {
        Payload.Builder p = Sp.payload(0, Sp.bdSeq(0));
        for (int i = 0; i < 1000; i++) {
            p.addMetrics(Sp.metric("m" + i, 100 + i, DataTypes.INT32).setIntValue(i));
        }
        long t0 = System.nanoTime();
        Inspection b = send("NBIRTH", "", p);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Decoded d = b.decoded();
        SparkplugValues v = (SparkplugValues) d.body();
        assertEquals(1001, v.byScope().get("").size());
        assertEquals(999, new MetricInput(new EdgeRef("G1", "E1", ""), "m999").read(null, d).value().asInt());
        Inspection data = send("NDATA", "", Sp.payload(1, Sp.aliasOnly(1099).setIntValue(-1).build()));
        assertEquals(-1, new MetricInput(new EdgeRef("G1", "E1", ""), "m999").read(null, data.decoded()).value().asInt());
        System.out.println("SparkplugSessionTest: birth of 1,001 metrics inspected in " + ms + " ms");
        assertTrue(ms < 2000, ms + " ms");
    }
}
