package org.scadamqtt.tag;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable value of a tag: the typed value (or none), its quality with a machine-readable
 * reason and a human-readable detail, the source time (from the payload, else the receive time)
 * and the time the driver received it.
 *
 * @param type        the tag type the value belongs to
 * @param value       the value, an instance of {@code type.kind().javaType()}, or null when none
 * @param quality     GOOD, UNCERTAIN or BAD
 * @param reason      why the quality is not GOOD; {@link Reason#NONE} when GOOD
 * @param detail      a sentence for the operator, empty when there is nothing to say
 * @param sourceTime  when the value was measured (payload time field, else receive time)
 * @param receiveTime when the driver received the message
 */
public record TagValue(
        TagType type,
        Object value,
        Quality quality,
        Reason reason,
        String detail,
        Instant sourceTime,
        Instant receiveTime) {

    public TagValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(receiveTime, "receiveTime");
        detail = detail == null ? "" : detail;
        sourceTime = sourceTime == null ? receiveTime : sourceTime;
        if (value != null && !type.kind().javaType().isInstance(value)) {
            throw new IllegalArgumentException("a " + type + " tag holds " + type.kind().javaType().getSimpleName()
                    + ", not " + value.getClass().getSimpleName() + " (" + value + ")");
        }
        if (quality == Quality.GOOD && value == null) {
            throw new IllegalArgumentException("a GOOD value needs a value");
        }
        if (quality == Quality.GOOD && reason != Reason.NONE) {
            throw new IllegalArgumentException("a GOOD value has no reason, found " + reason);
        }
        if (quality != Quality.GOOD && reason == Reason.NONE) {
            throw new IllegalArgumentException("a " + quality + " value needs a reason");
        }
    }

    /** A good value. */
    public static TagValue good(TagType type, Object value, Instant sourceTime, Instant receiveTime) {
        return new TagValue(type, value, Quality.GOOD, Reason.NONE, "", sourceTime, receiveTime);
    }

    /** A bad value with no value, a reason and a sentence saying what happened. */
    public static TagValue bad(TagType type, Reason reason, String detail, Instant time) {
        return new TagValue(type, null, Quality.BAD, reason, detail, time, time);
    }

    /** The state of every tag when a driver (re)starts. */
    public static TagValue notInitialized(TagType type, Instant time) {
        return bad(type, Reason.NOT_INITIALIZED, "no value received since the driver started", time);
    }

    /** The same value, now BAD for the given reason (the last value is kept for display). */
    public TagValue invalidate(Reason newReason, String newDetail, Instant time) {
        return new TagValue(type, value, Quality.BAD, newReason, newDetail, sourceTime, time);
    }

    public boolean isGood() {
        return quality == Quality.GOOD;
    }

    public Optional<Object> optionalValue() {
        return Optional.ofNullable(value);
    }
}
