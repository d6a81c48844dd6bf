package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPlanTest {

    private static final long SECOND = 1_000_000_000L;

    /** min 1 s, max 30 s, no jitter (0.5 = the middle of the spread). */
    private static ReconnectPlan plan(int hosts) {
        return new ReconnectPlan(hosts, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5));
    }

    @Test
    void aRoundTriesEveryHostWithoutWaitingThenBacksOff() {
        ReconnectPlan p = plan(3);
        assertEquals(0, p.nextHost(), "the primary first");
        assertNull(p.attemptFailed(), "next host at once");
        assertEquals(1, p.nextHost());
        assertNull(p.attemptFailed());
        assertEquals(2, p.nextHost());
        assertEquals(Duration.ofSeconds(1), p.attemptFailed(), "round over: wait the back-off");
        assertEquals(0, p.nextHost(), "the next round starts at the primary");
        p.attemptFailed();
        p.attemptFailed();
        assertEquals(Duration.ofSeconds(2), p.attemptFailed(), "the delay doubles per failed round");
    }

    @Test
    void afterALossTheOthersComeFirstAndTheLostHostLast() {
        ReconnectPlan p = plan(3);
        p.connected();
        p.lost(0, 60 * SECOND);
        assertEquals(1, p.nextHost());
        p.attemptFailed();
        assertEquals(2, p.nextHost());
        p.attemptFailed();
        assertEquals(0, p.nextHost(), "the lost host last");
        p.connected();
        p.lost(2, 60 * SECOND);
        assertEquals(0, p.nextHost(), "after the last host comes the primary");
    }

    @Test
    void backOffStartsAgainAtTheMinimumOnlyAfterAConnectionStayedUpTenSeconds() {
        ReconnectPlan p = plan(1);
        p.attemptFailed(); // 1 s
        p.attemptFailed(); // 2 s
        p.connected();
        // two clients with one client id kick each other off at once: keep growing
        assertEquals(Duration.ofSeconds(4), p.lost(0, ReconnectPlan.STABLE.toNanos() - 1));
        p.connected();
        assertEquals(Duration.ofSeconds(8), p.lost(0, 2 * SECOND));
        p.connected();
        // a connection that worked: start again at the minimum
        assertEquals(Duration.ofSeconds(1), p.lost(0, ReconnectPlan.STABLE.toNanos()));
        assertEquals(Duration.ofSeconds(10), ReconnectPlan.STABLE);
    }

    @Test
    void restartGoesToThePrimaryWithTheShortestDelayFailBackKeepsTheDelay() {
        ReconnectPlan p = plan(2);
        p.attemptFailed();
        p.attemptFailed(); // 1 s
        p.attemptFailed();
        p.attemptFailed(); // 2 s
        p.connected();
        p.lost(0, SECOND); // 4 s, next round from host 1
        p.fromPrimary();
        assertEquals(0, p.nextHost());
        p.attemptFailed();
        assertEquals(Duration.ofSeconds(8), p.attemptFailed(), "fail-back keeps the back-off");
        p.restart();
        assertEquals(0, p.nextHost());
        p.attemptFailed();
        assertEquals(Duration.ofSeconds(1), p.attemptFailed(), "a restart starts at the minimum");
    }

    @Test
    void aLineNeedsAHost() {
        assertThrows(IllegalArgumentException.class, () -> plan(0));
    }
}
