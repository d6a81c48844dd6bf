package org.scadamqtt.bench;

import java.util.List;
import org.scadamqtt.bench.e2e.HarnessOptions;
import org.scadamqtt.bench.e2e.HarnessReport;
import org.scadamqtt.bench.e2e.IngestRunner;

/**
 * Command line of the end-to-end ingest harness (throughput A/B/C at QoS 0 and 1, then latency).
 * Prints progress, a table and, last, one {@code RESULT …} line with the ratios. Exit code 0
 * when every measurement completed without loss at QoS 1, 1 when not, 2 for bad options or
 * missing programs.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.scadamqtt.bench.IngestHarness [--smoke] [--n 200000]
 *     [--rounds 3] [--qos 0,1] [--topics 100] [--subscribers ABC] [--no-latency] [--latency-rate 5000]
 *     [--latency-seconds 10] [--child-jvm-args "-Xms256m -Xmx512m"]</pre>
 */
public final class IngestHarness {

    private IngestHarness() {
    }

    public static void main(String[] argv) throws Exception {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("IngestHarness: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<String> missing = IngestRunner.missingTools();
        if (!missing.isEmpty()) {
            System.err.println("IngestHarness: not installed: " + String.join(", ", missing)
                    + " (Debian: apt-get install -y mosquitto mosquitto-clients)");
            System.exit(2);
        }
        HarnessReport report = new IngestRunner(options, System.out).run();
        System.out.println(report.table());
        System.out.println(report.ratioLine());
        System.exit(report.problems().isEmpty() ? 0 : 1);
    }
}
