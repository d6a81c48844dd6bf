package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.MqttSession;

/**
 * The "possible client id clash" hint only when the broker closed the line right after a successful
 * connect more than once in a row; a broker restart or a cut is a plain "the broker closed it".
 */
@Timeout(60)
class ClashHintIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    private static MqttSession open(String name, FakeBroker broker, TestLines.Recorder rec) {
        return TestLines.open(name, List.of(broker.uri()), fast(KEEP_ALIVE, "0", PING_INTERVAL, "0",
                CLIENT_ID, "hint-" + name, RECONNECT_MIN_DELAY, "0.2", RECONNECT_MAX_DELAY, "0.2"), rec);
    }

    /** The broker hangs up once the line is CONNECTED; returns the DISCONNECTED status. */
    private static LineStatus hangUp(FakeBroker broker, TestLines.Recorder rec) throws Exception {
        rec.awaitState(LineState.CONNECTED, WAIT);
        rec.clearStatuses();
        broker.cut();
        LineStatus down = rec.awaitState(LineState.DISCONNECTED, WAIT);
        rec.clearStatuses();
        return down;
    }

    @Test
    void oneCloseByTheBrokerIsNoClash() throws Exception {
        try (FakeBroker broker = new FakeBroker(out -> { })) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("once", broker, rec);
            try {
                LineStatus down = hangUp(broker, rec);
                assertTrue(down.reason().contains("the broker (or a device between) closed it"), down.reason());
                assertFalse(down.reason().contains("clash"), down.reason());
                rec.awaitState(LineState.CONNECTED, WAIT);
                assertFalse(s.status().counters().lastError().contains("clash"), s.status().counters().lastError());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void closedRightAfterConnectingTwiceInARowIsAClash() throws Exception {
        try (FakeBroker broker = new FakeBroker(out -> { })) {
            var rec = new TestLines.Recorder();
            MqttSession s = open("twice", broker, rec);
            try {
                assertFalse(hangUp(broker, rec).reason().contains("clash"));
                LineStatus second = hangUp(broker, rec);
                assertTrue(second.reason().contains("possible client id clash")
                        && second.reason().contains("'hint-twice'") && second.reason().contains("2 times in a row"),
                        second.reason());
            } finally {
                s.stop();
            }
        }
    }
}
