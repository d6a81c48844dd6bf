package org.scadamqtt.host.tags;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.scadamqtt.tag.QiValue;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.TagType;

/**
 * One recorded value of a tag's history.
 *
 * @param time    when the host received the value
 * @param value   the value as a number (booleans 0/1, Qi its code, intervals seconds); NaN when the
 *                tag had no value (a gap in the trend)
 * @param quality the value's quality
 */
public record HistoryPoint(Instant time, double value, Quality quality) {

    public HistoryPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(quality, "quality");
    }

    /** Whether the host keeps a history for tags of this type: numbers, booleans, Qi and intervals. */
    public static boolean kept(TagType type) {
        return switch (type) {
            case Ai, Ao, Ci, Co, Di, Do, Qi, TiR, ToR -> true;
            default -> false;
        };
    }

    /** A tag value as a number for the history, NaN when it has none. */
    public static double numeric(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof QiValue qi) {
            return qi.code();
        }
        if (value instanceof Duration d) {
            return d.getSeconds() + d.getNano() / 1e9;
        }
        return Double.NaN;
    }
}
