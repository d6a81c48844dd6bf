package org.scadamqtt.mqtt.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a line waits before its next connect attempt, when its payload profile knows better
 * than the line's reconnectMinDelay/reconnectMaxDelay (a cloud broker's reconnect rule or ban).
 *
 * @param delay how long to wait (zero or more)
 * @param note a few words for the line status ("the broker probably banned this device for
 *             flooding"); empty when there is nothing to add
 */
public record ReconnectDelay(Duration delay, String note) {

    public ReconnectDelay {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a reconnect delay cannot be negative: " + delay);
        }
        note = note == null ? "" : note;
    }

    /** Wait this long, nothing to add to the status. */
    public static ReconnectDelay of(Duration delay) {
        return new ReconnectDelay(delay, "");
    }
}
