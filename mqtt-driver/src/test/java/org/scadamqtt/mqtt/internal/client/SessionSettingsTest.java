package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

    @Test
    void defaultsComeFromTheParameterTable() {
        SessionSettings s = SessionSettings.of(TestLines.line("L1", List.of("b"), 1883, Map.of()), "host1");
        assertEquals("scada-host1-L1", s.clientId());
        assertEquals(List.of("#"), s.topicFilters());
        assertEquals(1, s.subscribeQos());
        assertFalse(s.cleanSession());
        assertEquals(0, s.keepAliveSeconds());
        assertEquals(Duration.ofSeconds(60), s.pingInterval());
        assertEquals(20, s.replyTimeoutSeconds());
        assertTrue(s.failBack());
        assertTrue(s.tls().hostnameVerification());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), s.tls().versions());
        assertEquals(1000, s.maxInflight());
    }

    @Test
    void onlyFilterChangesAreRecognised() {
        var a = SessionSettings.of(TestLines.line("L", List.of("b"), 1883, Map.of(TOPIC_FILTER, "a/#")), "h");
        var b = SessionSettings.of(TestLines.line("L", List.of("b"), 1883,
                Map.of(TOPIC_FILTER, List.of("b/#", "c"), SUBSCRIBE_QOS, "2")), "h");
        var c = SessionSettings.of(TestLines.line("L", List.of("b"), 1883,
                Map.of(TOPIC_FILTER, "a/#", KEEP_ALIVE, "30")), "h");
        var d = SessionSettings.of(TestLines.line("L", List.of("other"), 1883, Map.of(TOPIC_FILTER, "b/#")), "h");
        assertTrue(a.onlySubscriptionsDiffer(b));
        assertFalse(a.onlySubscriptionsDiffer(c), "keep alive changed: reconnect");
        assertFalse(a.onlySubscriptionsDiffer(d), "host changed: reconnect");
        assertFalse(a.onlySubscriptionsDiffer(a), "nothing changed");
    }

    @Test
    void replyTimeoutRoundsUpToWholeSecondsForPaho() {
        var s = SessionSettings.of(TestLines.line("L", List.of("b"), 1883, Map.of(REPLY_TIMEOUT, "0.3")), "h");
        assertEquals(1, s.replyTimeoutSeconds());
        var none = SessionSettings.of(TestLines.line("L", List.of("b"), 1883, Map.of(REPLY_TIMEOUT, "0")), "h");
        assertEquals(0, none.replyTimeoutSeconds());
    }

    @Test
    void clientIdAbsentIsDerivedGivenBlankIsSentBlank() {
        assertEquals("scada-host1-L1", SessionSettings.of(TestLines.line("L1", List.of("b"), 1883,
                Map.of(CLEAN_SESSION, "YES")), "host1").clientId(), "absent: derived");
        assertEquals("", SessionSettings.of(TestLines.line("L1", List.of("b"), 1883,
                Map.of(CLIENT_ID, "", CLEAN_SESSION, "YES")), "host1").clientId(), "blank: the broker assigns one");
        assertEquals("", SessionSettings.of(TestLines.line("L1", List.of("b"), 1883,
                Map.of(CLIENT_ID, "  ", CLEAN_SESSION, "YES")), "host1").clientId());
        assertEquals("mine", SessionSettings.of(TestLines.line("L1", List.of("b"), 1883,
                Map.of(CLIENT_ID, "mine")), "host1").clientId());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SessionSettings.of(TestLines.line("L1", List.of("b"), 1883, Map.of(CLIENT_ID, "")), "host1"));
        assertTrue(e.getMessage().contains("line 'L1'") && e.getMessage().contains("Clean Session YES"),
                e.getMessage());
    }

    /** Issue 13: WEGnology takes TLS only, so an address without a scheme on its line is ssl://…:8883. */
    @Test
    void aProfileThatWantsTlsMakesAddressesWithoutASchemeTls() {
        var weg = SessionSettings.of(TestLines.line("W", List.of("broker.app.wnology.io"), 1883,
                Map.of(PAYLOAD_TYPE, "WEGnology")), "h");
        assertEquals("ssl://broker.app.wnology.io:8883", weg.brokers().get(0).uri());
        var plainOnPurpose = SessionSettings.of(TestLines.line("W", List.of("tcp://localhost"), 1883,
                Map.of(PAYLOAD_TYPE, "WEGnology")), "h");
        assertEquals("tcp://localhost:1883", plainOnPurpose.brokers().get(0).uri());
        var json = SessionSettings.of(TestLines.line("J", List.of("broker.app.wnology.io"), 1883,
                Map.of(PAYLOAD_TYPE, "JSON")), "h");
        assertEquals("tcp://broker.app.wnology.io:1883", json.brokers().get(0).uri());
    }
}
