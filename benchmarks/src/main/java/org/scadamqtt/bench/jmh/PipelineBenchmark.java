package org.scadamqtt.bench.jmh;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scadamqtt.bench.BenchTopology;
import org.scadamqtt.driver.TagUpdate;

/**
 * One message through the pure pipeline (route + decode + bind + time mask) on the end-to-end
 * layout (1,000 exact, 100 regex stations, {@code .*}; five JA= tags and a time field), against
 * {@link NaivePipeline}. Single thread: ops/s is messages per second on one core.
 * {@link #routeOnly} and {@link #bindOnly} split {@link #pipeline} into its two parts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {

    private PipelineFixture fixture;
    private NaivePipeline naive;
    private String[] stations;
    private int i;

    @Setup
    public void setUp() {
        fixture = new PipelineFixture(BenchTopology.E2E, 5);
        naive = new NaivePipeline(BenchTopology.E2E);
        stations = new String[PipelineFixture.MESSAGES];
        for (int k = 0; k < stations.length; k++) {
            stations[k] = fixture.route(k);
        }
        List<TagUpdate> a = fixture.process(0, Instant.now());
        List<TagUpdate> b = naive.process(fixture.topic(0), fixture.payload(0), 1, Instant.now());
        if (a.size() != 8 || b.size() != 8 || a.stream().anyMatch(u -> !u.value().isGood())) {
            throw new IllegalStateException("pipeline and baseline must bind 8 GOOD values; pipeline: " + a
                    + "; baseline: " + b);
        }
    }

    @Benchmark
    public List<TagUpdate> pipeline() {
        return fixture.process(i++, Instant.now());
    }

    /** The routing share of {@link #pipeline}. */
    @Benchmark
    public String routeOnly() {
        return fixture.route(i++);
    }

    /** The decode + bind + time-mask share of {@link #pipeline} (stations routed in advance). */
    @Benchmark
    public List<TagUpdate> bindOnly() {
        int k = i++ & (PipelineFixture.MESSAGES - 1);
        return fixture.bind(stations[k], k, Instant.now());
    }

    @Benchmark
    public List<TagUpdate> naive() {
        int k = i++;
        return naive.process(fixture.topic(k), fixture.payload(k), (k & 0xFFFF) + 1, Instant.now());
    }
}
