package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.mqtt.internal.MqttSession;

/**
 * A queued backlog must not drop the line in a loop (Mosquitto answers SUBACK only after sending
 * the whole backlog): bytes arriving while SUBACK is awaited extend the wait, and a broker that kept
 * the session with the same filters gets no SUBSCRIBE again. With the {@link FakeBroker}.
 */
@Timeout(60)
class SubscribeBacklogIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    private static MqttSession open(String name, FakeBroker broker, String cleanSession, TestLines.Recorder rec) {
        return TestLines.open(name, List.of(broker.uri()), fast(KEEP_ALIVE, "0", PING_INTERVAL, "0",
                REPLY_TIMEOUT, "1", CLEAN_SESSION, cleanSession, CLIENT_ID, "backlog-" + name,
                RECONNECT_MIN_DELAY, "0.2", RECONNECT_MAX_DELAY, "0.2"), rec);
    }

    @Test
    void messagesArrivingBeforeALateSubackKeepTheConnection() throws Exception {
        int count = 15;
        try (FakeBroker broker = new FakeBroker(out -> {
            for (int i = 0; i < count; i++) {
                // 3 s of backlog before SUBACK, with Reply Timeout 1 s
                FakeBroker.write(out, 0x30, 0x06, 0x00, 0x03, 't', '/', 'x', '0' + i % 10);
                Thread.sleep(200);
            }
        }, out -> { })) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("latesuback", broker, "YES", rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                for (int i = 0; i < count; i++) {
                    assertTrue(rec.next(WAIT) != null, "message " + i + " of the backlog");
                }
                assertTrue(rec.statuses.stream().noneMatch(st -> st.state() == LineState.DISCONNECTED),
                        "connection kept: " + rec.statuses);
                assertEquals(1, broker.connects());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void aKeptSessionWithTheSameFiltersIsNotSubscribedAgain() throws Exception {
        try (FakeBroker broker = new FakeBroker(out -> { })) {
            broker.sessionPresent = true;
            var rec = new TestLines.Recorder();
            MqttSession s = open("kept", broker, "NO", rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                assertEquals(1, broker.subscribes(), "first connect of this line: it cannot know the session");

                reconnect(broker, rec, 2);
                assertEquals(1, broker.subscribes(), "session present, same filters: no SUBSCRIBE");

                broker.sessionPresent = false;
                reconnect(broker, rec, 3);
                awaitValue(broker::subscribes, 2);
                assertEquals(2, broker.subscribes(), "session not present: SUBSCRIBE again");
            } finally {
                s.stop();
            }
        }
    }

    /** The broker hangs up; waits for connect number {@code n} and CONNECTED. */
    private static void reconnect(FakeBroker broker, TestLines.Recorder rec, int n) throws Exception {
        rec.clearStatuses();
        broker.cut();
        awaitValue(broker::connects, n);
        rec.awaitState(LineState.CONNECTED, WAIT);
    }

    private static void awaitValue(IntSupplier v, int expected) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (v.getAsInt() < expected && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(expected, v.getAsInt());
    }
}
