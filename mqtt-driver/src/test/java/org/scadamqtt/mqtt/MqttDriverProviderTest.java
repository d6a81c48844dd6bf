package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.scadamqtt.driver.DriverProvider;

class MqttDriverProviderTest {

    @Test
    void serviceLoaderFindsTheMqttProviderWithTheParameterTables() {
        List<DriverProvider> found = ServiceLoader.load(DriverProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.protocol().equals("mqtt")).toList();
        assertEquals(1, found.size());
        DriverProvider p = found.get(0);
        assertTrue(p instanceof MqttDriverProvider);
        assertEquals("MQTT Client Protocol", p.displayName());
        assertSame(MqttParameters.LINE_PARAMETERS, p.lineParameters());
        assertSame(MqttParameters.STATION_PARAMETERS, p.stationParameters());
    }

    @Test
    void validateDelegatesToTheConfigurationValidator() {
        var line = TestConfigs.line("L", List.of("localhost"), TestConfigs.params(),
                TestConfigs.station("S", "a/b", TestConfigs.params(), TestConfigs.tag("t", "TxtI", "NOT_AN_ADDRESS")));
        var problems = new MqttDriverProvider().validate(line);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("NOT_AN_ADDRESS")), problems.toString());
        var good = TestConfigs.line("L", List.of("localhost"), TestConfigs.params(),
                TestConfigs.station("S", "a/b", TestConfigs.params(), TestConfigs.tag("t", "TxtI", "IN_DATA")));
        assertEquals(List.of(), new MqttDriverProvider().validate(good));
    }
}
