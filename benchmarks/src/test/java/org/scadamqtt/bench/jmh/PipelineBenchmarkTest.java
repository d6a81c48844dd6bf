package org.scadamqtt.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.bench.BenchTopology;
import org.scadamqtt.driver.TagUpdate;

/**
 * Keeps the JMH benchmarks honest and working without running JMH: the pipeline and the naive
 * baseline must produce the same values for every benchmark message (else the ratio compares
 * different work), and the annotation processor must have generated the benchmark list.
 */
class PipelineBenchmarkTest {

    @Test
    void pipelineAndNaiveBaselineBindTheSameValuesForEveryMessage() {
        PipelineFixture fixture = new PipelineFixture(BenchTopology.E2E, 5);
        NaivePipeline naive = new NaivePipeline(BenchTopology.E2E);
        Instant now = Instant.parse("2025-03-14T10:00:00Z");
        for (int i = 0; i < PipelineFixture.MESSAGES; i++) {
            List<TagUpdate> a = fixture.process(i, now);
            List<TagUpdate> b = naive.process(fixture.topic(i), fixture.payload(i), (i & 0xFFFF) + 1, now);
            assertEquals(8, a.size(), "values of message " + i);
            assertEquals(b, a, "message " + i + " on " + fixture.topic(i));
        }
    }

    @Test
    void benchmarkMethodsRunOnce() {
        PipelineBenchmark p = new PipelineBenchmark();
        p.setUp();
        assertEquals(8, p.pipeline().size());
        assertEquals(8, p.naive().size());
        assertTrue(p.routeOnly().startsWith("ex") || p.routeOnly().startsWith("rx"));
        assertEquals(8, p.bindOnly().size());
        for (String stations : List.of("10", "1000")) {
            RoutingBenchmark r = new RoutingBenchmark();
            r.stations = Integer.parseInt(stations);
            r.setUp();
            assertTrue(r.repeatedTopic().isPresent());
            assertTrue(r.firstSeenRegexTopic().orElseThrow().startsWith("rx"));
            assertEquals("catchall", r.firstSeenCatchAllTopic().orElseThrow());
        }
    }

    @Test
    void jmhGeneratedTheBenchmarkList() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String generated : List.of("PipelineBenchmark_pipeline_jmhTest", "PipelineBenchmark_naive_jmhTest",
                    "RoutingBenchmark_repeatedTopic_jmhTest", "RoutingBenchmark_firstSeenRegexTopic_jmhTest")) {
                assertTrue(list.contains(generated), generated + " missing from " + list);
            }
        }
    }
}
