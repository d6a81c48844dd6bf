package org.scadamqtt.host.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.host.tags.HistoryPoint;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;
import org.scadamqtt.testsupport.LogCapture;

/** The history store: ring bounds, the ring file round trip, damaged files, reloads. */
class HistoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    @TempDir
    Path data;
    private final List<TagEntry> config = new ArrayList<>(List.of(
            tag("TEMP", "PLANT", TagType.Ai), tag("PUMP_ON", "PLANT", TagType.Di), tag("NOTE", "PLANT", TagType.TxtI)));
    private final List<HistoryStore> open = new ArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(HistoryStore::close);
    }

    private static TagEntry tag(String name, String line, TagType type) {
        return new TagEntry(name, line, "S1", type, "JA=x", null);
    }

    private HistoryStore store(int capacity) {
        HistoryStore s = HistoryStore.open(capacity, line -> Files.createDirectories(data.resolve(line)),
                () -> List.copyOf(config));
        open.add(s);
        return s;
    }

    private void record(HistoryStore s, String name, Object value, int second) {
        TagEntry t = config.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
        Instant at = T0.plusSeconds(second);
        s.tagChanged(t.with(TagValue.good(t.type(), value, at, at), true));
    }

    private static List<Double> values(List<HistoryPoint> points) {
        return points.stream().map(HistoryPoint::value).toList();
    }

    private Path file(String line, String tag) {
        return data.resolve(line).resolve(HistoryStore.fileName(tag));
    }

    @Test
    void theRingKeepsTheNewestPointsOldestFirst() {
        HistoryStore s = store(5);
        IntStream.rangeClosed(1, 12).forEach(i -> record(s, "TEMP", (double) i, i));
        assertEquals(List.of(8.0, 9.0, 10.0, 11.0, 12.0), values(s.points("TEMP", null, null, Integer.MAX_VALUE)));
        assertEquals(T0.plusSeconds(8), s.points("TEMP", null, null, 10).get(0).time());
    }

    @Test
    void rangeAndLastSelectPoints() {
        HistoryStore s = store(100);
        IntStream.rangeClosed(1, 10).forEach(i -> record(s, "TEMP", (double) i, i));
        assertEquals(List.of(3.0, 4.0, 5.0), values(s.points("TEMP", T0.plusSeconds(3), T0.plusSeconds(5), 100)));
        assertEquals(List.of(9.0, 10.0), values(s.points("TEMP", null, null, 2)));
        assertEquals(List.of(4.0, 5.0), values(s.points("TEMP", null, T0.plusSeconds(5), 2)));
        assertEquals(List.of(), s.points("NO_SUCH_TAG", null, null, 100));
    }

    @Test
    void booleansAreZeroOrOneTextIsNotKeptAndAMissingValueIsAGap() {
        HistoryStore s = store(10);
        record(s, "PUMP_ON", true, 1);
        record(s, "PUMP_ON", false, 2);
        s.tagChanged(config.get(1).with(TagValue.bad(TagType.Di, Reason.NOT_CONNECTED, "line down", T0.plusSeconds(3)),
                true));
        record(s, "NOTE", "hello", 1);
        List<HistoryPoint> pump = s.points("PUMP_ON", null, null, 10);
        assertEquals(List.of(1.0, 0.0), values(pump).subList(0, 2));
        assertTrue(Double.isNaN(pump.get(2).value()));
        assertEquals(Quality.BAD, pump.get(2).quality());
        assertEquals(List.of(), s.points("NOTE", null, null, 10));
        assertFalse(Files.exists(file("PLANT", "NOTE")), "no file for a text tag");
    }

    @Test
    void aGapIsRecordedOnlyAfterAValue() {
        HistoryStore s = store(10);
        TagEntry temp = config.get(0);
        s.tagChanged(temp.with(TagValue.notInitialized(TagType.Ai, T0), true));
        assertEquals(List.of(), s.points("TEMP", null, null, 10), "no gap before the first value");
        record(s, "TEMP", 1.0, 1);
        s.tagChanged(temp.with(TagValue.bad(TagType.Ai, Reason.NOT_CONNECTED, "down", T0.plusSeconds(2)), true));
        s.tagChanged(temp.with(TagValue.bad(TagType.Ai, Reason.NOT_CONNECTED, "down", T0.plusSeconds(3)), true));
        List<HistoryPoint> points = s.points("TEMP", null, null, 10);
        assertEquals(2, points.size(), "one gap for the outage: " + points);
        assertTrue(Double.isNaN(points.get(1).value()));
    }

    @Test
    void theSameValueReportedTwiceIsOnePoint() {
        HistoryStore s = store(10);
        record(s, "TEMP", 1.5, 1);
        record(s, "TEMP", 1.5, 1);
        record(s, "TEMP", 1.5, 2);
        assertEquals(2, s.points("TEMP", null, null, 10).size());
    }

    @Test
    void aClosedStoreIsReadBackByTheNextOneFromAFileOfFixedSize() throws IOException {
        HistoryStore first = store(4);
        IntStream.rangeClosed(1, 10).forEach(i -> record(first, "TEMP", i * 1.5, i));
        record(first, "PUMP_ON", true, 3);
        first.close();
        assertEquals(RingFile.size(4), Files.size(file("PLANT", "TEMP")));

        HistoryStore second = store(4);
        List<HistoryPoint> temp = second.points("TEMP", null, null, 100);
        assertEquals(List.of(10.5, 12.0, 13.5, 15.0), values(temp));
        assertEquals(T0.plusSeconds(7), temp.get(0).time());
        assertEquals(Quality.GOOD, temp.get(0).quality());
        assertEquals(List.of(1.0), values(second.points("PUMP_ON", null, null, 100)));

        record(second, "TEMP", 99.0, 20); // the ring goes on where it was
        second.close();
        assertEquals(List.of(12.0, 13.5, 15.0, 99.0), values(store(4).points("TEMP", null, null, 100)));
    }

    @Test
    void aFlushedStoreThatIsNeverClosedIsReadBackAsAfterKillMinus9() {
        HistoryStore crashed = store(50);
        IntStream.rangeClosed(1, 5).forEach(i -> record(crashed, "TEMP", (double) i, i));
        crashed.flush(); // what the writer does once a second; then the process dies without closing
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), values(store(50).points("TEMP", null, null, 100)));
    }

    @Test
    void aDamagedFileIsSetAsideWithAWarningNamingItAndTheTagStartsEmpty() throws IOException {
        HistoryStore first = store(8);
        IntStream.rangeClosed(1, 3).forEach(i -> record(first, "TEMP", (double) i, i));
        first.close();
        Path temp = file("PLANT", "TEMP");
        Files.writeString(temp, "this is not a history ring");

        List<ILoggingEvent> warnings = capture(() -> store(8));
        HistoryStore second = open.get(open.size() - 1);
        assertEquals(List.of(), second.points("TEMP", null, null, 100));
        assertTrue(Files.exists(temp.resolveSibling(temp.getFileName() + ".damaged")));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).getFormattedMessage().contains(temp.toString()), warnings.get(0).getFormattedMessage());
        assertEquals(null, warnings.get(0).getThrowableProxy(), "no stack trace for a damaged file");

        record(second, "TEMP", 7.0, 9); // a fresh ring works
        second.close();
        assertEquals(List.of(7.0), values(store(8).points("TEMP", null, null, 100)));
    }

    @Test
    void aTruncatedFileStartsEmptyAndATornSlotLosesOnlyItsPoint() throws IOException {
        HistoryStore first = store(8);
        IntStream.rangeClosed(1, 3).forEach(i -> record(first, "TEMP", (double) i, i));
        IntStream.rangeClosed(1, 3).forEach(i -> record(first, "PUMP_ON", i % 2 == 1, i));
        first.close();
        try (RandomAccessFile f = new RandomAccessFile(file("PLANT", "TEMP").toFile(), "rw")) {
            f.setLength(f.length() - 7);
        }
        try (RandomAccessFile f = new RandomAccessFile(file("PLANT", "PUMP_ON").toFile(), "rw")) {
            long slot2 = RingFile.HEADER + 2L * RingFile.SLOT; // the second point (number 2)
            f.seek(slot2 + 17);
            f.write(0x5A);
        }
        List<ILoggingEvent> warnings = capture(() -> store(8));
        HistoryStore second = open.get(open.size() - 1);
        assertEquals(List.of(), second.points("TEMP", null, null, 100));
        assertEquals(List.of(1.0, 1.0), values(second.points("PUMP_ON", null, null, 100)));
        assertEquals(1, warnings.size(), "only the truncated file is damaged: " + warnings);
        assertTrue(warnings.get(0).getFormattedMessage().contains("truncated"));
    }

    @Test
    void aSmallerCapacityKeepsTheNewestPointsOfTheOldFile() throws IOException {
        HistoryStore big = store(10);
        IntStream.rangeClosed(1, 8).forEach(i -> record(big, "TEMP", (double) i, i));
        big.close();
        HistoryStore small = store(3);
        assertEquals(List.of(6.0, 7.0, 8.0), values(small.points("TEMP", null, null, 100)));
        small.close();
        assertEquals(RingFile.size(3), Files.size(file("PLANT", "TEMP")));
        assertEquals(List.of(6.0, 7.0, 8.0), values(store(3).points("TEMP", null, null, 100)));
    }

    @Test
    void aReloadDropsRemovedTagsKeepsTheirFileAndReadsItBackWhenTheyReturn() {
        HistoryStore s = store(10);
        record(s, "TEMP", 1.0, 1);
        record(s, "TEMP", 2.0, 2);
        TagEntry temp = config.remove(0);
        s.configurationChanged();
        assertEquals(List.of(), s.points("TEMP", null, null, 10));
        assertTrue(Files.exists(file("PLANT", "TEMP")));

        config.add(temp);
        s.configurationChanged();
        assertEquals(List.of(1.0, 2.0), values(s.points("TEMP", null, null, 10)));
        record(s, "TEMP", 3.0, 3);
        assertEquals(List.of(1.0, 2.0, 3.0), values(s.points("TEMP", null, null, 10)));
    }

    @Test
    void thePointsPerTagComeFromTheEnvironmentWithinBounds() {
        assertEquals(HistoryStore.DEFAULT_POINTS, HistoryStore.configuredPoints(null));
        assertEquals(HistoryStore.DEFAULT_POINTS, HistoryStore.configuredPoints(" "));
        assertEquals(500, HistoryStore.configuredPoints(" 500 "));
        assertEquals(100_000, HistoryStore.configuredPoints("100_000"));
        List<ILoggingEvent> warnings = capture(() -> {
            assertEquals(HistoryStore.DEFAULT_POINTS, HistoryStore.configuredPoints("1"));
            assertEquals(HistoryStore.DEFAULT_POINTS, HistoryStore.configuredPoints("2000000"));
            assertEquals(HistoryStore.DEFAULT_POINTS, HistoryStore.configuredPoints("lots"));
        });
        assertEquals(3, warnings.size());
        assertTrue(warnings.get(2).getFormattedMessage().startsWith("SCADA_MQTT_HISTORY_POINTS=lots is not a number"));
    }

    @Test
    void tagNamesThatAreNoSafeFileNamesGetDistinctFiles() {
        assertEquals("TEMP.hist", HistoryStore.fileName("TEMP"));
        assertNotEquals(HistoryStore.fileName("a/b"), HistoryStore.fileName("a_b"));
        assertNotEquals(HistoryStore.fileName("a/b"), HistoryStore.fileName("a:b"));
        assertFalse(HistoryStore.fileName("../x").contains("/"));
        assertFalse(HistoryStore.fileName(".hidden").startsWith("."));
    }

    private static List<ILoggingEvent> capture(Runnable r) {
        try (LogCapture log = LogCapture.of(HistoryStore.class)) {
            r.run();
            return log.at(ch.qos.logback.classic.Level.WARN);
        }
    }
}
