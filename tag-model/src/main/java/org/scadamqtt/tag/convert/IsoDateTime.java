package org.scadamqtt.tag.convert;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Reads RFC 3339 / ISO 8601 extended date-times: {@code yyyy-mm-ddThh:mi[:ss[.fraction]][offset]} with
 * {@code T}, {@code t} or a space between date and time, any number of fraction digits (beyond nine
 * ignored), and offset {@code Z}, {@code z}, {@code +hh:mi}, {@code +hhmi}, {@code +hh} or none (zone).
 * The one ISO-8601 reader of the project: tag conversions and the driver's ISO8601 time mask both
 * use it, so one text means one instant everywhere.
 */
public final class IsoDateTime {

    private IsoDateTime() {
    }

    /**
     * Reads one date-time; without an offset it is read in {@code zone}.
     *
     * @throws DateTimeException with a sentence naming the position and what was expected
     */
    public static Instant parse(String text, ZoneId zone) {
        Cursor c = new Cursor(text);
        int year = c.number(4, "year");
        c.expect('-');
        int month = c.number(2, "month");
        c.expect('-');
        int day = c.number(2, "day");
        if (!c.more() || (c.peek() != 'T' && c.peek() != 't' && c.peek() != ' ')) {
            throw c.fail("expected 'T' between date and time at position " + (c.pos + 1));
        }
        c.pos++;
        int hour = c.number(2, "hour");
        c.expect(':');
        int minute = c.number(2, "minute");
        int second = 0;
        int nanos = 0;
        if (c.more() && c.peek() == ':') { // seconds may be left out (ISO 8601 hh:mi)
            c.pos++;
            second = c.number(2, "second");
        }
        if (c.more() && (c.peek() == '.' || c.peek() == ',')) {
            c.pos++;
            int start = c.pos;
            int scale = 100_000_000;
            while (c.more() && isDigit(c.peek())) {
                nanos += (c.peek() - '0') * scale;
                scale /= 10;
                c.pos++;
            }
            if (c.pos == start) {
                throw c.fail("expected a digit of the fraction at position " + (start + 1));
            }
        }
        Integer offset = null;
        if (c.more()) {
            offset = offset(c);
        }
        if (c.more()) {
            throw c.fail("unexpected '" + c.peek() + "' at position " + (c.pos + 1) + " after the end of the time");
        }
        String range = CivilTime.checkRange(year, month, day, hour, minute, second);
        if (range != null) {
            throw c.fail(range);
        }
        return CivilTime.toInstant(year, month, day, hour, minute, second, nanos, offset, zone);
    }

    private static int offset(Cursor c) {
        char sign = c.peek();
        if (sign == 'Z' || sign == 'z') {
            c.pos++;
            return 0;
        }
        if (sign != '+' && sign != '-') {
            throw c.fail("expected 'Z', '+' or '-' of the offset at position " + (c.pos + 1) + ", found '"
                    + sign + "'");
        }
        int start = c.pos;
        c.pos++;
        int hours = c.number(2, "offset hour");
        int minutes = 0;
        if (c.more() && c.peek() == ':') {
            c.pos++;
            minutes = c.number(2, "offset minute");
        } else if (c.more() && isDigit(c.peek())) {
            minutes = c.number(2, "offset minute");
        }
        if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
            throw c.fail("offset " + c.text.substring(start, c.pos) + " is out of range -18:00 to +18:00");
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** Position in the text plus the error sentence builder. */
    private static final class Cursor {
        final String text;
        int pos;

        Cursor(String text) {
            this.text = text;
        }

        boolean more() {
            return pos < text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        int number(int width, String what) {
            int value = 0;
            for (int i = 0; i < width; i++, pos++) {
                if (!more()) {
                    throw fail("it ends at position " + (pos + 1) + " inside the " + what);
                }
                char ch = peek();
                if (!isDigit(ch)) {
                    throw fail("expected a digit of the " + what + " at position " + (pos + 1) + ", found '" + ch + "'");
                }
                value = value * 10 + (ch - '0');
            }
            return value;
        }

        void expect(char expected) {
            if (!more() || peek() != expected) {
                String found = more() ? "'" + peek() + "'" : "the end";
                throw fail("expected '" + expected + "' at position " + (pos + 1) + ", found " + found);
            }
            pos++;
        }

        DateTimeException fail(String detail) {
            return new DateTimeException(detail);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
