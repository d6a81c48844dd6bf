package org.scadamqtt.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the soak that decide its figures: the schedule, and how the host's output is counted. */
class SoakPiecesTest {

    private static final String T = "2026-12-01T09:13:02.";

    @Test
    void scheduleIsParsedAndBadOnesAreSaidPlainly() {
        List<Fault> f = Fault.parseSchedule("5:cut, 10:broker-term:2,17.5:half-open:6");
        assertEquals(List.of(new Fault(5, FaultKind.TCP_CUT, 0), new Fault(10, FaultKind.BROKER_TERM, 2),
                new Fault(17.5, FaultKind.HALF_OPEN, 6)), f);
        assertEquals("5:cut,10:broker-term:2,17.5:half-open:6", String.join(",", f.stream().map(Fault::spec).toList()));
        assertEquals(16, Fault.parseSchedule(SoakOptions.FULL_FAULTS).size());
        assertEquals(5, Fault.parseSchedule(SoakOptions.SMOKE_FAULTS).size());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parseSchedule("5:reboot"))
                .getMessage().contains("faults are cut, half-open, broker-term, broker-kill, host-kill"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parseSchedule("5:host-kill"))
                .getMessage().contains("needs its duration in seconds: 5:host-kill:3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parseSchedule("9:cut,5:cut"))
                .getMessage().contains("time order"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SoakOptions.parse(new String[] {"--seconds", "10", "--faults", "8:half-open:4"}))
                .getMessage().contains("does not end before the stream does"));
        assertEquals("YES", SoakOptions.parse(new String[] {"--smoke", "--line-params", "cleanSession=YES"})
                .lineParameters().get("cleanSession"));
    }

    @Test
    void onlyGoodValuesOfTheSoakTagInCompleteLinesCount(@TempDir Path dir) throws Exception {
        HostLog log = new HostLog("SOAK_SEQ", "SOAK");
        Path first = dir.resolve("host-1.out");
        Files.writeString(first, String.join("\n",
                "logback noise without a time",
                T + "100Z TAG tag=SOAK_SEQ station=STREAM quality=BAD:NOT_INITIALIZED time=x detail=\"no value\" value=-",
                T + "110Z LINE line=SOAK state=CONNECTED broker=tcp://127.0.0.1:1",
                T + "120Z TAG tag=SOAK_SEQ station=STREAM quality=GOOD time=x value=1",
                T + "130Z TAG tag=OTHER station=STREAM quality=GOOD time=x value=2",
                T + "140Z TAG tag=SOAK_SEQ station=STREAM quality=GOOD time=x value=2",
                T + "150Z LINE line=SOAK state=DISCONNECTED reason=\"connection lost\"",
                // the host was killed in the middle of this line: the driver had not acknowledged it
                T + "160Z TAG tag=SOAK_SEQ station=STREAM quality=GOOD time=x val"), StandardCharsets.UTF_8);
        log.follow(first);
        log.poll();
        assertEquals(2, log.distinct());
        assertTrue(log.complete(2));
        assertFalse(log.complete(3));
        assertEquals("DISCONNECTED", log.lineState(1));

        Path second = dir.resolve("host-2.out");
        Files.writeString(second, T + "300Z TAG tag=SOAK_SEQ station=STREAM quality=GOOD time=x value=2\n"
                + T + "310Z TAG tag=SOAK_SEQ station=STREAM quality=GOOD time=x value=4\n", StandardCharsets.UTF_8);
        log.follow(second);
        log.poll();
        // a line arriving in two writes is read once it is complete
        Files.writeString(second, T + "320Z TAG tag=SOAK_SEQ station=STREAM qua", StandardOpenOption.APPEND);
        log.poll();
        assertEquals(3, log.distinct());
        Files.writeString(second, "lity=GOOD time=x value=5\n", StandardOpenOption.APPEND);
        log.poll();

        assertEquals(4, log.distinct());
        assertEquals(5, log.arrivals());
        assertEquals(List.of(new HostLog.Duplicate(2, java.time.Instant.parse(T + "300Z").toEpochMilli())),
                log.duplicates());
        assertEquals(List.of(3L), log.missing(5), "3 never arrived: lost");
        assertFalse(log.complete(5));
        assertEquals(0, log.unreadable());
        assertEquals(java.time.Instant.parse(T + "120Z").toEpochMilli(), log.firstArrival(1));
        assertEquals(List.of("CONNECTED", "DISCONNECTED"), log.lineEvents().stream().map(HostLog.LineEvent::state).toList());
    }
}
