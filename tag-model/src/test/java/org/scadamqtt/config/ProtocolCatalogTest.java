package org.scadamqtt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtocolCatalogTest {

    private static ProtocolRules rules(String code) {
        return new ProtocolRules(code, List.of(), List.of(), null);
    }

    @Test
    void findsByCodeIgnoringCase() {
        ProtocolCatalog c = ProtocolCatalog.of(rules("mqtt"), rules("modbus"));
        assertEquals("mqtt", c.find("MQTT").orElseThrow().protocol());
        assertEquals(Optional.empty(), c.find("opcua"));
        assertEquals(Optional.empty(), c.find(null));
        assertEquals(List.of("modbus", "mqtt"), c.protocols());
    }

    @Test
    void refusesTwoDriversWithOneCode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProtocolCatalog.of(rules("mqtt"), rules("MQTT")));
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("mqtt"), e.getMessage());
    }

    @Test
    void missingValidatorChecksNothing() {
        assertTrue(rules("x").validator().apply(new LineConfig("L", "x", List.of("h"), 1883, null, List.of(), null))
                .isEmpty());
    }
}
