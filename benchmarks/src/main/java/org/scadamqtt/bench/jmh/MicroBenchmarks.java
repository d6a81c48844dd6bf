package org.scadamqtt.bench.jmh;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.scadamqtt.bench.Args;

/**
 * Runs {@link PipelineBenchmark} and {@link RoutingBenchmark} with JMH and prints, after JMH's
 * own table, the ratios the targets are stated in: pipeline / naive baseline, and routing cost
 * at 100,000 stations / at 10 stations for repeated topics. {@code --smoke} runs one short
 * iteration of each (checks it works; its figures mean nothing).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.scadamqtt.bench.jmh.MicroBenchmarks [--smoke]</pre>
 */
public final class MicroBenchmarks {

    private MicroBenchmarks() {
    }

    public static void main(String[] argv) throws Exception {
        Args a = Args.parse(argv, Set.of("smoke"));
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(PipelineBenchmark.class.getName() + "\\.")
                .include(RoutingBenchmark.class.getName() + "\\.")
                .shouldFailOnError(true);
        if (a.flag("smoke")) {
            o.forks(1).warmupIterations(1).measurementIterations(1)
                    .warmupTime(TimeValue.milliseconds(300)).measurementTime(TimeValue.milliseconds(300));
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        System.out.println(summary(results));
    }

    static String summary(Collection<RunResult> results) {
        double pipeline = score(results, "PipelineBenchmark.pipeline", null);
        double naive = score(results, "PipelineBenchmark.naive", null);
        double route = score(results, "PipelineBenchmark.routeOnly", null);
        double bind = score(results, "PipelineBenchmark.bindOnly", null);
        double r10 = score(results, "RoutingBenchmark.repeatedTopic", "10");
        double r100k = score(results, "RoutingBenchmark.repeatedTopic", "100000");
        double f10 = score(results, "RoutingBenchmark.firstSeenRegexTopic", "10");
        double f100k = score(results, "RoutingBenchmark.firstSeenRegexTopic", "100000");
        return String.format(Locale.ROOT, "RESULT jmh | pipeline %,.0f msg/s on one core (target >= 500,000) | naive "
                + "%,.0f msg/s | pipeline/naive=%.1f (target >= 3) | parts: route %,.0f/s, decode+bind %,.0f/s | routing repeated topic: 10 stations %.1f ns, "
                + "100,000 stations %.1f ns, ratio %.2f (target <= 2) | first-seen regex topic: 10 stations %.0f ns, "
                + "100,000 stations %.0f ns", pipeline, naive, naive > 0 ? pipeline / naive : 0, route, bind, r10, r100k,
                r10 > 0 ? r100k / r10 : 0, f10, f100k);
    }

    private static double score(Collection<RunResult> results, String benchmark, String stations) {
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            if (label.endsWith(benchmark)
                    && (stations == null || stations.equals(r.getParams().getParam("stations")))) {
                return r.getPrimaryResult().getScore();
            }
        }
        return 0;
    }
}
