package org.scadamqtt.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.xml.ConfigLoader;
import org.scadamqtt.host.plugin.DriverRegistry;

/** What a reload changes: compared by content, so a station that only moved in the file is left alone. */
class ConfigChangeTest {

    private static ScadaConfig load(String lines) throws Exception {
        try (DriverRegistry drivers = DriverRegistry.load(ConfigChangeTest.class.getClassLoader(), null)) {
            return new ConfigLoader(drivers.catalog()).load("<scada xmlns=\"urn:scada-mqtt:config:1\">\n"
                    + lines + "</scada>\n", "c.xml");
        }
    }

    private static String line(String name, String body) {
        return "<line name=\"" + name + "\" protocol=\"mqtt\"><host>h</host>\n" + body + "</line>\n";
    }

    private static String station(String name, String tagType) {
        return "<station name=\"" + name + "\" address=\"" + name.toLowerCase() + "\"><tag name=\"" + name
                + "_V\" type=\"" + tagType + "\" address=\"IN_DATA\"/></station>\n";
    }

    @Test
    void linesAreComparedByContentAndUnchangedStationsKeepTheirRunningObjects() throws Exception {
        ScadaConfig old = load(line("A", station("S1", "TxtI") + station("S2", "TxtI")) + line("B", station("S3", "TxtI"))
                + line("C", station("S4", "TxtI")));
        // A: a comment line above moves everything, S2 changes; B only moves; C is removed; D is new
        ScadaConfig next = load("\n\n" + line("A", "\n" + station("S1", "TxtI") + station("S2", "Ci").replace(
                "IN_DATA", "IN_ID")) + line("B", station("S3", "TxtI")) + line("D", station("S5", "TxtI")));
        ConfigChange c = ConfigChange.between(old, next);
        assertEquals(List.of("A"), c.reconfigured().stream().map(LineConfig::name).toList());
        assertEquals(List.of("D"), c.started().stream().map(LineConfig::name).toList());
        assertEquals(List.of("C"), c.stopped());
        assertEquals(List.of("B"), c.unchanged());
        assertSame(old.lines().get(1), c.running().lines().get(1), "an unchanged line keeps its running object");
        LineConfig a = c.reconfigured().get(0);
        assertSame(old.lines().get(0).stations().get(0), a.stations().get(0),
                "an unchanged station keeps its running object, so the driver keeps its worker");
        assertTrue(a.stations().get(1) != old.lines().get(0).stations().get(1));
        assertTrue(ConfigChange.between(old, old).isEmpty());
    }

    @Test
    void markingAnInputWritableReconfiguresItsLine() throws Exception {
        String sp = "<param name=\"payloadType\">SparkplugB</param>\n";
        String plain = "<station name=\"E1\" address=\"G1/E1\"><tag name=\"SPEED\" type=\"Ai\" address=\"SP=Speed\"/>"
                + "</station>\n";
        ScadaConfig old = load(line("A", sp + plain));
        ScadaConfig next = load(line("A", sp + plain.replace("/>", " writable=\"true\"/>")));
        assertEquals(List.of("A"), ConfigChange.between(old, next).reconfigured().stream().map(LineConfig::name)
                .toList(), "the driver must compile the tag again to accept writes");
    }
}
