package org.scadamqtt.driver;

import java.time.Instant;

/**
 * Diagnostics counters of one line since the driver started.
 *
 * @param connects        successful connections
 * @param messagesIn      messages received
 * @param messagesOut     messages published
 * @param bytesIn         payload bytes received
 * @param bytesOut        payload bytes published
 * @param errors          errors of any kind (connection, payload, write)
 * @param unrouted        messages no station took
 * @param badPayloads     messages whose payload could not be decoded or bound
 * @param lastError       last error sentence, empty when none
 * @param lastErrorTime   when it happened, null when none
 */
public record LineCounters(long connects, long messagesIn, long messagesOut, long bytesIn, long bytesOut,
        long errors, long unrouted, long badPayloads, String lastError, Instant lastErrorTime) {

    /** All zero. */
    public static final LineCounters ZERO = new LineCounters(0, 0, 0, 0, 0, 0, 0, 0, "", null);
}
