package org.scadamqtt.mqtt.profile;

import org.scadamqtt.driver.WriteFailure;

/** A write a profile cannot send; the write fails with this failure and sentence. */
public final class WriteRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final WriteFailure failure;

    public WriteRefusedException(WriteFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    /** Why, for the host. */
    public WriteFailure failure() {
        return failure;
    }
}
