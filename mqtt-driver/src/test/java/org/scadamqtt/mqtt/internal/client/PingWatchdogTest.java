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
