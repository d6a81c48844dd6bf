package org.scadamqtt.mqtt.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import org.scadamqtt.tag.Reason;

/**
 * One value read from a message for one tag, before conversion to the tag's type.
 *
 * @param value      the raw value (number, text, boolean, ...); null when there is none
 * @param sourceTime the value's own time (a Sparkplug metric timestamp); null: the message's time
 * @param uncertain  the value is present but may not be current (e.g. after a sequence gap)
 * @param reason     why there is no value (MISSING_IN_PAYLOAD, CONVERSION_ERROR, ...); NONE when there is one
 * @param detail     a sentence for the operator; empty when there is nothing to say
 * @param absent     true: this message says nothing about the tag; its value stays as it is
 */
public record Reading(JsonNode value, Instant sourceTime, boolean uncertain, Reason reason, String detail,
        boolean absent) {

    private static final Reading ABSENT = new Reading(null, null, false, Reason.NONE, "", true);

    public Reading {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        if (!absent && value == null && reason == Reason.NONE) {
            throw new IllegalArgumentException("a reading without a value needs a reason");
        }
    }

    /** A value, stamped with the message's time. */
    public static Reading of(JsonNode value) {
        return new Reading(Objects.requireNonNull(value, "value"), null, false, Reason.NONE, "", false);
    }

    /** A value with its own time. */
    public static Reading of(JsonNode value, Instant sourceTime) {
        return new Reading(Objects.requireNonNull(value, "value"), sourceTime, false, Reason.NONE, "", false);
    }

    /** The message does not carry this tag's field: the tag goes BAD (MISSING_IN_PAYLOAD). */
    public static Reading missing(String detail) {
        return new Reading(null, null, false, Reason.MISSING_IN_PAYLOAD, detail, false);
    }

    /** No value for another reason. */
    public static Reading bad(Reason reason, String detail) {
        return new Reading(null, null, false, reason, detail, false);
    }

    /** This message does not concern the tag; its value is left as it is. */
    public static Reading unchanged() {
        return ABSENT;
    }

    /** The same value, marked UNCERTAIN with a reason. */
    public Reading uncertain(String why) {
        return new Reading(value, sourceTime, true, Reason.STALE, why, absent);
    }
}
