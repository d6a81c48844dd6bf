package org.scadamqtt.mqtt.internal;

import org.scadamqtt.driver.WriteFailure;

/** Completes a failed publish: carries the write failure reason and a sentence. */
public final class PublishException extends Exception {

    private final WriteFailure failure;

    public PublishException(WriteFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public WriteFailure failure() {
        return failure;
    }
}
