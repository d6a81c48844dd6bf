package org.scadamqtt.mqtt.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZonesTest {

    @ParameterizedTest
    @CsvSource({
        "UTC, Z",
        "utc, Z",
        "Z, Z",
        "+02:00, +02:00",
        "-05:30, -05:30",
        "+0100, +01:00",
        "+2, +02:00",
        "Europe/Bratislava, Europe/Bratislava",
        "' America/New_York ', America/New_York",
    })
    void acceptedValues(String text, String expected) {
        assertEquals(ZoneId.of(expected), TimeZones.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOCAL", "local", "Local"})
    void localIsTheHostZone(String text) {
        assertEquals(ZoneId.systemDefault(), TimeZones.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Mars/Olympus", "+25:00", "CEST!"})
    void rejectedValuesNameTheValue(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeZones.parse(text));
        assertTrue(e.getMessage().contains("LOCAL, UTC"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TimeZones.parse(null));
        assertEquals(ZoneOffset.UTC, TimeZones.parse("UTC"));
    }
}
