package org.scadamqtt.mqtt.internal.bind;

import org.scadamqtt.mqtt.profile.JsonPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scadamqtt.mqtt.internal.route.RouteEntry;
import org.scadamqtt.mqtt.internal.route.StationRouter;

/**
 * JMH-free sanity that the per-message work reuses what was compiled: it measures the bytes the
 * current thread allocates per call. Compiling a path, a mask, a regex or a DateTimeFormatter costs
 * hundreds to thousands of bytes; the per-call work must stay far below that. Allocation counts do
 * not depend on machine load, so this test is stable on a shared build machine.
 */
class CompiledReuseSanityTest {

    private static final int CALLS = 20_000;
    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void allocationCounting() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes per thread");
        threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "allocation counting unsupported");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** @return average bytes allocated per call after a warm-up (so the JIT has compiled the code) */
    private static double bytesPerCall(IntSupplier call) {
        int sink = 0;
        for (int i = 0; i < 3 * CALLS; i++) {
            sink += call.getAsInt();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            sink += call.getAsInt();
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        assertTrue(sink != Integer.MIN_VALUE); // keeps the calls alive
        return (after - before) / (double) CALLS;
    }

    @Test
    void compilingCostsMoreThanTheThresholds() {
        // guards the thresholds below: if compiling were this cheap, they would prove nothing
        assertTrue(bytesPerCall(() -> TimeMask.compile("yyyy-mm-dd hh:mi:ss.mss").hashCode()) > 300);
        assertTrue(bytesPerCall(() -> JsonPath.compile("rx.gwrxf[1].time").depth()) > 100);
    }

    @Test
    void jsonPathFindAllocatesNothingNoticeable() throws Exception {
        JsonNode doc = new ObjectMapper().readTree("{\"rx\":{\"gwrxf\":[{\"time\":\"t\",\"rssi\":-80}]}}");
        JsonPath path = JsonPath.compile("rx.gwrxf[1].rssi");
        assertEquals(-80, path.find(doc).intValue());
        double bytes = bytesPerCall(() -> path.find(doc).intValue());
        assertTrue(bytes < 16, "JsonPath.find allocates " + bytes + " bytes per call");
    }

    @Test
    void timeMaskParseIsCheapPerCall() {
        TimeMask mask = TimeMask.compile("yyyy-mm-dd hh:mi:ss.mss");
        TimeMask offsetMask = TimeMask.compile("yyyy-mm-ddThh:mi:ssZZZZZZ");
        TimeMask iso = TimeMask.compile("ISO8601");
        TimeMask unix = TimeMask.compile("UNIX");
        ZoneId utc = ZoneOffset.UTC;
        ZoneId bratislava = ZoneId.of("Europe/Bratislava");
        assertEquals(Instant.parse("2024-02-29T12:34:56.789Z"), mask.parse("2024-02-29 12:34:56.789", utc));
        assertBelow("pattern, UTC", 128, () -> mask.parse("2024-02-29 12:34:56.789", utc).getNano());
        assertBelow("pattern, region zone", 400, () -> mask.parse("2024-02-29 12:34:56.789", bratislava).getNano());
        assertBelow("pattern with offset", 128, () -> offsetMask.parse("2024-02-29T12:34:56+02:00", utc).getNano());
        assertBelow("ISO8601", 128, () -> iso.parse("2020-12-09T12:34:56.123456789Z", utc).getNano());
        assertBelow("UNIX text", 128, () -> unix.parse("1700000000.25", utc).getNano());
    }

    @Test
    void cachedRoutingAllocatesNothingWhateverTheStationCount() {
        for (int count : new int[] {10, 100_000}) {
            List<RouteEntry> stations = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                stations.add(new RouteEntry("s" + i, "plant/dev" + i + "/.*"));
            }
            StationRouter router = StationRouter.of(stations);
            String[] topics = {"plant/dev1/up", "plant/dev7/status", "plant/unknown/up"};
            for (String topic : topics) {
                router.route(topic);
            }
            long evaluations = router.regexEvaluations();
            int[] next = {0};
            double bytes = bytesPerCall(() -> router.route(topics[next[0]++ % 3]).isPresent() ? 1 : 0);
            assertEquals(evaluations, router.regexEvaluations(), "cached topics must not evaluate a regex");
            assertTrue(bytes < 16, count + " stations: route allocates " + bytes + " bytes per cached call");
            assertEquals(Optional.of("s7"), router.route("plant/dev7/status"));
        }
    }

    private static void assertBelow(String what, double limit, IntSupplier call) {
        double bytes = bytesPerCall(call);
        assertTrue(bytes < limit, what + ": " + bytes + " bytes per call (limit " + limit + ")");
    }
}
