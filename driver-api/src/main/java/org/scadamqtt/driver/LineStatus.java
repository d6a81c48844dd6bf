package org.scadamqtt.driver;

import java.time.Instant;
import java.util.Objects;

/**
 * What the driver tells the host about a line.
 *
 * @param line      line name
 * @param state     CONNECTING, CONNECTED or DISCONNECTED
 * @param broker    URI of the broker it is connected (or connecting) to; empty when none
 * @param reason    why it is not connected, empty when connected
 * @param since     when the state began
 * @param counters  diagnostics counters
 */
public record LineStatus(String line, LineState state, String broker, String reason, Instant since,
        LineCounters counters) {
    public LineStatus {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(state, "state");
        broker = broker == null ? "" : broker;
        reason = reason == null ? "" : reason;
        counters = counters == null ? LineCounters.ZERO : counters;
    }
}
