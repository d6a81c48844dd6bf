package org.scadamqtt.driver;

import java.time.Instant;

/**
 * Counters of one station since the driver started, for the operator and /metrics.
 *
 * @param messages      messages the station processed (values bound and handed to the host)
 * @param badPayloads   of those, messages whose payload could not be read
 * @param timeMissing   messages without a usable time field (their values take the receive time;
 *                      D2000 keeps such values valid, so only this counter says it happened)
 * @param dropped       messages dropped because the station's inbox was full
 * @param discarded     messages ignored because the station was OFF or simulated
 * @param queued        messages waiting now (held by ACK_ID or not yet processed)
 * @param lastError     the station's last error sentence; empty when none
 * @param lastErrorTime when it happened; null when none
 */
public record StationDiagnostics(long messages, long badPayloads, long timeMissing, long dropped, long discarded,
        int queued, String lastError, Instant lastErrorTime) {

    public StationDiagnostics {
        lastError = lastError == null ? "" : lastError;
    }
}
