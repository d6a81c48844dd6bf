package org.scadamqtt.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.TagDisplay;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.host.web.AlarmList.Alarm;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * Issue 11, "alarms": limit crossings on both sides with the time from the host's clock, a change
 * of kind (HIGH to HIGH_HIGH, LOW to LOW_LOW) returning the old alarm and raising the new one,
 * return to normal, and acknowledging (who, when).
 */
class AlarmListTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final TagDisplay LIMITS = new TagDisplay("", "°C", "", 20.0, 80.0, 10.0, 90.0);

    /** A clock the test moves by hand. */
    private static final class StepClock extends Clock {
        private Instant now = T0;

        void step(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final StepClock clock = new StepClock();
    private final AlarmList list = new AlarmList(clock);

    private void temp(double v) {
        clock.step(Duration.ofSeconds(10));
        list.tagChanged(new TagEntry("TEMP", "L1", "S1", TagType.Ai, "JA=t", TagValue.good(TagType.Ai, v, T0, T0),
                1, LIMITS));
    }

    private static Instant at(int tenSeconds) {
        return T0.plusSeconds(10L * tenSeconds);
    }

    @Test
    void theLowSideRaisesLowThenLowLowWithTimeValueAndText() {
        temp(50.0);
        assertTrue(list.alarms().isEmpty(), "a normal value raises nothing");
        temp(15.0);
        Alarm low = list.alarms().get(0);
        assertEquals(List.of("LOW", at(2), 15.0, "tag TEMP = 15.0 °C is beyond its low limit 20.0 °C"),
                List.of(low.kind(), low.raised(), low.value(), low.text()));
        assertTrue(low.active());

        temp(5.0);
        List<Alarm> both = list.alarms();
        assertEquals(2, both.size(), both.toString());
        Alarm lowLow = both.get(0);
        assertEquals(List.of("LOW_LOW", at(3), 5.0, "tag TEMP = 5.0 °C is beyond its low-low limit 10.0 °C"),
                List.of(lowLow.kind(), lowLow.raised(), lowLow.value(), lowLow.text()));
        assertEquals(at(3), both.get(1).returned(), "the LOW alarm returned when LOW_LOW was raised");
        assertEquals(1, list.activeCount());
        assertEquals(2, list.unacknowledgedCount());
    }

    @Test
    void highEscalatesToHighHighAndTheSameKindAgainRaisesNothing() {
        temp(85.0);
        temp(95.0);
        temp(97.0); // still beyond high-high: the same alarm, value and time of the first crossing
        List<Alarm> alarms = list.alarms();
        assertEquals(2, alarms.size(), alarms.toString());
        Alarm highHigh = alarms.get(0);
        Alarm high = alarms.get(1);
        assertEquals(List.of("HIGH_HIGH", at(2), 95.0), List.of(highHigh.kind(), highHigh.raised(), highHigh.value()));
        assertTrue(highHigh.active());
        assertEquals(List.of("HIGH", at(1), 85.0, at(2)), List.of(high.kind(), high.raised(), high.value(),
                high.returned()));
        assertTrue(highHigh.id() > high.id());
    }

    @Test
    void anAlarmReturnsToNormalAndLeavesOnceAcknowledged() {
        temp(95.0);
        long id = list.alarms().get(0).id();
        clock.step(Duration.ofSeconds(3));
        Alarm acked = list.acknowledge(id, "J. Smith").orElseThrow();
        assertEquals("J. Smith", acked.ackedBy());
        assertEquals(at(1).plusSeconds(3), acked.ackedAt());
        assertTrue(acked.active(), "acknowledging does not end the condition");
        assertEquals(List.of(1L, 0L), List.of(list.activeCount(), list.unacknowledgedCount()));

        temp(50.0);
        assertTrue(list.alarms().isEmpty(), "returned and acknowledged: done");
        assertEquals(0, list.activeCount());

        temp(12.0);
        temp(50.0); // returned before anyone acknowledged: stays, returned, until acknowledged
        Alarm returned = list.alarms().get(0);
        assertEquals(List.of("LOW", at(3).plusSeconds(3), at(4).plusSeconds(3)), List.of(returned.kind(), returned.raised(), returned.returned()));
        assertNull(returned.ackedBy());
        assertEquals(List.of(0L, 1L), List.of(list.activeCount(), list.unacknowledgedCount()));
        list.acknowledge(returned.id(), "K. Lee");
        assertTrue(list.alarms().isEmpty());
        assertTrue(list.acknowledge(returned.id(), "K. Lee").isEmpty(), "an alarm no longer listed");
    }
}
