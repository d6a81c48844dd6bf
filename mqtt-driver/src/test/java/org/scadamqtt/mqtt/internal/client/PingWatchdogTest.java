package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.scadamqtt.mqtt.internal.client.PingWatchdog.Action;

class PingWatchdogTest {

    private static final long S = 1_000_000_000L;
    private final PingWatchdog w = new PingWatchdog(Duration.ofSeconds(2), Duration.ofSeconds(3));

    @Test
    void pingsOnlyWhenNothingArrivedForTheInterval() {
        long last = 100 * S;
        assertEquals(Action.NOTHING, w.check(last + S, last));
        assertEquals(Action.PING, w.check(last + 2 * S, last));
    }

    @Test
    void anyArrivalAfterThePingIsTheAnswer() {
        long t = 100 * S;
        w.pingSent(t);
        assertEquals(Action.NOTHING, w.check(t + S, t - S));
        assertEquals(Action.ANSWERED, w.check(t + 2 * S, t + S / 10));
        assertEquals(Action.NOTHING, w.check(t + 2 * S, t + S / 10), "answered: back to waiting");
    }

    @Test
    void noAnswerWithinReplyTimeoutIsDead() {
        long t = 100 * S;
        w.pingSent(t);
        assertEquals(Action.NOTHING, w.check(t + 3 * S - 1, t - S));
        assertEquals(Action.DEAD, w.check(t + 3 * S, t - S));
    }

    /**
     * The watchdog looks exactly when the ping and the verdict are due, so a connection that went
     * silent after its last bytes is declared dead Ping Interval + Reply Timeout later, not a tick
     * after that (the fixed tick overshot 4 s by up to 0.4 s).
     */
    @Test
    void deadExactlyPingIntervalPlusReplyTimeoutAfterTheLastBytes() {
        long last = 100 * S + 123_456_789L; // any phase
        long t = w.nextCheck(last, last);
        assertEquals(last + 2 * S, t, "first look: when Ping Interval has passed");
        assertEquals(Action.PING, w.check(t, last));
        w.pingSent(t);
        long verdict = w.nextCheck(t, last);
        assertEquals(last + 2 * S + 3 * S, verdict, "next look: when Reply Timeout has passed");
        assertEquals(Action.DEAD, w.check(verdict, last));
    }

    @Test
    void afterTrafficOrAnAnswerTheNextLookIsPingIntervalAfterTheLastBytes() {
        long t = 100 * S;
        assertEquals(t + S / 2 + 2 * S, w.nextCheck(t + S, t + S / 2));
        w.pingSent(t);
        assertEquals(Action.ANSWERED, w.check(t + 3 * S, t + S));
        assertEquals(t + S + 2 * S, w.nextCheck(t + 3 * S, t + S));
    }

    @Test
    void replyTimeoutZeroLooksAgainEveryPingInterval() {
        PingWatchdog none = new PingWatchdog(Duration.ofSeconds(2), Duration.ZERO);
        none.pingSent(0);
        assertEquals(5 * S + 2 * S, none.nextCheck(5 * S, -S));
    }

    @Test
    void replyTimeoutZeroNeverDeclaresDead() {
        PingWatchdog none = new PingWatchdog(Duration.ofSeconds(2), Duration.ZERO);
        none.pingSent(0);
        assertEquals(Action.NOTHING, none.check(3600 * S, -S));
    }

    @Test
    void tickIsAFifthOfTheShorterPeriodWithinBounds() {
        assertEquals(400, PingWatchdog.tickMillis(Duration.ofSeconds(2), Duration.ofSeconds(3)));
        assertEquals(1000, PingWatchdog.tickMillis(Duration.ofSeconds(60), Duration.ofSeconds(20)));
        assertEquals(50, PingWatchdog.tickMillis(Duration.ofMillis(100), Duration.ofSeconds(20)));
        assertEquals(1000, PingWatchdog.tickMillis(Duration.ofSeconds(60), Duration.ZERO));
    }
}
