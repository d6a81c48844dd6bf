package org.scadamqtt.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publish-to-sink latency of the driver at a fixed offered rate (QoS 1), from a child JVM
 * running {@link LatencyRun}.
 *
 * @param rate        offered msg/s asked for
 * @param offered     msg/s the publisher achieved
 * @param expected    messages sent in the recorded part
 * @param received    of those, messages whose latency was recorded
 * @param p50Nanos    median
 * @param p99Nanos    99th percentile
 * @param p999Nanos   99.9th percentile
 * @param maxNanos    worst
 * @param peakRssKb   child JVM peak RSS (driver + publisher)
 * @param problem     empty when all went well
 */
public record LatencyResult(int rate, long offered, long expected, long received, long p50Nanos, long p99Nanos,
        long p999Nanos, long maxNanos, long peakRssKb, String problem) {

    static LatencyResult measure(MosquittoBroker broker, Path dir, HarnessOptions o) throws java.io.IOException,
            InterruptedException {
        String id = "bench-latency";
        ChildJvmRunner child = ChildJvmRunner.start(dir, id, o.childJvmArgs(), List.of("--kind", "latency",
                "--port", Integer.toString(broker.port()), "--client-id", id, "--rate", Integer.toString(o.latencyRate()),
                "--seconds", Double.toString(o.latencySeconds()), "--warmup-seconds", Double.toString(o.latencyWarmup())));
        child.publisherDone(); // it publishes itself; close its input
        List<String> problems = new ArrayList<>();
        long budget = (long) (o.latencySeconds() + o.latencyWarmup()) + 120;
        ChildResult r = child.awaitResult(Duration.ofSeconds(budget), problems);
        if (r == null) {
            return new LatencyResult(o.latencyRate(), 0, 0, 0, 0, 0, 0, 0, -1, String.join("; ", problems));
        }
        return new LatencyResult(o.latencyRate(), r.get("offeredRate"), r.get("expected"), r.get("received"),
                r.get("p50Nanos"), r.get("p99Nanos"), r.get("p999Nanos"), r.get("maxNanos"), r.get("peakRssKb"),
                String.join("; ", problems));
    }

    long lost() {
        return Math.max(0, expected - received);
    }

    String summary() {
        return String.format("driver QoS 1 at %,d msg/s offered (%,d achieved), %,d messages: p50 %.2f ms, p99 %.2f ms, "
                + "p99.9 %.2f ms, max %.2f ms, lost %,d%s", rate, offered, expected, p50Nanos / 1e6, p99Nanos / 1e6,
                p999Nanos / 1e6, maxNanos / 1e6, lost(), problem.isEmpty() ? "" : " PROBLEM: " + problem);
    }
}
