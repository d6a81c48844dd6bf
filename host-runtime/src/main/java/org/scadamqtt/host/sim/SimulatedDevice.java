package org.scadamqtt.host.sim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One emulated field device: what it publishes each tick and how it answers commands. */
public interface SimulatedDevice {

    /** A short name for logs. */
    String name();

    /** The messages of one tick; runs on the simulator's timer thread. */
    List<SimMessage> tick(Instant now);

    /**
     * The answer to a command received on {@code topic} (under {@code cmd/}), if this device is
     * the one addressed; runs on the simulator's timer thread.
     */
    default Optional<SimMessage> onCommand(String topic, String payload, Instant now) {
        return Optional.empty();
    }
}
