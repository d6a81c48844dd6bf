package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrokerUriTest {

    @ParameterizedTest(name = "{0} (line port {1}) -> {2}")
    @CsvSource({
        "broker, 1883, tcp://broker:1883",
        "broker, 1884, tcp://broker:1884",
        "broker:2000, 1883, tcp://broker:2000",
        "tcp://broker, 1883, tcp://broker:1883",
        "mqtt://broker:1885, 1883, tcp://broker:1885",
        "ssl://broker, 1883, ssl://broker:8883",
        "ssl://broker, 9999, ssl://broker:9999",
        "tls://broker:8884, 1883, ssl://broker:8884",
        "mqtts://broker, 0, ssl://broker:8883",
        "ws://broker:8080, 1883, ws://broker:8080/mqtt",
        "ws://broker:8080/custom/path, 1883, ws://broker:8080/custom/path",
        "wss://broker/mqtt, 1883, wss://broker:8883/mqtt",
        "WSS://Broker:443, 1883, wss://Broker:443/mqtt",
        "10.0.0.5, 1883, tcp://10.0.0.5:1883",
        "'[::1]:1884', 1883, 'tcp://[::1]:1884'",
        "'[fe80::1]', 1883, 'tcp://[fe80::1]:1883'",
        "'  broker  ', 1883, tcp://broker:1883",
    })
    void parses(String text, int port, String uri) {
        assertEquals(uri, BrokerUri.parse(text, port).uri());
    }

    @ParameterizedTest
    @CsvSource({
        "'', empty",
        "http://broker, unknown scheme",
        "broker:abc, not a number",
        "broker:70000, outside",
        "tcp://user:secret@broker, user name or password",
        "user:secret@broker:1883, user name or password",
        "tcp://user:sec/ret@broker, user name or password",
        "'tcp://user:sec;ret@broker', user name or password",
        "tcp://broker/path, path",
        "'[::1', unclosed",
    })
    void refusesWithASentence(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BrokerUri.parse(text, 1883));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("secret") && !e.getMessage().contains("sec"),
                "never echo a password: " + e.getMessage());
    }

    @Test
    void linesHostsKeepOrderAndSplitOnCommaAndSemicolon() {
        var line = TestLines.line("L", List.of("primary:1883, backup1;ssl://backup2"), 1883, Map.of());
        List<BrokerUri> all = BrokerUri.of(line);
        assertEquals(List.of("tcp://primary:1883", "tcp://backup1:1883", "ssl://backup2:8883"),
                all.stream().map(BrokerUri::uri).toList());
        assertTrue(all.get(2).tls());
        assertTrue(BrokerUri.parse("wss://x", 1883).webSocket());
    }

    @Test
    void aLineWithoutHostsIsRefused() {
        var line = TestLines.line("EMPTY", List.of(), 1883, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BrokerUri.of(line));
        assertTrue(e.getMessage().contains("EMPTY"), e.getMessage());
    }
}
