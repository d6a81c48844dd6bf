package org.scadamqtt.mqtt.internal.bind;

import org.scadamqtt.tag.convert.CivilTime;
import org.scadamqtt.tag.convert.IsoDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The D2000 Time Mask, compiled once and applied to the time field of every message.
 *
 * <p>Pattern tokens (lowercase, as D2000 writes them; matched longest first): {@code yyyy}/{@code rrrr}
 * four-digit year, {@code yy}/{@code rr} two-digit year (2000–2099), {@code mm} month, {@code dd} day,
 * {@code hh} hour 00–23, {@code mi} minute, {@code ss} second, {@code mss} milliseconds (three digits),
 * {@code ZZZ} offset {@code +hh}, {@code ZZZZZ} offset {@code +hhmi}, {@code ZZZZZZ} offset {@code +hh:mi}
 * (an offset field also accepts {@code Z} for UTC). Every number has exactly the digits of its token.
 * Other characters are literal and must appear as written; a lone {@code y r m d h s} is rejected as a
 * probable typo. A pattern needs year, month and day; minute needs hour, second needs minute and
 * milliseconds need second (missing time parts are 0).
 *
 * <p>Special masks (any case): {@code UNIX} seconds since 1970-01-01T00:00Z, fraction allowed, as a
 * JSON number or a numeric string; {@code UNIXMS} the same in milliseconds; {@code ISO8601} RFC 3339
 * text such as {@code 2020-12-09T12:34:56.123456789Z} (any number of fraction digits, digits after the
 * ninth ignored; {@code Z}, {@code +hh:mi}, {@code +hhmi} or {@code +hh}, or no offset).
 *
 * <p>Without an offset in the text, the station's zone applies (in a daylight-saving gap the time moves
 * forward by the gap; in an overlap the earlier instant is taken). Instants must lie in years 0000–9999.
 *
 * <p>Immutable and thread-safe. Parsing is a hand-written scan of the characters: no regex, no
 * formatter per call.
 */
public final class TimeMask {

    private final String mask;
    private final Kind special;
    /** Pattern elements: kinds[i] == LITERAL means literals[i] must appear. */
    private final Kind[] kinds;
    private final char[] literals;
    private final boolean hasOffset;

    private TimeMask(String mask, Kind special, Kind[] kinds, char[] literals, boolean hasOffset) {
        this.mask = mask;
        this.special = special;
        this.kinds = kinds;
        this.literals = literals;
        this.hasOffset = hasOffset;
    }

    /**
     * Compiles a mask.
     *
     * @param mask the Time Mask parameter, e.g. {@code yyyy-mm-dd hh:mi:ss.mss} or {@code UNIX}
     * @return the compiled mask
     * @throws IllegalArgumentException naming the problem and its position (counting from 1)
     */
    public static TimeMask compile(String mask) {
        if (mask == null || mask.isBlank()) {
            throw new IllegalArgumentException("time mask is empty; write e.g. yyyy-mm-dd hh:mi:ss.mss, UNIX, "
                    + "UNIXMS or ISO8601");
        }
        switch (mask.trim().toUpperCase(Locale.ROOT)) {
            case "UNIX":
                return new TimeMask(mask, Kind.UNIX, null, null, true);
            case "UNIXMS":
                return new TimeMask(mask, Kind.UNIXMS, null, null, true);
            case "ISO8601":
                return new TimeMask(mask, Kind.ISO8601, null, null, false);
            default:
                return TimeMaskCompiler.compile(mask);
        }
    }

    static TimeMask pattern(String mask, Kind[] kinds, char[] literals, boolean hasOffset) {
        return new TimeMask(mask, null, kinds, literals, hasOffset);
    }

