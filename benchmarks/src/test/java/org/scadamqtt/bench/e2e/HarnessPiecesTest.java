package org.scadamqtt.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scadamqtt.bench.BenchPayload;
import org.scadamqtt.bench.BenchTopology;
import org.scadamqtt.bench.LatencyRecorder;
import org.scadamqtt.mqtt.internal.route.StationRouter;

/** The harness's pure pieces: topics, options, figures, report. No broker, no processes. */
class HarnessPiecesTest {

    @Test
    void messageTopicsReachExactAndRegexStationsButNeverTheCatchAll() {
        StationRouter router = StationRouter.of(BenchTopology.E2E.routeEntries());
        List<String> topics = BenchTopology.E2E.messageTopics(50);
        Set<String> stations = new HashSet<>();
        for (String t : topics) {
            stations.add(router.route(t).orElseThrow());
        }
        assertEquals(50, stations.size(), "every topic its own station: " + stations);
        assertEquals(45, stations.stream().filter(s -> s.startsWith("ex")).count());
        assertEquals(5, stations.stream().filter(s -> s.startsWith("rx")).count());
        assertTrue(stations.contains("ex000000") && stations.contains("ex000977"), stations.toString());
    }

    @Test
    void payloadIsAbout150BytesOfJsonWithTheDefaultTimeMask() {
        String json = BenchPayload.json(123_456, 42, "dev7");
        assertTrue(json.length() >= 140 && json.length() <= 170, json.length() + ": " + json);
        assertTrue(json.matches("\\{\"time\":\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\".*\"seq\":42,.*"), json);
    }

    @Test
    void optionsParseOverTheDefaultsAndRejectNonsense() {
        HarnessOptions d = HarnessOptions.parse(new String[0]);
        assertEquals(200_000, d.n());
        assertEquals(List.of(0, 1), d.qos());
        HarnessOptions o = HarnessOptions.parse(new String[] {"--smoke", "--qos", "1", "--n=5000", "--no-latency"});
        assertEquals(5000, o.n());
        assertEquals(List.of(1), o.qos());
        assertEquals(1, o.rounds());
        assertTrue(!o.latency());
        assertThrows(IllegalArgumentException.class, () -> HarnessOptions.parse(new String[] {"--qos", "2"}));
        assertThrows(IllegalArgumentException.class, () -> HarnessOptions.parse(new String[] {"--subscribers", "AD"}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HarnessOptions.parse(new String[] {"--rate", "5"}));
        assertTrue(e.getMessage().contains("unknown option --rate"), e.getMessage());
    }

    @Test
    void rateIsMessagesBetweenFirstAndLastOverTheirSpan() {
        Measurement m = new Measurement('C', 1, 1, 1001, 1001, 1_000_000_000L, 2_002_000_000L, 1, 0, 0, 0, "");
        assertEquals(1000.0, m.rate(), 1e-9);
        assertEquals(0, m.lost());
        assertEquals(2000.0, m.cpuMicrosPerMessage(), 1e-9);
        assertEquals(0, new Measurement('A', 0, 1, 10, 1, 0, -1, -1, 0, 0, 0, "").rate());
    }

    @Test
    void reportTakesTheMedianAndFlagsQos1LossAndBadValues() {
        HarnessOptions o = HarnessOptions.smoke();
        List<Measurement> ms = List.of(
                m('A', 0, 1, 100, 1_000_000_000L), m('A', 0, 2, 100, 500_000_000L), m('A', 0, 3, 100, 250_000_000L),
                m('B', 0, 1, 100, 1_000_000_000L), m('C', 0, 1, 100, 2_000_000_000L),
                m('C', 1, 1, 90, 1_000_000_000L));
        HarnessReport r = new HarnessReport(o, "f", 150, ms, null);
        assertEquals(198.0, r.medianRate('A', 0), 1e-9);
        String line = r.ratioLine();
        assertTrue(line.contains("QoS 0: C/A=0.25 C/B=0.50"), line);
        assertTrue(line.contains("QoS 1 lost A=0 B=0 C=10"), line);
        assertEquals(List.of("QoS 1 round 1 C lost 10 messages"), r.problems());
        assertTrue(r.table().contains("PROBLEMS:"), r.table());
    }

    private static Measurement m(char s, int qos, int round, long received, long span) {
        return new Measurement(s, qos, round, 100, received, span, -1, -1, 0, 0, 0, "");
    }

    @Test
    void mosquittoSubTimestampsAreReadToTheNanosecond() {
        assertEquals(1_470_818_943_786_368_637L, MosquittoSubRunner.epochNanos("1470818943.786368637\n"));
    }

    @Test
    void childResultRoundTrips() {
        ChildResult r = ChildResult.parse(ChildResult.format(Map.of("received", 12, "socketFactory", "a b()")));
        assertEquals(12, r.get("received"));
        assertEquals("a_b()", r.text("socketFactory"));
        assertEquals(-1, r.get("absent"));
    }

    @Test
    void latencyQuantilesAreNearestRankAndWarmUpIsNotRecorded() {
        LatencyRecorder rec = new LatencyRecorder(1000, 1_000);
        rec.record(999, 5_000); // sent before the recording started
        for (int i = 1; i <= 1000; i++) {
            rec.record(1_000, 1_000 + i);
        }
        long[] s = rec.sorted();
        assertEquals(1000, s.length);
        assertEquals(500, LatencyRecorder.quantile(s, 0.5));
        assertEquals(990, LatencyRecorder.quantile(s, 0.99));
        assertEquals(999, LatencyRecorder.quantile(s, 0.999));
        assertEquals(0, LatencyRecorder.quantile(new long[0], 0.5));
    }
}
