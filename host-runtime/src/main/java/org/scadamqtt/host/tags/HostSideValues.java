package org.scadamqtt.host.tags;

import java.time.Instant;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * The values the host itself gives a tag, beside what the driver reports: "waiting for the first
 * value" after communication came back, simulated values of a station in StSIMUL, and an output's
 * configured default. Kept apart so the rules of when they apply are in one place.
 */
final class HostSideValues {

    /** The detail of every value the host shows while it waits for the driver's first one. */
    static final String WAITING = "waiting for the first value";

    private HostSideValues() {
    }

    /**
     * Whether a tag that shows {@code v} should say "waiting for the first value" now that its
     * line reconnected: only values the line being down made BAD. A station's own error (its will
     * message) stays until the station says otherwise.
     */
    static boolean staleAfterLineUp(TagValue v) {
        return v != null && v.quality() == Quality.BAD && v.reason() == Reason.NOT_CONNECTED;
    }

    /**
     * Whether a tag that shows {@code v} should say "waiting for the first value" now that its
     * station went to StON: the line-down, station-error, switched-off and simulated values no
     * longer tell the truth, and the next message will.
     */
    static boolean staleAfterStationOn(TagValue v) {
        if (v == null || v.quality() == Quality.GOOD) {
            return false;
        }
        return switch (v.reason()) {
            case NOT_CONNECTED, STATION_ERROR, STATION_OFF, SIMULATED -> true;
            default -> false;
        };
    }

    /** BAD / NOT_INITIALIZED with the last value kept for orientation and the sentence why. */
    static TagValue waiting(TagValue old, TagType type, String since, Instant now) {
        String detail = WAITING + " since " + since;
        return old == null || old.value() == null ? TagValue.bad(type, Reason.NOT_INITIALIZED, detail, now)
                : old.invalidate(Reason.NOT_INITIALIZED, detail, now);
    }

    /** A value the operator (or a script) set by hand on a simulated station. */
    static TagValue simulated(TagType type, Object value, String station, Instant now) {
        return new TagValue(type, value, Quality.UNCERTAIN, Reason.SIMULATED,
                "set by hand: station " + station + " is simulated (StSIMUL)", now, now);
    }

    /** What a tag shows when its station enters StSIMUL: its last value, held until set by hand. */
    static TagValue heldForSimulation(TagValue old, TagType type, String station, Instant now) {
        String detail = "station " + station + " is simulated (StSIMUL): last value held, set values by hand";
        Object value = old == null ? null : old.value();
        return new TagValue(type, value, value == null ? Quality.BAD : Quality.UNCERTAIN, Reason.SIMULATED, detail,
                old == null ? now : old.sourceTime(), now);
    }

    /** An output tag's configured default, shown from start until written or reported otherwise. */
    static TagValue configuredDefault(TagType type, Object value, Instant now) {
        return new TagValue(type, value, Quality.GOOD, Reason.NONE, "default value from the configuration", now, now);
    }

    /** Whether the driver's state change should turn the station's tags into "waiting". */
    static boolean leavesSimulation(StationState before, StationState after) {
        return before == StationState.StSIMUL && after != StationState.StSIMUL
                && after != StationState.StOFF && after != StationState.StHARDERR;
    }
}