    /**
     * Reads the time field of a message.
     *
     * @param field the JSON node the Time Field Name found: text, or for UNIX/UNIXMS a number or
     *              numeric text (a whole number is also read as text by a pattern mask, e.g.
     *              {@code 20240131} with {@code yyyymmdd})
     * @param zone  the zone for times written without an offset
     * @return the instant
     * @throws DateTimeException with a sentence naming the value and the mask
     */
    public Instant parse(JsonNode field, ZoneId zone) {
        if (field == null || field.isNull() || field.isMissingNode()) {
            throw new DateTimeException("time field is null; a time in mask '" + mask + "' was expected");
        }
        if (field.isTextual()) {
            return parse(field.textValue(), zone);
        }
        if (field.isNumber()) {
            if (special == Kind.UNIX || special == Kind.UNIXMS) {
                return parseEpochNumber(field);
            }
            if (field.isIntegralNumber()) {
                return parse(field.asText(), zone);
            }
        }
        throw new DateTimeException("time field is " + describe(field) + "; a time in mask '" + mask
                + "' was expected");
    }

    /**
     * Reads a time written as text.
     *
     * @param text the time text; it must fit the mask completely
     * @param zone the zone for times written without an offset
     * @return the instant
     * @throws DateTimeException with a sentence naming the value, the mask and what does not fit
     */
    public Instant parse(String text, ZoneId zone) {
        if (text == null) {
            throw new DateTimeException("time field is null; a time in mask '" + mask + "' was expected");
        }
        if (special == Kind.UNIX || special == Kind.UNIXMS) {
            return EpochText.parse(text, special == Kind.UNIXMS, this);
        }
        if (special == Kind.ISO8601) {
            try {
                return IsoDateTime.parse(text, zone);
            } catch (DateTimeException e) {
                throw new DateTimeException(problem(text, e.getMessage()));
            }
        }
        return TimePatternParser.parse(this, text, zone);
    }

    private Instant parseEpochNumber(JsonNode field) {
        if (field.isIntegralNumber() && field.canConvertToLong()) {
            return EpochText.fromUnits(field.longValue(), 0, special == Kind.UNIXMS, field.asText(), this);
        }
        BigDecimal value;
        try {
            value = field.decimalValue();
        } catch (NumberFormatException e) { // NaN or infinity
            throw new DateTimeException(problem(field.asText(), "it is not a finite number"));
        }
        return EpochText.fromDecimal(value, special == Kind.UNIXMS, field.asText(), this);
    }

    /** @return the mask as written */
    public String text() {
        return mask;
    }

    /** @return true when every time this mask reads carries its own offset (UNIX, UNIXMS, or a Z token) */
    public boolean hasOffset() {
        return hasOffset;
    }

    Kind[] kinds() {
        return kinds;
    }

    char[] literals() {
        return literals;
    }

    /** Builds the sentence of a parse error. */
    String problem(String text, String detail) {
        String shown = text.length() <= 64 ? text : text.substring(0, 64) + "...";
        return "time '" + shown + "' does not fit mask '" + mask + "': " + detail;
    }

    private static String describe(JsonNode field) {
        if (field.isObject()) {
            return "an object";
        }
        if (field.isArray()) {
            return "an array";
        }
        if (field.isBoolean()) {
            return "a boolean (" + field.asText() + ")";
        }
        if (field.isNumber()) {
            return "a fractional number (" + field.asText() + ")";
        }
        return "of type " + field.getNodeType();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeMask && ((TimeMask) o).mask.equals(mask);
    }

    @Override
    public int hashCode() {
        return mask.hashCode();
    }

    @Override
    public String toString() {
        return "TimeMask[" + mask + "]";
    }

    /** Parts of a mask. */
    enum Kind {
        LITERAL("a literal character", 1),
        YEAR4("year (yyyy)", 4),
        YEAR2("year (yy)", 2),
        MONTH("month (mm)", 2),
        DAY("day (dd)", 2),
        HOUR("hour (hh)", 2),
        MINUTE("minute (mi)", 2),
        SECOND("second (ss)", 2),
        MILLI("milliseconds (mss)", 3),
        OFFSET_H("offset (ZZZ, +hh)", 3),
        OFFSET_HM("offset (ZZZZZ, +hhmi)", 5),
        OFFSET_H_M("offset (ZZZZZZ, +hh:mi)", 6),
        UNIX("UNIX", 0),
        UNIXMS("UNIXMS", 0),
        ISO8601("ISO8601", 0);

