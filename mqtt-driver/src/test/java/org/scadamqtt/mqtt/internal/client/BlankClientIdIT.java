package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.scadamqtt.mqtt.MqttParameters.*;
import static org.scadamqtt.mqtt.internal.client.TestLines.fast;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.mqtt.internal.MqttSession;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.MosquittoBroker;

/**
 * A clientId given blank is sent blank (the broker assigns one; Clean Session YES), absent gives the
 * derived default: what CONNECT carries (fake broker), and that real brokers accept it.
 */
@Timeout(60)
class BlankClientIdIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void blankIsSentBlankAndAbsentIsDerived() throws Exception {
        try (FakeBroker broker = new FakeBroker(out -> { })) {
            var rec = new TestLines.Recorder();
            MqttSession s = TestLines.open("blank", List.of(broker.uri()), fast(CLIENT_ID, "", CLEAN_SESSION, "YES"),
                    rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                assertEquals("", broker.lastClientId);
            } finally {
                s.stop();
            }
            rec = new TestLines.Recorder();
            s = TestLines.open("absent", List.of(broker.uri()), fast(CLEAN_SESSION, "YES"), rec);
            try {
                rec.awaitState(LineState.CONNECTED, WAIT);
                assertEquals("scada-testhost-absent", broker.lastClientId);
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void hiveMqAssignsAnIdAndDelivers() throws Exception {
        receivesWithBlankId(EmbeddedHiveMq.get().tcpUri(), "hive");
    }

    @Test
    void mosquittoAssignsAnIdAndDelivers() throws Exception {
        try (MosquittoBroker m = MosquittoBroker.start(false)) {
            receivesWithBlankId(m.uri(), "mosq");
        }
    }

    private static void receivesWithBlankId(String uri, String name) throws Exception {
        var rec = new TestLines.Recorder();
        MqttSession s = TestLines.open(name, List.of(uri), fast(CLIENT_ID, "", CLEAN_SESSION, "YES",
                TOPIC_FILTER, "blankid/" + name + "/#"), rec);
        try (PahoObserver obs = new PahoObserver(uri, "obs-blank-" + name)) {
            rec.awaitState(LineState.CONNECTED, WAIT);
            obs.publish("blankid/" + name + "/x", "hello", 1);
            assertNotNull(rec.next(WAIT), "message delivered to the line with a broker-assigned id");
        } finally {
            s.stop();
        }
    }
}
