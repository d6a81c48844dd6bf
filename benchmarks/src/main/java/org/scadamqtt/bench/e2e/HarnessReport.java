package org.scadamqtt.bench.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The harness's results: a table per QoS and subscriber (median of the rounds) and one line
 * with the ratios, plus the list of problems a smoke check fails on.
 *
 * @param options              what was run
 * @param socketFactory        which socket factory B and the latency publisher used
 * @param payloadBytes         size of a typical message
 * @param measurements         every measurement, in run order
 * @param latency              the latency result, or null when not run
 */
public record HarnessReport(HarnessOptions options, String socketFactory, int payloadBytes,
        List<Measurement> measurements, LatencyResult latency) {

    private static final String[] NAMES = {"A mosquitto_sub (C)", "B Paho, counting", "C driver, 1,101 stations"};

    /** Median msg/s of one subscriber at one QoS; 0 when it was not measured. */
    public double medianRate(char subscriber, int qos) {
        List<Double> rates = of(subscriber, qos).stream().map(Measurement::rate).sorted().toList();
        if (rates.isEmpty()) {
            return 0;
        }
        int m = rates.size() / 2;
        return rates.size() % 2 == 1 ? rates.get(m) : (rates.get(m - 1) + rates.get(m)) / 2;
    }

    /** Messages lost by one subscriber at one QoS, summed over the rounds. */
    public long lost(char subscriber, int qos) {
        return of(subscriber, qos).stream().mapToLong(Measurement::lost).sum();
    }

    /** Messages counted by one subscriber at one QoS, summed over the rounds. */
    public long received(char subscriber, int qos) {
        return of(subscriber, qos).stream().mapToLong(Measurement::received).sum();
    }

    /** Values the driver delivered not GOOD, summed. */
    public long driverBadValues() {
        return measurements.stream().mapToLong(Measurement::badValues).sum();
    }

    private List<Measurement> of(char subscriber, int qos) {
        return measurements.stream().filter(m -> m.subscriber() == subscriber && m.qos() == qos).toList();
    }

    /**
     * What a smoke run fails on: any measurement problem, any QoS 1 loss, any QoS 0 loss of A or
     * B, values the driver delivered BAD, a latency run that lost or failed.
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        for (Measurement m : measurements) {
            if (!m.problem().isEmpty()) {
                p.add("QoS " + m.qos() + " round " + m.round() + " " + m.subscriber() + ": " + m.problem());
            }
            if (m.qos() == 1 && m.lost() > 0) {
                p.add("QoS 1 round " + m.round() + " " + m.subscriber() + " lost " + m.lost() + " messages");
            }
            if (m.badValues() > 0) {
                p.add("QoS " + m.qos() + " round " + m.round() + " driver delivered " + m.badValues() + " BAD values");
            }
            if (m.receiveTimeStamped() > 0) {
                p.add("QoS " + m.qos() + " round " + m.round() + " driver stamped " + m.receiveTimeStamped()
                        + " values with the receive time: the time field was not used");
            }
        }
        if (latency != null && (!latency.problem().isEmpty() || latency.lost() > 0)) {
            p.add("latency: " + latency.summary());
        }
        return p;
    }

    /** The table. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nIngest: %,d JSON messages of ~%d B per flood, %d topics, %d round(s), "
                + "loopback Mosquitto; B's socket factory: %s%n", options.n(), payloadBytes, options.topics(),
                options.rounds(), socketFactory));
        sb.append(String.format(Locale.ROOT, "%-3s  %-26s %12s  %-32s %8s %11s %9s %10s %12s%n", "QoS", "subscriber",
                "msg/s median", "rounds msg/s", "lost", "CPU us/msg", "peak RSS", "bad vals", "publisher/s"));
        for (int qos : options.qos()) {
            for (char s : "ABC".toCharArray()) {
                List<Measurement> ms = of(s, qos);
                if (ms.isEmpty()) {
                    continue;
                }
                String rounds = ms.stream().map(m -> String.format(Locale.ROOT, "%,.0f", m.rate()))
                        .collect(Collectors.joining(" "));
                double cpu = ms.stream().mapToDouble(Measurement::cpuMicrosPerMessage).filter(v -> v >= 0).sorted()
                        .skip(ms.size() / 2).findFirst().orElse(-1);
                long rss = ms.stream().mapToLong(Measurement::peakRssKb).max().orElse(-1);
                double pub = ms.stream().mapToDouble(Measurement::publisherRate).sorted().skip(ms.size() / 2).findFirst()
                        .orElse(0);
                sb.append(String.format(Locale.ROOT, "%-3d  %-26s %,12.0f  %-32s %,8d %11s %9s %,10d %,12.0f%n", qos,
                        NAMES[s - 'A'], medianRate(s, qos), rounds, lost(s, qos),
                        cpu < 0 ? "?" : String.format(Locale.ROOT, "%.2f", cpu),
                        rss < 0 ? "?" : String.format(Locale.ROOT, "%,d MB", Math.round(rss / 1024.0)),
                        ms.stream().mapToLong(Measurement::badValues).sum(), pub));
            }
        }
        sb.append("msg/s: subscriber clock, first to last message received; CPU: A under /usr/bin/time -v (whole process), "
                + "B and C their JVM over the measured flood"
                + (options.warmup() ? " (after an unmeasured warm-up flood)" : "") + "; peak RSS: VmHWM.\n");
        if (latency != null) {
            sb.append("Latency: ").append(latency.summary()).append('\n');
        }
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            sb.append("PROBLEMS:\n");
            problems.stream().sorted(Comparator.naturalOrder()).forEach(p -> sb.append("  ").append(p).append('\n'));
        }
        return sb.toString();
    }

    /** The last line: ratios per QoS, QoS 1 losses, latency percentiles. */
    public String ratioLine() {
        StringBuilder sb = new StringBuilder("RESULT");
        for (int qos : options.qos()) {
            double a = medianRate('A', qos);
            double b = medianRate('B', qos);
            double c = medianRate('C', qos);
            sb.append(String.format(Locale.ROOT, " | QoS %d: C/A=%s C/B=%s (target C/B>=0.9)", qos, ratio(c, a),
                    ratio(c, b)));
        }
        if (options.qos().contains(1)) {
            sb.append(String.format(Locale.ROOT, " | QoS 1 lost A=%d B=%d C=%d", lost('A', 1), lost('B', 1), lost('C', 1)));
        }
        if (latency != null) {
            sb.append(String.format(Locale.ROOT, " | latency @%d/s p50=%.2fms p99=%.2fms p99.9=%.2fms (target p99<=5ms)",
                    latency.rate(), latency.p50Nanos() / 1e6, latency.p99Nanos() / 1e6, latency.p999Nanos() / 1e6));
        }
        return sb.toString();
    }

    private static String ratio(double x, double y) {
        return y <= 0 || x <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", x / y);
    }
}
