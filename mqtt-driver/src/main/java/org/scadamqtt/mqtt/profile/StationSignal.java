package org.scadamqtt.mqtt.profile;

import java.util.Objects;

/**
 * What a message says about the station that receives it, beyond its values.
 *
 * @param kind   NONE: an ordinary message; FAULT: the device or its gateway is gone (the station
 *               goes to StHARDERR and its tags BAD, as with a D2000 station will); CLEAR: it is
 *               back (the station leaves StHARDERR; tags wait for their next value)
 * @param reason a sentence for the operator; empty for NONE
 * @param carriesValues whether the message's values are still bound to tags (false for a pure
 *               status message, so its absent fields do not overwrite the reason)
 */
public record StationSignal(Kind kind, String reason, boolean carriesValues) {

    /** The kinds of signal. */
    public enum Kind { NONE, FAULT, CLEAR }

    private static final StationSignal NONE = new StationSignal(Kind.NONE, "", true);

    public StationSignal {
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
    }

    /** An ordinary message. */
    public static StationSignal none() {
        return NONE;
    }

    /** The device is gone: StHARDERR, tags BAD with this reason. */
    public static StationSignal fault(String reason) {
        return new StationSignal(Kind.FAULT, reason, false);
    }

    /** The device is back. */
    public static StationSignal clear(String reason, boolean carriesValues) {
        return new StationSignal(Kind.CLEAR, reason, carriesValues);
    }
}
