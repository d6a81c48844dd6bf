package org.scadamqtt.bench.e2e;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.scadamqtt.bench.Args;

/**
 * Options of the ingest harness; the defaults are the full-size run.
 *
 * @param n              messages per measurement
 * @param rounds         measurements per subscriber and QoS (the median is reported)
 * @param qos            QoS levels to measure, in order
 * @param topics         topics the messages are spread over (one {@code mosquitto_pub} per topic)
 * @param publishers     {@code mosquitto_pub} processes running at once
 * @param subscribers    which of A, B, C to measure
 * @param latency        whether to run the latency measurement
 * @param latencyRate    offered messages per second in the latency run
 * @param latencySeconds length of the recorded part of the latency run
 * @param latencyWarmup  warm-up seconds before recording
 * @param childJvmArgs   JVM options of the child JVMs (B, C and latency)
 * @param idleMs         after the publisher finished, a subscriber that received nothing for
 *                       this long has got all it will get
 * @param timeoutSeconds longest a single measurement may take
 * @param warmup         whether the JVM subscribers (B, C) first take one unmeasured flood, so
 *                       the figures are steady-state and not the JIT compiler's start-up work
 */
public record HarnessOptions(int n, int rounds, List<Integer> qos, int topics, int publishers, String subscribers, boolean latency,
        int latencyRate, double latencySeconds, double latencyWarmup, List<String> childJvmArgs, int idleMs,
        int timeoutSeconds, boolean warmup) {

    public static final Set<String> NAMES = Set.of("n", "rounds", "qos", "topics", "publishers", "subscribers", "no-latency",
            "latency-rate", "latency-seconds", "latency-warmup", "child-jvm-args", "idle-ms", "timeout-s", "smoke", "no-warmup");

    public HarnessOptions {
        if (n < 2 || rounds < 1 || topics < 1 || topics > n || publishers < 1) {
            throw new IllegalArgumentException("need n >= 2, rounds >= 1, 1 <= topics <= n and publishers >= 1; found n="
                    + n + " rounds=" + rounds + " topics=" + topics + " publishers=" + publishers);
        }
        qos = List.copyOf(qos);
        if (qos.isEmpty() || qos.stream().anyMatch(q -> q < 0 || q > 1)) {
            throw new IllegalArgumentException("--qos takes 0, 1 or 0,1; found " + qos);
        }
        if (!subscribers.matches("[ABC]+")) {
            throw new IllegalArgumentException("--subscribers takes letters of ABC, found '" + subscribers + "'");
        }
        childJvmArgs = List.copyOf(childJvmArgs);
    }

    /** The full-size run: 200,000 messages, 3 rounds, QoS 0 and 1, latency at 5,000 msg/s for 10 s. */
    public static HarnessOptions defaults() {
        return new HarnessOptions(200_000, 3, List.of(0, 1), 50, 8, "ABC", true, 5000, 10, 3,
                List.of("-Xms256m", "-Xmx512m"), 2000, 300, true);
    }

    /** A tiny run that checks the harness works: 2,000 messages, 1 round, a 1 s latency run at 1,000 msg/s. */
    public static HarnessOptions smoke() {
        return new HarnessOptions(2000, 1, List.of(0, 1), 10, 4, "ABC", true, 1000, 1, 1,
                List.of("-Xms64m", "-Xmx256m"), 1500, 120, false);
    }

    /** Parses command-line options over the defaults ({@code --smoke} starts from {@link #smoke()}). */
    public static HarnessOptions parse(String[] argv) {
        Args a = Args.parse(argv, NAMES);
        HarnessOptions d = a.flag("smoke") ? smoke() : defaults();
        List<Integer> qos = a.text("qos", null) == null ? d.qos()
                : Arrays.stream(a.text("qos", "").split(",")).map(String::trim).map(Integer::valueOf).toList();
        List<String> jvm = a.text("child-jvm-args", null) == null ? d.childJvmArgs()
                : Arrays.stream(a.text("child-jvm-args", "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        return new HarnessOptions(a.integer("n", d.n()), a.integer("rounds", d.rounds()), qos,
                a.integer("topics", d.topics()), a.integer("publishers", d.publishers()), a.text("subscribers", d.subscribers()),
                d.latency() && !a.flag("no-latency"), a.integer("latency-rate", d.latencyRate()),
                a.decimal("latency-seconds", d.latencySeconds()), a.decimal("latency-warmup", d.latencyWarmup()),
                jvm, a.integer("idle-ms", d.idleMs()), a.integer("timeout-s", d.timeoutSeconds()),
                d.warmup() && !a.flag("no-warmup"));
    }
}
