package org.scadamqtt.tag.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.scadamqtt.tag.QiValue;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;
import org.scadamqtt.tag.ValueKind;

/**
 * Converts message content (a JSON value or plain text) and values written by the host to the
 * value of a tag type. The rules are documented, case by case, in {@code docs/conversions.md};
 * a value that does not convert yields a BAD value with {@link Reason#CONVERSION_ERROR} (or a
 * failed {@link Conversion}), never an exception.
 *
 * <p>Called once per tag per message: immutable and thread-safe, it allocates little and does
 * not use exceptions for ordinary bad input. Output types (Ao, Co, Do, TxtO, ToA, ToR) follow the
 * rules of their input twins.
 */
public final class ValueConverter {

    /** A converter that reads date-times without an offset as UTC. */
    public static final ValueConverter UTC = new ValueConverter(ZoneOffset.UTC);

    /** Epoch seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the accepted TiA range. */
    static final long MIN_EPOCH_SECOND = -62_135_596_800L;
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;
    /** Intervals longer than this (about 31,700 years) are refused as nonsense. */
    static final long MAX_DURATION_SECONDS = 1_000_000_000_000L;

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final int SHOWN_MAX = 60;
    private static final QiValue[] QI = QiValue.values();

    private final ZoneId zone;

    /**
     * @param zone the zone in which ISO date-times without an offset are read (the station's
     *             time zone)
     */
    public ValueConverter(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The zone in which date-times without an offset are read. */
    public ZoneId zone() {
        return zone;
    }

    // ---- to TagValue -------------------------------------------------------------------------

    /**
     * The tag value for a JSON value found in a message.
     *
     * @param node        the value at the tag's address; null or a missing node gives
     *                    BAD/{@link Reason#MISSING_IN_PAYLOAD}
     * @param type        the tag's type
     * @param sourceTime  the time the value was measured (payload time), or null for receiveTime
     * @param receiveTime when the message was received
     */
    public TagValue fromJson(JsonNode node, TagType type, Instant sourceTime, Instant receiveTime) {
        if (node == null || node.isMissingNode()) {
            return new TagValue(type, null, Quality.BAD, Reason.MISSING_IN_PAYLOAD,
                    "the message has no value at this tag's address", sourceTime, receiveTime);
        }
        Object plain = plainValue(node, type.kind());
        if (plain != null) {
            return new TagValue(type, plain, Quality.GOOD, Reason.NONE, "", sourceTime, receiveTime);
        }
        return toTagValue(convertJson(node, type), type, sourceTime, receiveTime);
    }

    /**
     * The commonest cases per message (a number for a number tag, text for a text tag, a boolean
     * for a digital tag) without the {@link Conversion} {@link #convertJson} makes: for them it
     * gives exactly what {@code convertJson} gives; null for every other case.
     */
    private static Object plainValue(JsonNode node, ValueKind kind) {
        switch (node.getNodeType()) {
            case NUMBER:
                if (kind == ValueKind.DOUBLE) {
                    double d = node.doubleValue();
                    return Double.isFinite(d) ? (Object) d : null;
                }
                return kind == ValueKind.LONG && node.isIntegralNumber() && node.canConvertToLong()
                        ? (Object) node.longValue() : null;
            case STRING:
                return kind == ValueKind.TEXT ? node.textValue() : null;
            case BOOLEAN:
                return kind == ValueKind.BOOLEAN ? (Object) node.booleanValue() : null;
            default:
                return null;
        }
    }

    /** The tag value for text (a TEXT payload, a topic, a value given as a string). */
    public TagValue fromText(String text, TagType type, Instant sourceTime, Instant receiveTime) {
        return toTagValue(convertText(text, type), type, sourceTime, receiveTime);
    }

    private static TagValue toTagValue(Conversion c, TagType type, Instant sourceTime, Instant receiveTime) {
        if (c.isOk()) {
            return new TagValue(type, c.value(), Quality.GOOD, Reason.NONE, "", sourceTime, receiveTime);
        }
        return new TagValue(type, null, Quality.BAD, Reason.CONVERSION_ERROR, c.error(), sourceTime, receiveTime);
    }

    // ---- to a typed value ----------------------------------------------------------------------

    /**
     * Converts a value the host wrote (or any Java value) to the Java type of {@code type}:
     * String, Number, Boolean, {@link QiValue}, {@link Instant}, {@link Duration} or a
     * {@link JsonNode}. Used for writes to output tags (Ao, Co, Do, TxtO, ToA, ToR).
     */
    public Conversion convert(Object value, TagType type) {
        if (value == null) {
            return Conversion.failed("no value was given; " + expected(type));
        }
        if (type.kind().javaType().isInstance(value)) {
            return ofSameKind(value, type);
        }
        if (value instanceof String s) {
            return convertText(s, type);
        }
        if (value instanceof Boolean b) {
            return ofBoolean(b, type);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ofLong(((Number) value).longValue(), type);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return fail(String.valueOf(d), type, "it is not a finite number");
            }
            return type.kind() == ValueKind.DOUBLE ? Conversion.ok(d) : ofDecimal(BigDecimal.valueOf(d), type);
        }
        if (value instanceof BigInteger bi) {
            return ofDecimal(new BigDecimal(bi), type);
        }
        if (value instanceof BigDecimal bd) {
            return ofDecimal(bd, type);
        }
        if (value instanceof JsonNode node) {
            return node.isMissingNode() ? fail("(missing)", type, "there is no value") : convertJson(node, type);
        }
        if (type.kind() == ValueKind.TEXT && (value instanceof QiValue || value instanceof Instant
                || value instanceof Duration)) {
            return Conversion.ok(value.toString());
        }
        return fail(String.valueOf(value), type, "a " + value.getClass().getSimpleName() + " does not convert");
    }

