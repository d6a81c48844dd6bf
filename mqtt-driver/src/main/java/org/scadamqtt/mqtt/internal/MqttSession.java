package org.scadamqtt.mqtt.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.LineStatus;

/**
 * One line's broker connection, whatever the client library. All methods are thread-safe and
 * return at once; the session connects, reconnects, pings and fails back on its own threads, fired by
 * the line's timer.
 */
public interface MqttSession {

    /** Starts the connect loop (when connection is wanted). */
    void start();

    /**
     * Whether the line should be connected at all; false (all stations StOFF or StSIMUL)
     * disconnects, true connects again.
     */
    void setConnectionWanted(boolean wanted);

    /**
     * Applies new line parameters: when only the topic filters (or subscribe QoS) changed, it
     * UNSUBSCRIBEs the old filters and SUBSCRIBEs the new ones on the open connection; any other
     * change reconnects with the new parameters.
     */
    void reconfigure(LineConfig line);

    /**
     * Whether {@link #reconfigure} with {@code line} would leave the connection and connect again
     * (any change but the topic filters); asked before it, on the caller's thread.
     */
    default boolean reconnectsFor(LineConfig line) {
        return false;
    }

    /**
     * Publishes a message.
     *
     * @return completes when written (QoS 0), on PUBACK (1) or on PUBCOMP (2); completes
     *         exceptionally with {@link PublishException} (not connected at once, rejected, or
     *         TIMEOUT after the line's writeTimeout, which also bounds the wait for a free
     *         in-flight slot). The session owns this deadline: callers schedule no timer of their
     *         own for the broker's confirmation.
     */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain);

    /** Current status with counters. */
    LineStatus status();

    /** Disconnects (DISCONNECT when connected), flushes persistence, ends every thread. */
    void stop();

    /** Creates sessions; the driver gets one so tests can replace the client library. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param timer the line's one timer ({@code LineTimer}), owned by the driver and shared with its
         *              stations: the session only fires tasks on it (blocking work runs on threads of its
         *              own) and does not shut it down
         */
        MqttSession open(LineConfig line, org.scadamqtt.driver.DriverContext context, LineStatistics statistics,
                SessionListener listener, ScheduledExecutorService timer);
    }

    /** The topic filters of a line, in file order. */
    static List<String> topicFilters(LineConfig line) {
        return line.parameters().all(org.scadamqtt.mqtt.MqttParameters.TOPIC_FILTER).stream()
                .map(Object::toString).toList();
    }
}
