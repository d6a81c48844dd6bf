package org.scadamqtt.tag.convert;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Reads times and durations written as text: ISO-8601 date-times (with or without an offset),
 * {@code hh:mi:ss[.fff]} intervals and ISO-8601 durations. Each parser first checks the shape
 * cheaply, so the exception-throwing JDK parsers only see text that is almost certainly valid.
 */
final class TimeText {

    private TimeText() {
    }

    /** Whether the text starts like an ISO date-time: {@code dddd-dd-dd?dd:dd}. */
    static boolean looksLikeIsoDateTime(String s) {
        return s.length() >= 16
                && digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7) && s.charAt(7) == '-'
                && digits(s, 8, 10) && (s.charAt(10) == 'T' || s.charAt(10) == 't' || s.charAt(10) == ' ')
                && digits(s, 11, 13) && s.charAt(13) == ':';
    }

    /**
     * Parses an ISO-8601 date-time; without an offset it is read in {@code zone}.
     *
     * @return the instant, or null when the text is not a valid date-time
     */
    static Instant parseIsoDateTime(String s, ZoneId zone) {
        try {
            return IsoDateTime.parse(s, zone);
        } catch (DateTimeException e) {
            // the shape check passed but a field is out of range (2024-02-30, 25:00)
            return null;
        }
    }

    /**
     * Parses {@code [-]h+:mm:ss[.f+]}; minutes and seconds 00-59, hours any number.
     *
     * @return the duration, or null when the text has another shape
     */
    static Duration parseClock(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int hStart = i;
        while (i < n && DecimalText.isDigit(s.charAt(i))) {
            i++;
        }
        int hLen = i - hStart;
        if (hLen == 0 || hLen > 9 || i + 6 > n || s.charAt(i) != ':' || s.charAt(i + 3) != ':'
                || !digits(s, i + 1, i + 3) || !digits(s, i + 4, i + 6)) {
            return null;
        }
        long hours = Long.parseLong(s, hStart, i, 10);
        int minutes = Integer.parseInt(s, i + 1, i + 3, 10);
        int seconds = Integer.parseInt(s, i + 4, i + 6, 10);
        i += 6;
        long nanos = 0;
        if (i < n) {
            if (s.charAt(i) != '.' || i + 1 == n || n - i - 1 > 9 || !digits(s, i + 1, n)) {
                return null;
            }
            int fracLen = n - i - 1;
            nanos = Long.parseLong(s, i + 1, n, 10);
            for (int k = fracLen; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (minutes > 59 || seconds > 59) {
            return null;
        }
        Duration d = Duration.ofSeconds(hours * 3600 + minutes * 60L + seconds, nanos);
        return negative ? d.negated() : d;
    }

    /** Whether the text starts like an ISO-8601 duration ({@code P…}, {@code -P…}). */
    static boolean looksLikeIsoDuration(String s) {
        int i = s.length() > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        return s.length() > i + 1 && (s.charAt(i) == 'P' || s.charAt(i) == 'p');
    }

    /**
     * Parses an ISO-8601 duration in days, hours, minutes and seconds ({@code PT1H30M},
     * {@code P1DT2H}); years and months are refused because their length varies.
     *
     * @return the duration, or null when the text is not such a duration
     */
    static Duration parseIsoDuration(String s) {
        try {
            return Duration.parse(s);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!DecimalText.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
