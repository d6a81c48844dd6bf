package org.scadamqtt.host.web;

import java.util.EnumMap;
import java.util.Map;
import org.scadamqtt.driver.WriteFailure;

/**
 * The HTTP status a failed write answers with, one per {@link WriteFailure} (documented in
 * docs/http-api.md; scripts branch on it). Client mistakes are 4xx, the plant or broker not
 * answering is 5xx.
 */
final class WriteStatus {

    private static final Map<WriteFailure, Integer> STATUS = new EnumMap<>(WriteFailure.class);

    static {
        STATUS.put(WriteFailure.UNKNOWN_TAG, 404);
        STATUS.put(WriteFailure.NOT_WRITABLE, 409);
        STATUS.put(WriteFailure.WRONG_VALUE, 400);
        STATUS.put(WriteFailure.STATION_NOT_ON, 409);
        STATUS.put(WriteFailure.NOT_CONNECTED, 503);
        STATUS.put(WriteFailure.TIMEOUT, 504);
        STATUS.put(WriteFailure.REJECTED, 502);
        STATUS.put(WriteFailure.NO_OUT_TOPIC, 409);
        STATUS.put(WriteFailure.STOPPED, 503);
    }

    private WriteStatus() {
    }

    /** The status for a failure; 500 for a failure added to the enum later and not mapped yet. */
    static int of(WriteFailure failure) {
        return STATUS.getOrDefault(failure, 500);
    }
}
