package org.scadamqtt.mqtt.internal.bind;

import org.scadamqtt.tag.convert.CivilTime;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.scadamqtt.mqtt.internal.bind.TimeMask.Kind;

/** Reads a time text against a compiled pattern mask: one pass over the characters. */
final class TimePatternParser {

    private TimePatternParser() {
    }

    static Instant parse(TimeMask mask, String text, ZoneId zone) {
        Kind[] kinds = mask.kinds();
        char[] literals = mask.literals();
        int year = 0;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int milli = 0;
        Integer offset = null;
        int pos = 0;
        int n = text.length();
        for (int k = 0; k < kinds.length; k++) {
            Kind kind = kinds[k];
            if (kind == Kind.LITERAL) {
                if (pos >= n) {
                    throw fail(mask, text, "it ends at position " + (pos + 1) + " where '" + literals[k]
                            + "' was expected");
                }
                if (text.charAt(pos) != literals[k]) {
                    throw fail(mask, text, "expected '" + literals[k] + "' at position " + (pos + 1) + ", found '"
                            + text.charAt(pos) + "'");
                }
                pos++;
                continue;
            }
            if (kind.isOffset()) {
                int[] result = offset(mask, text, pos, kind);
                offset = result[0];
                pos = result[1];
                continue;
            }
            int value = digits(mask, text, pos, kind.width, kind);
            pos += kind.width;
            switch (kind) {
                case YEAR4:
                    year = value;
                    break;
                case YEAR2:
                    year = 2000 + value;
                    break;
                case MONTH:
                    month = value;
                    break;
                case DAY:
                    day = value;
                    break;
                case HOUR:
                    hour = value;
                    break;
                case MINUTE:
                    minute = value;
                    break;
                case SECOND:
                    second = value;
                    break;
                default: // MILLI
                    milli = value;
                    break;
            }
        }
        if (pos < n) {
            throw fail(mask, text, "unexpected '" + text.charAt(pos) + "' at position " + (pos + 1)
                    + " after the end of the mask");
        }
        String range = CivilTime.checkRange(year, month, day, hour, minute, second);
        if (range != null) {
            throw fail(mask, text, range);
        }
        return CivilTime.toInstant(year, month, day, hour, minute, second, milli * 1_000_000, offset, zone);
    }

    private static int digits(TimeMask mask, String text, int pos, int width, Kind kind) {
        int value = 0;
        for (int i = pos; i < pos + width; i++) {
            if (i >= text.length()) {
                throw fail(mask, text, "it ends at position " + (i + 1) + " inside the " + kind.label
                        + ", which has " + width + " digits");
            }
            char c = text.charAt(i);
            if (!TimeMask.isDigit(c)) {
                throw fail(mask, text, "expected a digit of the " + kind.label + " at position " + (i + 1)
                        + ", found '" + c + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** @return {offset seconds, next position} */
    private static int[] offset(TimeMask mask, String text, int pos, Kind kind) {
        if (pos < text.length() && text.charAt(pos) == 'Z') {
            return new int[] {0, pos + 1};
        }
        if (pos >= text.length() || (text.charAt(pos) != '+' && text.charAt(pos) != '-')) {
            String found = pos >= text.length() ? "the end" : "'" + text.charAt(pos) + "'";
            throw fail(mask, text, "expected '+', '-' or 'Z' of the " + kind.label + " at position " + (pos + 1)
                    + ", found " + found);
        }
        int sign = text.charAt(pos) == '-' ? -1 : 1;
        int p = pos + 1;
        int hours = digits(mask, text, p, 2, kind);
        p += 2;
        int minutes = 0;
        if (kind == Kind.OFFSET_H_M) {
            if (p >= text.length() || text.charAt(p) != ':') {
                throw fail(mask, text, "expected ':' inside the " + kind.label + " at position " + (p + 1));
            }
            p++;
        }
        if (kind != Kind.OFFSET_H) {
            minutes = digits(mask, text, p, 2, kind);
            p += 2;
        }
        if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
            throw fail(mask, text, "offset " + text.substring(pos, p) + " is out of range -18:00 to +18:00");
        }
        return new int[] {sign * (hours * 3600 + minutes * 60), p};
    }

    private static DateTimeException fail(TimeMask mask, String text, String detail) {
        return new DateTimeException(mask.problem(text, detail));
    }
}
