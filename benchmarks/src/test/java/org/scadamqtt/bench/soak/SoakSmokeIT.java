package org.scadamqtt.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak in smoke mode on every build (about 60 s): the real host (scada-host.jar as a process)
 * takes a 100 msg/s QoS 1 stream from its own Mosquitto through a TCP cut, a broker SIGTERM, a 6 s
 * half-open link, a host kill -9 and a broker SIGKILL. Fails when a single message is lost or a
 * fault does not recover. Skipped without Mosquitto or the host jar, unless CI=true.
 */
class SoakSmokeIT {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void smokeRunLosesNothingThroughEveryFault(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("soak-smoke.json");
        SoakOptions options = SoakOptions.smoke(SoakOptions.defaultHostJar(), json);
        List<String> missing = SoakRun.missing(options.hostJar());
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(missing.isEmpty(), "CI=true but missing: " + missing);
        } else {
            assumeTrue(missing.isEmpty(), "skipped: missing " + missing);
        }

        SoakResult r = new SoakRun(options, System.out).run();
        System.out.print(SoakReport.table(r));
        System.out.println(SoakReport.resultLine(r));
        SoakReport.writeJson(r, json);

        assertEquals(List.of(), r.problems(), "problems of the run");
        assertEquals(0, r.lost(), "messages lost; first lost numbers: " + r.lostNumbers());
        assertEquals(r.published(), r.received());
        // 50 s at 100/s less the broker's pauses: the stream really ran
        assertTrue(r.published() >= 2500, "published only " + r.published());
        assertEquals(2, r.hostStarts(), "the host was killed once and started again");
        assertEquals(5, r.faults().size());
        for (FaultResult f : r.faults()) {
            assertNotNull(f.reconnectedSeconds(), f.fault() + ": the line did not connect again");
            assertNotNull(f.caughtUpSeconds(), f.fault() + ": not everything published before its end arrived");
            if (!f.title().equals(FaultKind.HOST_KILL.title())) {
                assertNotNull(f.detectedSeconds(), f.fault() + ": the host never saw the line drop");
            }
        }
        FaultResult halfOpen = r.faults().get(2);
        assertEquals(FaultKind.HALF_OPEN.title(), halfOpen.title());
        // found by the ping watchdog (Ping Interval 2 s + Reply Timeout 2 s), not by a closed socket:
        // proves the link really was half-open
        assertTrue(halfOpen.detectedSeconds() >= 2.0, "half-open detected after " + halfOpen.detectedSeconds() + " s");
        assertTrue(r.passed());

        JsonNode written = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(r.published(), written.get("published").asLong());
        assertEquals(5, written.get("faults").size());
        assertTrue(written.get("faults").get(3).get("detectedSeconds").isNull(), "a killed host detects nothing");
    }
}
