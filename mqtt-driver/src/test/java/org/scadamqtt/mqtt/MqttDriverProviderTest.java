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
}
