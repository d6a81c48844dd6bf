package org.scadamqtt.driver;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What the host gives a driver. Implementations must be thread-safe: drivers call these methods
 * from their own threads. Calls must return quickly; a host that needs slow work queues it.
 */
public interface DriverContext {

    /**
     * Receives new tag values. For one station, batches arrive in the order the driver produced
     * them and the values within a batch are in order (IN_TOPIC, IN_DATA, IN_ID, then the JSON
     * tags). When this method returns the host has the values; QoS 1/2 messages are acknowledged
     * to the broker only after that.
     *
     * @param station station name
     * @param batch   values of one message (or one state change), never empty
     */
    void publish(String station, List<TagUpdate> batch);

    /**
     * Receives a station state change.
     *
     * @param station station name
     * @param state   its new state
     * @param reason  why, for the operator; empty when there is nothing to say
     */
    void stationState(String station, StationState state, String reason);

    /** Receives a line status change (connection state, broker, reason). */
    void lineStatus(LineStatus status);

    /** The clock the driver stamps receive times with. */
    default Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A folder the driver may keep files in for this line (persistence); the host creates it
     * and keeps it across restarts.
     */
    Path dataDirectory();

    /**
     * A name for this host that is stable across restarts and differs between hosts; drivers use
     * it for identifiers that must be unique (the default MQTT client id).
     */
    String hostId();
}
