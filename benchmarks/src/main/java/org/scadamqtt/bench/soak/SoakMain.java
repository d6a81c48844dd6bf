package org.scadamqtt.bench.soak;

import java.util.List;

/**
 * The fault run users can repeat:
 * {@code java -cp benchmarks/target/benchmarks.jar org.scadamqtt.bench.soak.SoakMain [--smoke]}
 * (or {@code benchmarks/run-soak.sh}). A steady QoS 1 stream of numbered messages through
 * Mosquitto to the real host, broker restarts, TCP cuts, half-open links and host kills on a fixed
 * schedule; at the end published / received / lost / duplicates and, per fault, detection and
 * recovery times, as a table and as JSON. Exit code 0: nothing lost and every fault recovered;
 * 1: something was lost or did not recover; 2: bad options or something missing.
 */
public final class SoakMain {

    private SoakMain() {
    }

    public static void main(String[] argv) throws Exception {
        SoakOptions options;
        try {
            options = SoakOptions.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: SoakMain [--smoke | --full] [--seconds 600] [--rate 100] "
                    + "[--faults AT:KIND[:SECONDS],…] [--drain-seconds 60] [--host-jar host-runtime/target/scada-host.jar] "
                    + "[--line-params name=value,…] [--host-jvm-args \"-Xmx256m\"] [--json soak-full.json] [--keep-work-dir]");
            System.exit(2);
            return;
        }
        List<String> missing = SoakRun.missing(options.hostJar());
        if (!missing.isEmpty()) {
            System.err.println("cannot run the soak, missing: " + String.join("; ", missing));
            System.exit(2);
        }
        SoakResult r = new SoakRun(options, System.out).run();
        System.out.println();
        System.out.print(SoakReport.table(r));
        SoakReport.writeJson(r, options.json());
        System.out.println("figures written to " + options.json().toAbsolutePath());
        System.out.println(SoakReport.resultLine(r));
        System.exit(r.passed() ? 0 : 1);
    }
}
