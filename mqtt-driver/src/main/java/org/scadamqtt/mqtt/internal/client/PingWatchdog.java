package org.scadamqtt.mqtt.internal.client;

import java.time.Duration;

/**
 * The D2000 Ping Interval rule as a pure decision: when nothing arrived from the broker for Ping
 * Interval, ping; when still nothing arrived Reply Timeout after the ping, the connection is dead.
 * Anything arriving counts as the answer, not only PINGRESP. {@link #nextCheck} says when to look
 * next: exactly when the ping or the verdict is due, not on a fixed tick, so a half-open connection
 * is found Ping Interval + Reply Timeout after the last bytes arrived (plus the scheduler's delay,
 * milliseconds). A fixed tick of a fifth of the period overshot the bound by up to that fifth
 * (4.37 s for 4 s). Not thread-safe (one line's connection lane).
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

    /**
     * When {@link #check} should run next ({@link System#nanoTime()}; at most {@code now} when at once).
     * With Reply Timeout 0 an unanswered ping is looked at again every Ping Interval.
     */
    long nextCheck(long now, long lastRead) {
        if (outstanding) {
            return replyNanos > 0 ? pingSentAt + replyNanos : now + intervalNanos;
        }
        return lastRead + intervalNanos;
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
