package org.scadamqtt.driver;

import java.util.Objects;

/**
 * The outcome of a write.
 *
 * @param ok      true when the write completed as the tag's QoS requires
 * @param failure why it failed; null when ok
 * @param message a sentence for the operator; empty when ok
 */
public record WriteResult(boolean ok, WriteFailure failure, String message) {

    public WriteResult {
        message = message == null ? "" : message;
        if (ok && failure != null) {
            throw new IllegalArgumentException("an OK result has no failure");
        }
        if (!ok) {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** A completed write. */
    public static WriteResult success() {
        return new WriteResult(true, null, "");
    }

    /** A failed write with its reason. */
    public static WriteResult failed(WriteFailure failure, String message) {
        return new WriteResult(false, failure, message);
    }
}
