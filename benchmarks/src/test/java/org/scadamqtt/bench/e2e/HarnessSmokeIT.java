package org.scadamqtt.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the ingest harness working: runs it in smoke mode (2,000 messages, one round, QoS 0
 * and 1, A, B and C, a one-second latency run) against a Mosquitto it starts itself, and checks
 * that every subscriber counted every message, QoS 1 lost nothing and the driver's values were
 * all GOOD with the payload's time. The figures themselves are not checked: this is not a
 * benchmark run. Skipped without Mosquitto, unless CI=true.
 */
class HarnessSmokeIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void smokeRunCountsEveryMessageAndLosesNoneAtQos1() throws Exception {
        List<String> missing = IngestRunner.missingTools();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(missing.isEmpty(), "CI=true but not installed: " + missing);
        } else {
            assumeTrue(missing.isEmpty(), "skipped: not installed: " + missing
                    + " (apt-get install -y mosquitto mosquitto-clients)");
        }
        HarnessOptions options = HarnessOptions.smoke();
        PrintStream log = System.out;
        HarnessReport report = new IngestRunner(options, log).run();
        log.println(report.table());
        log.println(report.ratioLine());

        assertEquals(List.of(), report.problems(), "problems of the smoke run");
        for (int qos : List.of(0, 1)) {
            for (char s : "ABC".toCharArray()) {
                assertEquals(options.n(), report.received(s, qos), s + " at QoS " + qos + " counted");
                assertTrue(report.medianRate(s, qos) > 0, s + " at QoS " + qos + " has a rate");
            }
            assertEquals(0, report.lost('C', qos), "driver lost at QoS " + qos);
        }
        assertEquals(0, report.driverBadValues(), "BAD values from the driver");
        assertTrue(report.ratioLine().startsWith("RESULT | QoS 0: C/A="), report.ratioLine());
        LatencyResult latency = report.latency();
        assertNotNull(latency, "latency run");
        assertEquals(latency.expected(), latency.received(), "latency run lost messages");
        assertTrue(latency.p50Nanos() > 0 && latency.p50Nanos() <= latency.p99Nanos()
                && latency.p99Nanos() <= latency.p999Nanos(), latency.summary());
    }
}