    /** Converts a JSON value to the Java type of {@code type}. */
    public Conversion convertJson(JsonNode node, TagType type) {
        switch (node.getNodeType()) {
            case NUMBER:
                if (type.kind() == ValueKind.DOUBLE) {
                    double d = node.doubleValue();
                    return Double.isFinite(d) ? Conversion.ok(d)
                            : fail(node, type, "it is outside the range of a floating-point number");
                }
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return ofLong(node.longValue(), type);
                }
                if (type.kind() == ValueKind.TEXT) {
                    return Conversion.ok(node.asText());
                }
                if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                    return fail(node, type, "it is not a finite number");
                }
                return ofDecimal(node.decimalValue(), type);
            case STRING:
                return convertText(node.textValue(), type);
            case BOOLEAN:
                return ofBoolean(node.booleanValue(), type);
            case OBJECT:
            case ARRAY:
                if (type.kind() == ValueKind.TEXT) {
                    return Conversion.ok(node.toString());
                }
                return fail(node, type, "it is a JSON " + (node.isObject() ? "object" : "array"));
            case NULL:
                return fail(node, type, "it is JSON null (no value)");
            default:
                return fail(node, type, "it is not a JSON value");
        }
    }

    /** Converts text to the Java type of {@code type}. */
    public Conversion convertText(String text, TagType type) {
        if (text == null) {
            return Conversion.failed("no value was given; " + expected(type));
        }
        if (type.kind() == ValueKind.TEXT) {
            return Conversion.ok(text);
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return fail(text, type, "it is empty");
        }
        switch (type.kind()) {
            case DOUBLE: {
                if (!DecimalText.isDecimal(s)) {
                    return fail(text, type, "it is not a number");
                }
                double d = Double.parseDouble(s);
                return Double.isFinite(d) ? Conversion.ok(d)
                        : fail(text, type, "it is outside the range of a floating-point number");
            }
            case LONG:
                if (DecimalText.isShortInteger(s)) {
                    return Conversion.ok(Long.parseLong(s));
                }
                return DecimalText.isDecimal(s) ? ofDecimal(new BigDecimal(s), type)
                        : fail(text, type, "it is not a number");
            case BOOLEAN:
                return booleanWord(s, text, type);
            case QI:
                return qiWord(s, text, type);
            case INSTANT:
                if (TimeText.looksLikeIsoDateTime(s)) {
                    Instant t = TimeText.parseIsoDateTime(s, zone);
                    return t != null ? Conversion.ok(t) : fail(text, type, "it is not a valid ISO-8601 date-time");
                }
                return DecimalText.isDecimal(s) ? ofDecimal(new BigDecimal(s), type)
                        : fail(text, type, "it is neither an ISO-8601 date-time nor a number of seconds");
            case DURATION: {
                if (DecimalText.isDecimal(s)) {
                    return ofDecimal(new BigDecimal(s), type);
                }
                if (TimeText.looksLikeIsoDuration(s)) {
                    Duration d = TimeText.parseIsoDuration(s);
                    return d != null ? durationInRange(d, text, type)
                            : fail(text, type, "it is not an ISO-8601 duration in days, hours, minutes and "
                                    + "seconds (years and months have no fixed length)");
                }
                Duration d = TimeText.parseClock(s);
                return d != null ? durationInRange(d, text, type)
                        : fail(text, type, "it is neither seconds, hh:mi:ss nor an ISO-8601 duration");
            }
            default:
                return fail(text, type, "the type is not supported");
        }
    }

    // ---- by source kind ------------------------------------------------------------------------

    private Conversion ofSameKind(Object value, TagType type) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return fail(String.valueOf(d), type, "it is not a finite number");
        }
        if (value instanceof Instant t) {
            long s = t.getEpochSecond();
            if (s < MIN_EPOCH_SECOND || s > MAX_EPOCH_SECOND) {
                return fail(t.toString(), type, "it is outside the years 0001 to 9999");
            }
        }
        if (value instanceof Duration d) {
            return durationInRange(d, d.toString(), type);
        }
        return Conversion.ok(value);
    }

    private Conversion ofLong(long v, TagType type) {
        switch (type.kind()) {
            case DOUBLE:
                return Conversion.ok((double) v);
            case LONG:
                return Conversion.ok(v);
            case BOOLEAN:
                if (v == 0 || v == 1) {
                    return Conversion.ok(v == 1);
                }
                return fail(Long.toString(v), type, "only 0 and 1 are digital values");
            case QI:
                if (v >= 0 && v <= 3) {
                    return Conversion.ok(QI[(int) v]);
                }
                return fail(Long.toString(v), type, "quad codes are 0 to 3");
            case TEXT:
                return Conversion.ok(Long.toString(v));
            case INSTANT:
                return epochSeconds(BigDecimal.valueOf(v), Long.toString(v), type);
            case DURATION:
                return Math.abs(v) <= MAX_DURATION_SECONDS ? Conversion.ok(Duration.ofSeconds(v))
                        : fail(Long.toString(v), type, "it is longer than " + MAX_DURATION_SECONDS + " seconds");
            default:
                return fail(Long.toString(v), type, "the type is not supported");
        }
    }

    private Conversion ofDecimal(BigDecimal v, TagType type) {
        switch (type.kind()) {
            case DOUBLE: {
                double d = v.doubleValue();
                return Double.isFinite(d) ? Conversion.ok(d)
                        : fail(v.toString(), type, "it is outside the range of a floating-point number");
            }
            case LONG:
                if (!isIntegral(v)) {
                    return fail(v.toString(), type, "it has a fraction (integer tags are not rounded)");
                }
                if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
                    return fail(v.toString(), type, "it is outside the 64-bit integer range");
                }
                return Conversion.ok(v.longValue());
            case BOOLEAN:
                if (v.signum() == 0) {
                    return Conversion.ok(Boolean.FALSE);
                }
                return v.compareTo(BigDecimal.ONE) == 0 ? Conversion.ok(Boolean.TRUE)
                        : fail(v.toString(), type, "only 0 and 1 are digital values");
            case QI:
                if (isIntegral(v) && v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(3)) <= 0) {
                    return Conversion.ok(QI[v.intValue()]);
                }
                return fail(v.toString(), type, "quad codes are 0 to 3");
            case TEXT:
                return Conversion.ok(v.toString());
            case INSTANT:
                return epochSeconds(v, v.toString(), type);
            case DURATION:
                if (v.abs().compareTo(BigDecimal.valueOf(MAX_DURATION_SECONDS)) > 0) {
                    return fail(v.toString(), type, "it is longer than " + MAX_DURATION_SECONDS + " seconds");
                }
                return Conversion.ok(toDuration(v));
            default:
                return fail(v.toString(), type, "the type is not supported");
        }
    }

    private Conversion ofBoolean(boolean b, TagType type) {
        switch (type.kind()) {
            case DOUBLE:
                return Conversion.ok(b ? 1.0 : 0.0);
            case LONG:
                return Conversion.ok(b ? 1L : 0L);
            case BOOLEAN:
                return Conversion.ok(b);
            case QI:
                return Conversion.ok(b ? QiValue.Q_On : QiValue.Q_Off);
            case TEXT:
                return Conversion.ok(b ? "true" : "false");
            default:
                return fail(Boolean.toString(b), type, "a boolean is not a time");
        }
    }

    private static Conversion booleanWord(String s, String text, TagType type) {
        if (s.equals("1") || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("on") || s.equalsIgnoreCase("yes")) {
            return Conversion.ok(Boolean.TRUE);
        }
        if (s.equals("0") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("off") || s.equalsIgnoreCase("no")) {
            return Conversion.ok(Boolean.FALSE);
        }
        return fail(text, type, "it is not a digital value");
    }

    private static Conversion qiWord(String s, String text, TagType type) {
        if (s.length() == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '3') {
            return Conversion.ok(QI[s.charAt(0) - '0']);
        }
        for (QiValue q : QI) {
            String name = q.name();
            if (s.equalsIgnoreCase(name) || s.regionMatches(true, 0, name, 2, name.length() - 2)
                    && s.length() == name.length() - 2) {
                return Conversion.ok(q);
            }
        }
        if (s.equalsIgnoreCase("true")) {
            return Conversion.ok(QiValue.Q_On);
        }
        if (s.equalsIgnoreCase("false")) {
            return Conversion.ok(QiValue.Q_Off);
        }
        return fail(text, type, "it is not a quad value");
    }

    private static Conversion epochSeconds(BigDecimal seconds, String shown, TagType type) {
        if (seconds.compareTo(BigDecimal.valueOf(MIN_EPOCH_SECOND)) < 0
                || seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECOND)) > 0) {
            String hint = seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECOND * 1000)) <= 0
                    && seconds.signum() > 0 ? " (it looks like milliseconds; the number must be seconds)" : "";
            return fail(shown, type, "as seconds since 1970 it is outside the years 0001 to 9999" + hint);
        }
        Duration d = toDuration(seconds);
        return Conversion.ok(Instant.ofEpochSecond(d.getSeconds(), d.getNano()));
    }

    private static Conversion durationInRange(Duration d, String shown, TagType type) {
        return Math.abs(d.getSeconds()) <= MAX_DURATION_SECONDS ? Conversion.ok(d)
                : fail(shown, type, "it is longer than " + MAX_DURATION_SECONDS + " seconds");
    }

    /** Seconds with a fraction to a Duration, nanoseconds rounded half-even. */
    private static Duration toDuration(BigDecimal seconds) {
        BigDecimal nanos = seconds.movePointRight(9).setScale(0, java.math.RoundingMode.HALF_EVEN);
        BigDecimal[] qr = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
        return Duration.ofSeconds(qr[0].longValue(), qr[1].longValue());
    }

    private static boolean isIntegral(BigDecimal v) {
        return v.signum() == 0 || v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0;
    }

    // ---- messages ------------------------------------------------------------------------------

    private static Conversion fail(JsonNode node, TagType type, String why) {
        return fail(node.toString(), type, why);
    }

    private static Conversion fail(String shown, TagType type, String why) {
        String s = shown.length() > SHOWN_MAX ? shown.substring(0, SHOWN_MAX) + "…" : shown;
        return Conversion.failed("value '" + s + "' does not convert to " + type + ": " + why + "; " + expected(type));
    }

    /** What a tag of this type accepts, for error sentences. */
    static String expected(TagType type) {
        switch (type.kind()) {
            case DOUBLE:
                return "a " + type + " tag takes a number, numeric text such as \"21.5\", or true/false";
            case LONG:
                return "a " + type + " tag takes a whole number (no fraction) within the 64-bit range, "
                        + "numeric text, or true/false";
            case BOOLEAN:
                return "a " + type + " tag takes true/false, 0/1, or the text true/false, on/off, yes/no, 1/0";
            case QI:
                return "a " + type + " tag takes 0 (Trans), 1 (Off), 2 (On), 3 (Err), the names Q_Off/Off, "
                        + "Q_On/On, Q_Trans/Trans, Q_Err/Err, or true/false";
            case TEXT:
                return "a " + type + " tag takes any value but null";
            case INSTANT:
                return "a " + type + " tag takes an ISO-8601 date-time such as 2024-05-01T10:15:30Z or seconds "
                        + "since 1970-01-01T00:00:00Z";
            case DURATION:
                return "a " + type + " tag takes seconds (fraction allowed), hh:mi:ss[.fff] or an ISO-8601 "
                        + "duration such as PT1H30M";
            default:
                return "";
        }
    }
}
