package org.scadamqtt.mqtt.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClientIdsTest {

    @ParameterizedTest
    @CsvSource({
        "scada01, L1, scada-scada01-L1",
        "h, line_2, scada-h-line_2",
        "host.example, A, scada-host_example-A",
        "h, 'line 1', scada-h-line_1",
        "h, Linka-č, scada-h-Linka-_",
    })
    void shortIdsAreKeptReadable(String host, String line, String expected) {
        assertEquals(expected, ClientIds.derive(host, line));
    }

    @Test
    void longIdsAreShortenedTo23WithAHash() {
        String id = ClientIds.derive("scada-server-prod-bratislava", "LINE_BOILER_HOUSE");
        assertEquals(23, id.length(), id);
        assertTrue(id.startsWith("scada-scada-se"), id);
        assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
    }

    @Test
    void stableAcrossCalls() {
        assertEquals(ClientIds.derive("server-a-long-name", "line-with-long-name"),
                ClientIds.derive("server-a-long-name", "line-with-long-name"));
    }

    @Test
    void uniquePerHostAndLineEvenWhenTheFrontIsEqual() {
        String a = ClientIds.derive("scada-server-prod-1", "LINE_A_VERY_LONG");
        String b = ClientIds.derive("scada-server-prod-2", "LINE_A_VERY_LONG");
        String c = ClientIds.derive("scada-server-prod-1", "LINE_B_VERY_LONG");
        assertNotEquals(a, b);
        assertNotEquals(a, c);
        // sanitising maps '.' and '_' alike; the hash of the raw names still keeps them apart
        assertNotEquals(ClientIds.derive("host.a-long-long-name", "L"), ClientIds.derive("host_a-long-long-name", "L"));
    }
}
