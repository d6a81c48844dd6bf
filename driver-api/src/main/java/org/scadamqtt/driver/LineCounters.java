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
 * @param named           further counters by name (a payload profile's: duplicates dropped,
 *                        answers nobody waited for, ...), in a stable order
 */
public record LineCounters(long connects, long messagesIn, long messagesOut, long bytesIn, long bytesOut,
        long errors, long unrouted, long badPayloads, String lastError, Instant lastErrorTime,
        java.util.Map<String, Long> named) {

    public LineCounters {
        named = named == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.TreeMap<>(named));
    }

    /** Counters without named ones. */
    public LineCounters(long connects, long messagesIn, long messagesOut, long bytesIn, long bytesOut,
            long errors, long unrouted, long badPayloads, String lastError, Instant lastErrorTime) {
        this(connects, messagesIn, messagesOut, bytesIn, bytesOut, errors, unrouted, badPayloads, lastError,
                lastErrorTime, java.util.Map.of());
    }

    /** All zero. */
    public static final LineCounters ZERO = new LineCounters(0, 0, 0, 0, 0, 0, 0, 0, "", null);
}
