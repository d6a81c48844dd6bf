package org.scadamqtt.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scadamqtt.driver.DriverProvider;

/** The host finds the MQTT driver through ServiceLoader alone: it never names the driver's classes. */
class ServiceLoaderDiscoveryTest {

    @Test
    void theMqttDriverIsFoundOnTheHostClassPath() throws Exception {
        try (DriverRegistry r = DriverRegistry.load(getClass().getClassLoader(), null)) {
            DriverProvider mqtt = r.provider("mqtt").orElseThrow(() -> new AssertionError(
                    "no 'mqtt' driver found; drivers: " + r.protocolList()));
            assertEquals("mqtt", mqtt.protocol());
            assertEquals(DriverRegistry.CLASSPATH, r.drivers().get(0).source());
            assertTrue(r.catalog().find("MQTT").isPresent());
            assertTrue(mqtt.lineParameters().stream().anyMatch(p -> p.name().equals("topicFilter")));
        }
    }
}
