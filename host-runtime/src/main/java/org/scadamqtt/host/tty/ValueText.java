package org.scadamqtt.host.tty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.scadamqtt.tag.QiValue;
import org.scadamqtt.tag.TagValue;

/** How the terminal consoles print values and times. */
final class ValueText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private ValueText() {
    }

    /** The value alone: numbers without trailing noise, text in quotes, "-" when none. */
    static String value(TagValue v) {
        Object o = v.value();
        if (o == null) {
            return "-";
        }
        if (o instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        if (o instanceof String s) {
            return '"' + s.replace('\n', ' ').replace('\r', ' ') + '"';
        }
        if (o instanceof QiValue q) {
            return q.name();
        }
        if (o instanceof Duration dur) {
            return dur.toMillis() / 1000.0 + "s";
        }
        return o.toString();
    }

    /** Quality with its reason when not GOOD: {@code GOOD}, {@code BAD:NOT_INITIALIZED}. */
    static String quality(TagValue v) {
        return v.isGood() ? "GOOD" : v.quality() + ":" + v.reason();
    }

    /** Local wall-clock time of day, milliseconds. */
    static String clock(Instant t) {
        return t == null ? "-" : CLOCK.format(t);
    }

    /** {@code s} cut to {@code width} (ending in '~' when cut) and padded with spaces. */
    static String fit(String s, int width) {
        if (s.length() > width) {
            return s.substring(0, Math.max(0, width - 1)) + "~";
        }
        return s + " ".repeat(width - s.length());
    }
}
