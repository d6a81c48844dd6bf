package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.xml.ConfigLoader;
import org.scadamqtt.mqtt.internal.config.MqttProtocolRules;

/**
 * The rules of {@link SparkplugProfile#validate}, through the loader as {@code validate} shows them
 * to a user: {@code file:line:column: sentence [code]} at the parameter concerned.
 */
class SparkplugValidateTest {

    private final ConfigLoader loader = new ConfigLoader(MqttProtocolRules.catalog());

    /** A SparkplugB line: line params on line 4, the station's sparkplugEdge param on line 6. */
    private static String file(String lineParams, String edge) {
        return "<scada xmlns=\"urn:scada-mqtt:config:1\">\n"
                + "<line name=\"SP\" protocol=\"mqtt\"><host>h</host>\n"
                + "<param name=\"payloadType\">SparkplugB</param>\n"
                + lineParams + "\n"
                + "<station name=\"E1\" address=\"Plant1/Edge1\">\n"
                + (edge == null ? "" : "<param name=\"sparkplugEdge\">" + edge + "</param>") + "\n"
                + "<tag name=\"SPEED\" type=\"Ai\" address=\"SP=Speed\"/>\n"
                + "</station>\n</line>\n</scada>\n";
    }

    private static String param(String name, String value) {
        return "<param name=\"" + name + "\">" + value + "</param>";
    }

    /** The file is refused with exactly one error of this code, on this line, saying every word. */
    private ConfigProblem one(String xml, String code, int line, String... words) {
        List<ConfigProblem> errors = assertThrows(ConfigException.class, () -> loader.load(xml, "sp.xml")).errors();
        List<ConfigProblem> ofCode = errors.stream().filter(e -> e.code().equals(code)).toList();
        assertEquals(1, ofCode.size(), errors::toString);
        ConfigProblem p = ofCode.get(0);
        assertEquals(code, p.code(), p::toString);
        String shown = p.toString();
        assertTrue(shown.startsWith("sp.xml:" + line + ":"), shown);
        assertTrue(shown.endsWith("[" + code + "]"), shown);
        for (String w : words) {
            assertTrue(p.message().contains(w), () -> "'" + w + "' missing from: " + shown);
        }
        return p;
    }

    @Test
    void aPrimaryHostMustConnectWithCleanSessionYes() throws Exception {
        one(file(param("sparkplugHostId", "scada1") + param("cleanSession", "NO"), null), "sparkplug-clean-session", 4,
                "Clean Session YES", "message-flow-phid-sparkplug-clean-session", "set cleanSession to YES");
        // cleanSession's default is NO (as in D2000), so a primary host must say YES; the line is named then
        one(file(param("sparkplugHostId", "scada1"), null), "sparkplug-clean-session", 2, "set cleanSession to YES");
        loader.load(file(param("sparkplugHostId", "scada1") + param("cleanSession", "YES"), null), "sp.xml");
        loader.load(file(param("cleanSession", "NO"), null), "sp.xml"); // no host id: a listening host may keep a session
    }

    @Test
    void aHostIdGoesIntoATopicSoSlashPlusAndHashAreRefused() throws Exception {
        String clean = param("cleanSession", "YES");
        for (String bad : List.of("scada/1", "scada+", "scada#")) {
            ConfigProblem p = one(file(param("sparkplugHostId", bad) + clean, null), "sparkplug-host-id", 4,
                    "'" + bad + "'", "spBv1.0/STATE/" + bad, "may not contain '/', '+' or '#'");
            assertEquals(List.of(p), assertThrows(ConfigException.class,
                    () -> loader.load(file(param("sparkplugHostId", bad) + clean, null), "sp.xml")).errors());
        }
        loader.load(file(param("sparkplugHostId", "scada-1.main") + clean, null), "sp.xml");
    }

    @Test
    void aMalformedSparkplugEdgeNamesTheStationAndTheFormToWrite() throws Exception {
        for (String bad : List.of("Plant1", "Plant1/", "/Edge1", "Plant1/Edge1/Dev/x", "Plant1/+/Dev", "Plant1/#")) {
            one(file("", bad), "sparkplug-edge", 6, "station E1", "'" + bad + "'",
                    "is not group/node or group/node/device");
            // its SP= tags cannot be bound then, which the tag's own error says
            assertEquals(List.of("sparkplug-edge", "BAD_ADDRESS"), assertThrows(ConfigException.class,
                    () -> loader.load(file("", bad), "sp.xml")).errors().stream().map(ConfigProblem::code).toList());
        }
        loader.load(file("", "Plant1/Edge1"), "sp.xml");
        loader.load(file("", "Plant1/Edge1/Pump"), "sp.xml");
    }
}
