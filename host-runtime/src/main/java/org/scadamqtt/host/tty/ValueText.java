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

    /** ISO-8601 UTC with exactly three fraction digits, like the HTTP API. */
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private ValueText() {
    }

    /**
     * The value alone: numbers without trailing noise, text as a JSON string (quoted, every
     * control character escaped, so a payload cannot drive the terminal), "-" when none.
     */
    static String value(TagValue v) {
        Object o = v.value();
        if (o == null) {
            return "-";
        }
        if (o instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        if (o instanceof String s) {
            return TerminalText.jsonString(s);
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

    /** ISO-8601 UTC with milliseconds ({@code 2024-05-01T12:00:00.250Z}), "-" when none. */
    static String iso(Instant t) {
        return t == null ? "-" : ISO_MILLIS.format(t);
    }

    /** {@code s} cut to {@code width} (ending in '~' when cut) and padded with spaces. */
    static String fit(String s, int width) {
        if (s.length() > width) {
            return s.substring(0, Math.max(0, width - 1)) + "~";
        }
        return s + " ".repeat(width - s.length());
    }
}
