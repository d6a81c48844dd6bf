package org.scadamqtt.mqtt.internal.station;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagValue;

/**
 * The last value the host accepted for each tag of a station, and the batches that change them
 * all at once (station OFF, hard error, simulation, staleness). Used only on the station's lane.
 */
final class LastValues {

    private final List<TagConfig> tags;
    private final Map<String, TagValue> last = new HashMap<>();

    LastValues(List<TagConfig> tags) {
        this.tags = tags;
    }

    /** Remembers what the host accepted. */
    void accepted(List<TagUpdate> batch) {
        for (TagUpdate u : batch) { // once per message: no lambda object
            last.put(u.tag(), u.value());
        }
    }

    /**
     * The start of a driver: every tag BAD/NOT_INITIALIZED, except output tags with a configured
     * default, which hold it (GOOD) from the start.
     */
    List<TagUpdate> notInitialized(Instant now) {
        List<TagUpdate> batch = new ArrayList<>(tags.size());
        for (TagConfig t : tags) {
            TagValue v = t.defaultValue() != null && t.type().isOutput()
                    ? new TagValue(t.type(), t.defaultValue(), Quality.GOOD, Reason.NONE,
                            "default value from the configuration", now, now)
                    : TagValue.notInitialized(t.type(), now);
            batch.add(new TagUpdate(t.name(), v));
        }
        return batch;
    }

    /** Every tag BAD for a reason; the last value is kept for display. */
    List<TagUpdate> invalidated(Reason reason, String detail, Instant now) {
        List<TagUpdate> batch = new ArrayList<>(tags.size());
        for (TagConfig t : tags) {
            TagValue old = last.get(t.name());
            TagValue v = old == null ? TagValue.bad(t.type(), reason, detail, now) : old.invalidate(reason, detail, now);
            batch.add(new TagUpdate(t.name(), v));
        }
        return batch;
    }

    /**
     * Every input tag UNCERTAIN/SIMULATED (StSIMUL): the value shown is not from the device until
     * the host sets one by hand or the station is live again.
     */
    List<TagUpdate> simulated(String detail, Instant now) {
        List<TagUpdate> batch = new ArrayList<>();
        for (TagConfig t : tags) {
            if (t.type().isOutput()) {
                continue;
            }
            TagValue old = last.get(t.name());
            Object value = old == null ? null : old.value();
            batch.add(new TagUpdate(t.name(), new TagValue(t.type(), value, Quality.UNCERTAIN, Reason.SIMULATED, detail,
                    old == null ? now : old.sourceTime(), now)));
        }
        return batch;
    }

    /**
     * Input tags whose GOOD value is older than {@code limit} become UNCERTAIN/STALE (the value is
     * kept): no message refreshed them in time.
     */
    List<TagUpdate> stale(Duration limit, Instant now) {
        List<TagUpdate> batch = new ArrayList<>();
        for (TagConfig t : tags) {
            TagValue v = last.get(t.name());
            if (v == null || t.type().isOutput() || v.quality() != Quality.GOOD) {
                continue;
            }
            Duration age = Duration.between(v.receiveTime(), now);
            if (age.compareTo(limit) >= 0) {
                batch.add(new TagUpdate(t.name(), new TagValue(t.type(), v.value(), Quality.UNCERTAIN, Reason.STALE,
                        "no new value for " + age.toMillis() / 1000.0 + " s (staleAfter " + limit.toMillis() / 1000.0
                                + " s)", v.sourceTime(), v.receiveTime())));
            }
        }
        return batch;
    }
}
