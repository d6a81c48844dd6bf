package org.scadamqtt.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Equality and validation of {@link TagValue}, for a sample value of every type. */
class TagValueTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:01Z");

    /** One value and a different value of each type. */
    static final Map<TagType, Object[]> SAMPLES = Map.ofEntries(
            Map.entry(TagType.Ai, new Object[] {21.5, 21.6}),
            Map.entry(TagType.Ao, new Object[] {-1.0, 1.0}),
            Map.entry(TagType.Ci, new Object[] {42L, 43L}),
            Map.entry(TagType.Co, new Object[] {0L, 1L}),
            Map.entry(TagType.Di, new Object[] {true, false}),
            Map.entry(TagType.Do, new Object[] {false, true}),
            Map.entry(TagType.Qi, new Object[] {QiValue.Q_On, QiValue.Q_Off}),
            Map.entry(TagType.TxtI, new Object[] {"a", "b"}),
            Map.entry(TagType.TxtO, new Object[] {"", " "}),
            Map.entry(TagType.TiA, new Object[] {T0, T1}),
            Map.entry(TagType.ToA, new Object[] {T1, T0}),
            Map.entry(TagType.TiR, new Object[] {Duration.ofSeconds(1), Duration.ofMillis(1001)}),
            Map.entry(TagType.ToR, new Object[] {Duration.ZERO, Duration.ofNanos(1)}));

    @Test
    void everyTypeHasSamples() {
        assertEquals(TagType.values().length, SAMPLES.size());
    }

    @Test
    void equalValuesAreEqualAndDifferInEveryComponent() {
        for (TagType type : TagType.values()) {
            Object a = SAMPLES.get(type)[0];
            Object b = SAMPLES.get(type)[1];
            TagValue v = TagValue.good(type, a, T0, T1);
            TagValue same = TagValue.good(type, a, T0, T1);
            assertEquals(v, same, type.name());
            assertEquals(v.hashCode(), same.hashCode(), type.name());
            assertNotEquals(v, TagValue.good(type, b, T0, T1), type + " value");
            assertNotEquals(v, TagValue.good(type, a, T1, T1), type + " source time");
            assertNotEquals(v, TagValue.good(type, a, T0, T0), type + " receive time");
            assertNotEquals(v, v.invalidate(Reason.STALE, "old", T1), type + " quality");
            assertNotEquals(v.invalidate(Reason.STALE, "old", T1), v.invalidate(Reason.STATION_OFF, "old", T1));
            assertNotEquals(v.invalidate(Reason.STALE, "x", T1), v.invalidate(Reason.STALE, "y", T1));
        }
    }

    @Test
    void sameValueOfAnotherTypeIsNotEqual() {
        assertNotEquals(TagValue.good(TagType.Ai, 1.0, T0, T0), TagValue.good(TagType.Ao, 1.0, T0, T0));
        assertNotEquals(TagValue.good(TagType.TxtI, "x", T0, T0), TagValue.good(TagType.TxtO, "x", T0, T0));
    }

    @Test
    void valueMustBeOfTheTypesJavaClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TagValue.good(TagType.Ai, 1L, T0, T0));
        assertTrue(e.getMessage().contains("Double"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TagValue.good(TagType.Ci, 1.0, T0, T0));
        assertThrows(IllegalArgumentException.class, () -> TagValue.good(TagType.Qi, 1, T0, T0));
        assertThrows(IllegalArgumentException.class, () -> TagValue.good(TagType.TiA, T0.toEpochMilli(), T0, T0));
    }

    @Test
    void qualityAndReasonMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> TagValue.good(TagType.Ai, null, T0, T0));
        assertThrows(IllegalArgumentException.class,
                () -> new TagValue(TagType.Ai, 1.0, Quality.GOOD, Reason.STALE, "", T0, T0));
        assertThrows(IllegalArgumentException.class,
                () -> new TagValue(TagType.Ai, 1.0, Quality.UNCERTAIN, Reason.NONE, "", T0, T0));
        assertThrows(NullPointerException.class, () -> TagValue.good(TagType.Ai, 1.0, T0, null));
        TagValue u = new TagValue(TagType.Ai, 1.0, Quality.UNCERTAIN, Reason.STALE, null, null, T1);
        assertEquals("", u.detail());
        assertEquals(T1, u.sourceTime(), "missing source time defaults to the receive time");
    }

    @Test
    void badAndNotInitialized() {
        TagValue b = TagValue.bad(TagType.Ci, Reason.CONVERSION_ERROR, "not a number", T1);
        assertFalse(b.isGood());
        assertTrue(b.optionalValue().isEmpty());
        assertEquals(T1, b.sourceTime());
        TagValue n = TagValue.notInitialized(TagType.Di, T0);
        assertEquals(Reason.NOT_INITIALIZED, n.reason());
        assertEquals(Quality.BAD, n.quality());
    }

    @Test
    void invalidateKeepsTheLastValueForDisplay() {
        TagValue v = TagValue.good(TagType.Ai, 5.0, T0, T0);
        TagValue i = v.invalidate(Reason.STATION_ERROR, "station will received", T1);
        assertEquals(5.0, i.value());
        assertEquals(Quality.BAD, i.quality());
        assertEquals(T0, i.sourceTime());
        assertEquals(T1, i.receiveTime());
        assertTrue(v.isGood());
        assertEquals(5.0, v.optionalValue().orElseThrow());
    }
}
