package org.scadamqtt.host.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.scadamqtt.config.TagDisplay;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.host.tags.HostListener;
import org.scadamqtt.host.tags.StationEntry;
import org.scadamqtt.host.tags.TagEntry;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.TagValue;

/**
 * The console's alarms: a numeric value beyond a configured limit, a BAD value from the device or
 * its payload, a station in StHARDERR. An alarm is raised with time, source, value and text; it
 * returns to normal when its condition ends and leaves the list once it is both returned and
 * acknowledged (who, when). Thread-safe (one lock; driver threads only do a short update).
 */
final class AlarmList implements HostListener {

    /** Alarms kept at most; beyond, the oldest returned-and-acknowledged, else the oldest, go. */
    static final int CAPACITY = 500;

    /**
     * One alarm.
     *
     * @param id         its number, for acknowledging
     * @param source     tag or station name
     * @param kind       HIGH_HIGH, HIGH, LOW, LOW_LOW, BAD or HARDERR
     * @param raised     when it was raised
     * @param value      the value (or state) that raised it
     * @param text       a sentence for the operator
     * @param returned   when its condition ended, or null while active
     * @param ackedBy    who acknowledged it, or null
     * @param ackedAt    when, or null
     */
    record Alarm(long id, String source, String kind, Instant raised, Object value, String text, Instant returned,
            String ackedBy, Instant ackedAt) {

        boolean active() {
            return returned == null;
        }

        boolean acknowledged() {
            return ackedAt != null;
        }
    }

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    /** Current alarm per source (its latest), and the list in raise order. */
    private final Map<String, Long> currentBySource = new LinkedHashMap<>();
    private final Map<Long, Alarm> alarms = new LinkedHashMap<>();

    AlarmList(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void tagChanged(TagEntry tag) {
        TagValue v = tag.value();
        String kind = null;
        String text = null;
        if (v != null && v.quality() == Quality.BAD) {
            switch (v.reason()) {
                case PAYLOAD_ERROR, CONVERSION_ERROR, MISSING_IN_PAYLOAD, STALE -> {
                    kind = "BAD";
                    text = "tag " + tag.name() + " is BAD: " + (v.detail().isEmpty() ? v.reason().name() : v.detail());
                }
                default -> {
                    // not yet received, off, simulated, line down (the station's HARDERR alarms that)
                }
            }
        } else if (v != null && v.value() instanceof Number n) {
            double x = n.doubleValue();
            TagDisplay d = tag.display();
            if (d.highHigh() != null && x > d.highHigh()) {
                kind = "HIGH_HIGH";
                text = beyond(tag, x, "high-high limit", d.highHigh());
            } else if (d.lowLow() != null && x < d.lowLow()) {
                kind = "LOW_LOW";
                text = beyond(tag, x, "low-low limit", d.lowLow());
            } else if (d.high() != null && x > d.high()) {
                kind = "HIGH";
                text = beyond(tag, x, "high limit", d.high());
            } else if (d.low() != null && x < d.low()) {
                kind = "LOW";
                text = beyond(tag, x, "low limit", d.low());
            }
        }
        update(tag.name(), kind, v == null ? null : ApiJson.value(v.value()), text);
    }

    @Override
    public void stationChanged(StationEntry station) {
        boolean hard = station.state() == StationState.StHARDERR;
        update(station.name(), hard ? "HARDERR" : null, station.state() == null ? null : station.state().name(),
                hard ? "station " + station.name() + " is in hard error (StHARDERR): " + station.reason() : null);
    }

    private static String beyond(TagEntry tag, double x, String which, double limit) {
        String unit = tag.display().unit().isEmpty() ? "" : " " + tag.display().unit();
        return "tag " + tag.name() + " = " + x + unit + " is beyond its " + which + " " + limit + unit;
    }

    /** Raises, changes or returns the alarm of {@code source}; {@code kind} null means normal. */
    private synchronized void update(String source, String kind, Object value, String text) {
        Long currentId = currentBySource.get(source);
        Alarm current = currentId == null ? null : alarms.get(currentId);
        boolean activeNow = current != null && current.active();
        if (activeNow && current.kind().equals(kind)) {
            return; // still the same alarm
        }
        Instant now = clock.instant();
        if (activeNow) {
            put(new Alarm(current.id(), current.source(), current.kind(), current.raised(), current.value(),
                    current.text(), now, current.ackedBy(), current.ackedAt()));
        }
        if (kind != null) {
            Alarm raised = new Alarm(ids.incrementAndGet(), source, kind, now, value, text, null, null, null);
            put(raised);
            currentBySource.put(source, raised.id());
        }
    }

    private void put(Alarm a) {
        if (!a.active() && a.acknowledged()) {
            alarms.remove(a.id()); // done: returned and acknowledged
            return;
        }
        alarms.put(a.id(), a);
        if (alarms.size() > CAPACITY) {
            alarms.remove(alarms.keySet().iterator().next());
        }
    }

    /**
     * Acknowledges alarm {@code id}.
     *
     * @return the alarm after acknowledging, or empty when there is no such alarm in the list
     */
    synchronized Optional<Alarm> acknowledge(long id, String by) {
        Alarm a = alarms.get(id);
        if (a == null) {
            return Optional.empty();
        }
        if (a.acknowledged()) {
            return Optional.of(a);
        }
        Alarm acked = new Alarm(a.id(), a.source(), a.kind(), a.raised(), a.value(), a.text(), a.returned(), by,
                clock.instant());
        put(acked);
        return Optional.of(acked);
    }

    synchronized long activeCount() {
        return alarms.values().stream().filter(Alarm::active).count();
    }

    synchronized long unacknowledgedCount() {
        return alarms.values().stream().filter(a -> !a.acknowledged()).count();
    }

    /** The alarms in the list, newest first. */
    synchronized List<Alarm> alarms() {
        List<Alarm> list = new ArrayList<>(alarms.values());
        java.util.Collections.reverse(list);
        return list;
    }

    /** Newest first. */
    List<Map<String, Object>> json() {
        return alarms().stream().map(AlarmList::json).toList();
    }

    static Map<String, Object> json(Alarm a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("source", a.source());
        m.put("kind", a.kind());
        m.put("raised", ApiJson.time(a.raised()));
        m.put("value", a.value());
        m.put("text", a.text());
        m.put("active", a.active());
        m.put("returned", ApiJson.time(a.returned()));
        m.put("acknowledgedBy", a.ackedBy());
        m.put("acknowledged", ApiJson.time(a.ackedAt()));
        return m;
    }
}
