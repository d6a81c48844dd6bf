package org.scadamqtt.tag.convert;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;

/** Calendar arithmetic for the time parsers, without allocating formatters. */
public final class CivilTime {

    /** 0000-01-01T00:00:00Z. */
    public static final long MIN_SECOND = -62_167_219_200L;
    /** 9999-12-31T23:59:59Z. */
    public static final long MAX_SECOND = 253_402_300_799L;

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private CivilTime() {
    }

    public static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int monthLength(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /**
     * Checks the fields and returns null, or a sentence naming the first field out of range.
     */
    public static String checkRange(int year, int month, int day, int hour, int minute, int second) {
        if (month < 1 || month > 12) {
            return "month " + two(month) + " is out of range 01-12";
        }
        if (day < 1 || day > monthLength(year, month)) {
            return "day " + two(day) + " does not exist in " + MONTHS[month - 1] + " " + year;
        }
        if (hour > 23) {
            return "hour " + two(hour) + " is out of range 00-23";
        }
        if (minute > 59) {
            return "minute " + two(minute) + " is out of range 00-59";
        }
        if (second > 59) {
            return "second " + two(second) + " is out of range 00-59";
        }
        return null;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (Hinnant's days_from_civil). */
    public static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long mp = (month + 9) % 12;
        long doy = (153 * mp + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /**
     * Turns valid fields into an instant.
     *
     * @param offsetSeconds the offset written in the text, or {@code null} to use {@code zone}
     */
    public static Instant toInstant(int year, int month, int day, int hour, int minute, int second, int nanos,
                             Integer offsetSeconds, ZoneId zone) {
        long local = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        if (offsetSeconds != null) {
            return Instant.ofEpochSecond(local - offsetSeconds, nanos);
        }
        if (zone == null) {
            throw new DateTimeException("the time has no offset and no time zone was given");
        }
        if (zone instanceof ZoneOffset) {
            return Instant.ofEpochSecond(local - ((ZoneOffset) zone).getTotalSeconds(), nanos);
        }
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return Instant.ofEpochSecond(local - rules.getOffset(Instant.EPOCH).getTotalSeconds(), nanos);
        }
        // gap: shifted forward by the gap; overlap: the earlier offset (ZonedDateTime.ofLocal rules)
        return ZonedDateTime.ofLocal(LocalDateTime.of(year, month, day, hour, minute, second, nanos), zone, null)
                .toInstant();
    }
}
