package org.scadamqtt.mqtt.profile;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.WriteResult;

/**
 * What the driver gives a {@link ProfileSession} for one line. Thread-safe.
 */
public interface ProfileContext {

    /** The line's configuration (its parameters include this profile's own). */
    LineConfig line();

    /** The clock the driver stamps receive times with. */
    Clock clock();

    /** How long a correlated write waits for the device's answer (the line's Reply Timeout, else Write Timeout). */
    Duration replyTimeout();

    /**
     * Publishes a message of the profile's own (an automatic acknowledgement, a rebirth request,
     * a STATE birth).
     *
     * @return completes as the QoS requires, or exceptionally when not connected or refused
     */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain);

    /**
     * Completes the write waiting for this correlation (see {@link Outgoing#correlation()}).
     *
     * @return false when no write waits for it (unknown, already timed out): the caller counts it
     */
    boolean completeReply(String correlation, WriteResult result);

    /** Adds one to a named diagnostic counter of the line (shown in line status and /metrics). */
    void count(String counter);

    /** The names of the stations of the line, in file order. */
    List<String> stations();
}
