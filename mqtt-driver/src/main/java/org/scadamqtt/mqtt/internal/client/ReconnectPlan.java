package org.scadamqtt.mqtt.internal.client;

import java.time.Duration;

/**
 * Which host a line tries next and how long it waits. A round tries every host once, one after
 * another without waiting; after a failed round the line waits the back-off and starts the next
 * round at the primary. After losing a connection the next round starts with the host after the
 * lost one (the others first, the lost one last). Only a connection that stayed up
 * {@link #STABLE} resets the back-off: two clients sharing one client id kick each other off at
 * once and must not do so every reconnectMinDelay forever. Not thread-safe (the line's connection lane).
 */
final class ReconnectPlan {

    /** A connection up this long counts as working: its loss starts the back-off again at the minimum. */
    static final Duration STABLE = Duration.ofSeconds(10);

    private final int hosts;
    private final Backoff backoff;
    private int roundStart;
    private int tried;

    /** @param hosts number of broker addresses (at least 1) */
    ReconnectPlan(int hosts, Backoff backoff) {
        if (hosts < 1) {
            throw new IllegalArgumentException("a line needs at least one broker address");
        }
        this.hosts = hosts;
        this.backoff = backoff;
    }

    /** Position in the host list of the host to try now (0 = primary). */
    int nextHost() {
        return (roundStart + tried) % hosts;
    }

    /**
     * The attempt on {@link #nextHost()} failed.
     *
     * @return null: try the next host of the round at once; otherwise the round is over, wait
     *         this long and start the next round at the primary
     */
    Duration attemptFailed() {
        tried++;
        if (tried < hosts) {
            return null;
        }
        tried = 0;
        roundStart = 0;
        return backoff.next();
    }

    /** CONNACK arrived. */
    void connected() {
        tried = 0;
    }

    /**
     * The connection to host {@code index} was lost after being up {@code upNanos}.
     *
     * @return how long to wait before the next round, which starts at the host after {@code index}
     */
    Duration lost(int index, long upNanos) {
        roundStart = hosts > 1 ? (index + 1) % hosts : 0;
        tried = 0;
        if (upNanos >= STABLE.toNanos()) {
            backoff.reset();
        }
        return backoff.next();
    }

    /** The next attempt goes to the primary, keeping the back-off (fail-back). */
    void fromPrimary() {
        roundStart = 0;
        tried = 0;
    }

    /** The next attempt goes to the primary and the back-off starts again at the minimum. */
    void restart() {
        backoff.reset();
        fromPrimary();
    }
}
