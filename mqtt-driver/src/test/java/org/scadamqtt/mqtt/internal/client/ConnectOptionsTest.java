package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.MqttParameters.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;

/** The PAHO-NOTES workarounds that live in the CONNECT options. */
class ConnectOptionsTest {

    private static MqttConnectOptions build(String host, Map<String, ?> params) {
        SessionSettings s = SessionSettings.of(TestLines.line("L", List.of(host), 1883, params), "h");
        return ConnectOptions.build(s, s.primary(), new InboundActivity());
    }

    @Test
    void workaroundsAreAlwaysApplied() {
        MqttConnectOptions o = build("broker", Map.of(REPLY_TIMEOUT, "7", MAX_INFLIGHT, "500", KEEP_ALIVE, "30"));
        assertEquals(MqttConnectOptions.MQTT_VERSION_3_1_1, o.getMqttVersion(), "never version 0 (3.1 fallback)");
        assertFalse(o.isAutomaticReconnect(), "own reconnect loop only");
        assertEquals(7, o.getConnectionTimeout(), "connection timeout = Reply Timeout");
        assertEquals(500, o.getMaxInflight());
        assertEquals(30, o.getKeepAliveInterval());
        assertInstanceOf(NoDelaySocketFactory.class, o.getSocketFactory());
        assertArrayEquals(new String[] {"tcp://broker:1883"}, o.getServerURIs(), "one host per attempt");
        assertFalse(o.isCleanSession(), "Clean Session NO is the D2000 default");
    }

    @Test
    void credentialsAndWill() {
        MqttConnectOptions o = build("broker", Map.of(USER_NAME, "op", PASSWORD, "pw", WILL_FLAG, "YES",
                WILL_TOPIC, "scada/L/online", WILL_MESSAGE, "0", WILL_QOS, "1", WILL_RETAIN, "YES", CLEAN_SESSION, "YES"));
        assertEquals("op", o.getUserName());
        assertArrayEquals("pw".toCharArray(), o.getPassword());
        assertEquals("scada/L/online", o.getWillDestination());
        assertEquals("0", new String(o.getWillMessage().getPayload(), StandardCharsets.UTF_8));
        assertEquals(1, o.getWillMessage().getQos());
        assertTrue(o.getWillMessage().isRetained());
        assertTrue(o.isCleanSession());
    }

    @Test
    void noCredentialsNoWillByDefault() {
        MqttConnectOptions o = build("broker", Map.of());
        assertNull(o.getUserName());
        assertNull(o.getPassword());
        assertNull(o.getWillMessage());
    }

    @Test
    void willWithoutTopicIsRefusedWithASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> build("broker", Map.of(WILL_FLAG, "YES")));
        assertTrue(e.getMessage().contains("Will Topic"), e.getMessage());
    }

    @Test
    void tlsUsesTheWrappedFactoryAndKeepsHostnameVerificationOn() {
        MqttConnectOptions o = build("ssl://broker", Map.of());
        assertInstanceOf(NoDelaySslSocketFactory.class, o.getSocketFactory());
        assertTrue(o.isHttpsHostnameVerificationEnabled());
        assertFalse(build("ssl://broker", Map.of(HOSTNAME_VERIFICATION, "NO")).isHttpsHostnameVerificationEnabled());
    }

    @Test
    void missingTrustStoreIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> build("ssl://broker", Map.of(TRUST_STORE, "/nonexistent/ca.p12")));
        assertTrue(e.getMessage().contains("/nonexistent/ca.p12"), e.getMessage());
    }
}
