package org.scadamqtt.mqtt.internal.client;

import java.time.Duration;

/**
 * The D2000 Ping Interval rule as a pure decision: when nothing arrived from the broker for Ping
 * Interval, ping; when still nothing arrived Reply Timeout after the ping, the connection is dead.
 * A half-open connection is so found within Ping Interval + Reply Timeout (plus one tick).
 * Anything arriving counts as the answer, not only PINGRESP. Not thread-safe (one line's lock).
 */
final class PingWatchdog {

    /** What {@link #check} decided. */
    enum Action { NOTHING, PING, ANSWERED, DEAD }

    private final long intervalNanos;
    private final long replyNanos;
    private long pingSentAt;
    private boolean outstanding;

    /** @param replyTimeout zero: a ping without answer is never declared dead */
    PingWatchdog(Duration pingInterval, Duration replyTimeout) {
        this.intervalNanos = pingInterval.toNanos();
        this.replyNanos = replyTimeout.toNanos();
    }

    /** How often {@link #check} should run: a fifth of the shorter period, between 50 ms and 1 s. */
    static long tickMillis(Duration pingInterval, Duration replyTimeout) {
        long interval = pingInterval.toMillis();
        long reply = replyTimeout.toMillis() > 0 ? replyTimeout.toMillis() : interval;
        return Math.max(50, Math.min(1000, Math.min(interval, reply) / 5));
    }

    /**
     * @param now      {@link System#nanoTime()}
     * @param lastRead {@link System#nanoTime()} of the last bytes from the broker
     * @return PING: send PINGREQ now (then call {@link #pingSent}); DEAD: close and reconnect
     */
    Action check(long now, long lastRead) {
        if (outstanding) {
            if (lastRead - pingSentAt >= 0) {
                outstanding = false;
                return Action.ANSWERED;
            }
            return replyNanos > 0 && now - pingSentAt >= replyNanos ? Action.DEAD : Action.NOTHING;
        }
        return now - lastRead >= intervalNanos ? Action.PING : Action.NOTHING;
    }

    void pingSent(long now) {
        pingSentAt = now;
        outstanding = true;
    }

    /** Nanoseconds since the ping, for the log. */
    long sincePing(long now) {
        return now - pingSentAt;
    }
}