        final String label;
        final int width;

        Kind(String label, int width) {
            this.label = label;
            this.width = width;
        }

        boolean isOffset() {
            return this == OFFSET_H || this == OFFSET_HM || this == OFFSET_H_M;
        }
    }

    /** Converts epoch values; shared by UNIX and UNIXMS for numbers and text. */
    static final class EpochText {
        private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

        private EpochText() {
        }

        static Instant parse(String text, boolean millis, TimeMask mask) {
            int n = text.length();
            int i = 0;
            boolean negative = false;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                negative = text.charAt(i) == '-';
                i++;
            }
            int intStart = i;
            long units = 0;
            while (i < n && isDigit(text.charAt(i))) {
                if (i - intStart >= 18) {
                    throw new DateTimeException(mask.problem(text, "the number is too large for a time"));
                }
                units = units * 10 + (text.charAt(i) - '0');
                i++;
            }
            boolean hasInt = i > intStart;
            long nanos = 0;
            if (i < n && text.charAt(i) == '.') {
                i++;
                int fracStart = i;
                long scale = millis ? 100_000L : 100_000_000L; // nanos per first fraction digit
                while (i < n && isDigit(text.charAt(i))) {
                    nanos += (text.charAt(i) - '0') * scale;
                    scale /= 10; // digits beyond nanosecond precision add 0
                    i++;
                }
                if (i == fracStart) {
                    throw new DateTimeException(mask.problem(text, "a digit must follow the '.'"));
                }
            }
            if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                try {
                    return fromDecimal(new BigDecimal(text), millis, text, mask);
                } catch (NumberFormatException e) {
                    throw new DateTimeException(mask.problem(text, "it is not a number"));
                }
            }
            if (!hasInt || i < n) {
                String kind = millis ? "milliseconds" : "seconds";
                throw new DateTimeException(mask.problem(text, "expected a number of " + kind
                        + " since 1970-01-01 UTC, such as " + (millis ? "1700000000123" : "1700000000.5")));
            }
            return negative ? fromUnits(-units, -nanos, millis, text, mask) : fromUnits(units, nanos, millis, text, mask);
        }

        static Instant fromDecimal(BigDecimal value, boolean millis, String text, TimeMask mask) {
            if (value.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) > 0) {
                throw new DateTimeException(mask.problem(text, "the number is too large for a time"));
            }
            BigInteger totalNanos = value.movePointRight(millis ? 6 : 9).setScale(0, RoundingMode.FLOOR)
                    .toBigIntegerExact();
            BigInteger[] qr = totalNanos.divideAndRemainder(millis ? BigInteger.valueOf(1_000_000L) : BILLION);
            return fromUnits(qr[0].longValueExact(), qr[1].longValueExact(), millis, text, mask);
        }

        /** @param nanos nanoseconds beyond the whole units (same sign as units) */
        static Instant fromUnits(long units, long nanos, boolean millis, String text, TimeMask mask) {
            long seconds;
            long nanoAdjust;
            if (millis) {
                seconds = Math.floorDiv(units, 1000L);
                nanoAdjust = Math.floorMod(units, 1000L) * 1_000_000L + nanos;
            } else {
                seconds = units;
                nanoAdjust = nanos;
            }
            if (seconds < CivilTime.MIN_SECOND || seconds > CivilTime.MAX_SECOND) {
                String hint = millis ? "" : "; if the value is in milliseconds, use the mask UNIXMS";
                throw new DateTimeException(mask.problem(text, "it lies outside the years 0000-9999" + hint));
            }
            return Instant.ofEpochSecond(seconds, nanoAdjust);
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
