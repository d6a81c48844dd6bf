package org.scadamqtt.bench.jmh;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scadamqtt.bench.BenchTopology;
import org.scadamqtt.mqtt.internal.route.StationRouter;

/**
 * Routing cost per message as the number of stations grows (1 % of them regular expressions,
 * plus {@code .*}): repeated topics (the same 4,096 topics over and over, exact and regex ones),
 * and first-seen topics (a new topic every time, matched by a regex station or only by
 * {@code .*}). {@link #buildTopicOnly} is the cost of making a new topic string, to subtract.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {

    private static final int TOPICS = 4096;

    @Param({"10", "1000", "100000"})
    public int stations;

    private StationRouter router;
    private String[] repeated;
    private int regex;
    private long counter;
    private int i;

    @Setup
    public void setUp() {
        BenchTopology t = BenchTopology.withRegexShare(stations);
        router = StationRouter.of(t.routeEntries());
        List<String> topics = t.messageTopics(TOPICS);
        repeated = topics.toArray(String[]::new);
        regex = t.regex();
        for (String topic : repeated) {
            if (router.route(topic).isEmpty()) {
                throw new IllegalStateException("no station for " + topic);
            }
        }
    }

    @Benchmark
    public Optional<String> repeatedTopic() {
        return router.route(repeated[i++ & (TOPICS - 1)]);
    }

    @Benchmark
    public Optional<String> firstSeenRegexTopic() {
        long c = counter++;
        return router.route(BenchTopology.regexTopic((int) (c % regex), c));
    }

    @Benchmark
    public Optional<String> firstSeenCatchAllTopic() {
        return router.route("bench/other/" + counter++);
    }

    @Benchmark
    public String buildTopicOnly() {
        long c = counter++;
        return BenchTopology.regexTopic((int) (c % regex), c);
    }
}
