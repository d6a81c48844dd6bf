package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.KEEP_ALIVE;
import static org.scadamqtt.mqtt.MqttParameters.PING_INTERVAL;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;
import static org.scadamqtt.mqtt.internal.client.TestLines.line;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.mqtt.internal.MqttSession;

/**
 * Issue 10 item 6, "a changed broker reconnected": a running line handed a configuration with
 * another broker leaves the old one and connects to the new one, on the same session object.
 */
@Timeout(60)
class BrokerChangeIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aChangedBrokerIsReconnectedToAndTheOldOneLeft() throws Exception {
        try (FakeBroker a = new FakeBroker(out -> { }); FakeBroker b = new FakeBroker(out -> { })) {
            var rec = new TestLines.Recorder();
            MqttSession s = TestLines.open("move", List.of(a.uri()), fast(KEEP_ALIVE, "0", PING_INTERVAL, "0"), rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                assertEquals(1, a.connects());
                assertEquals(0, b.connects());
                rec.clearStatuses();
                s.reconfigure(line("move", List.of(b.uri()), 1883, fast(KEEP_ALIVE, "0", PING_INTERVAL, "0")));
                rec.awaitState(LineState.CONNECTED, WAIT);
                long end = System.nanoTime() + WAIT.toNanos();
                while (b.connects() < 1 && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                assertEquals(1, b.connects(), "the new broker gets the line");
                assertTrue(s.status().reason() == null || !s.status().reason().contains("cannot"), s.status().toString());
                Thread.sleep(500);
                assertEquals(1, a.connects(), "the old broker is not connected to again");
                assertEquals(1, b.connects());
                assertTrue(s.status().state() == LineState.CONNECTED, s.status().toString());
            } finally {
                s.stop();
            }
        }
    }
}
