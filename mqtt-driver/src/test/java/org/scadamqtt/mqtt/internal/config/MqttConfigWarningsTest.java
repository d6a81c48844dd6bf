package org.scadamqtt.mqtt.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.xml.ConfigLoader;

/** What loads but deserves a look: each warning through the loader, so it carries a real location. */
class MqttConfigWarningsTest {

    private final ConfigLoader loader = new ConfigLoader(MqttProtocolRules.catalog(), name -> null);

    /** Line "L" with the given params on line 3 and stations from line 4. */
    private static String file(String params, String stations) {
        return "<scada xmlns=\"urn:scada-mqtt:config:1\">\n<line name=\"L\" protocol=\"mqtt\"><host>h</host>\n"
                + params + "\n" + stations + "\n</line>\n</scada>\n";
    }

    private static String station(String name, String address) {
        return "<station name=\"" + name + "\" address=\"" + address + "\"><tag name=\"" + name
                + "_D\" type=\"TxtI\" address=\"IN_DATA\"/></station>\n";
    }

    private static String filter(String f) {
        return "<param name=\"topicFilter\">" + f + "</param>";
    }

    private List<ConfigProblem> warnings(String xml) throws ConfigException {
        List<ConfigProblem> ws = loader.load(xml, "w.xml").warnings();
        ws.forEach(w -> assertEquals(ConfigProblem.Severity.WARNING, w.severity(), w::toString));
        return ws;
    }

    private List<String> codes(String xml) throws ConfigException {
        return warnings(xml).stream().map(ConfigProblem::code).toList();
    }

    @Test
    void twoStationsWithOneAddressNameTheOneThatGetsTheMessages() throws Exception {
        List<ConfigProblem> ws = warnings(file("", station("B", "plant/x") + station("A", "plant/x")));
        assertEquals(1, ws.size(), ws::toString);
        assertEquals("DUPLICATE_STATION_ADDRESS", ws.get(0).code());
        assertEquals(5, ws.get(0).location().line());
        assertTrue(ws.get(0).message().contains("only station 'A'"), ws.get(0).message());
    }

    @Test
    void aRegexAddressThatDoesNotCompileIsAWarningWithTheEscapedForm() throws Exception {
        List<ConfigProblem> ws = warnings(file("", station("S", "dev/[1")));
        assertEquals(1, ws.size(), ws::toString);
        assertEquals("ADDRESS_NOT_A_REGEX", ws.get(0).code());
        assertTrue(ws.get(0).message().contains("only the topic 'dev/[1'"), ws.get(0).message());
        assertTrue(ws.get(0).message().contains("'dev/\\[1'"), ws.get(0).message());
        assertEquals(List.of(), codes(file("", station("S", "dev/\\[1"))), "the escaped form is quiet");
        assertEquals(List.of(), codes(file("", station("S", "dev/[0-9]+"))));
    }

    @Test
    void aStationTheTopicFiltersNeverDeliverIsAWarning() throws Exception {
        List<ConfigProblem> ws = warnings(file(filter("plant/#"), station("S", "other/x")));
        assertEquals(1, ws.size(), ws::toString);
        assertEquals("STATION_NOT_SUBSCRIBED", ws.get(0).code());
        assertTrue(ws.get(0).message().contains("topicFilter plant/#"), ws.get(0).message());
        assertTrue(ws.get(0).message().contains("'other/#'"), ws.get(0).message());
        assertEquals(List.of("STATION_NOT_SUBSCRIBED"), codes(file(filter("plant/+/temp"),
                station("S", "plant/a/hum"))));
        assertEquals(List.of("STATION_NOT_SUBSCRIBED"), codes(file(filter("plant/#"), station("S", "other/.*"))));
    }

    @Test
    void stationsTheFiltersCanReachAreQuiet() throws Exception {
        assertEquals(List.of(), codes(file("", station("S", "anything/at/all"))), "default filter #");
        assertEquals(List.of(), codes(file(filter("plant/#"), station("S", "plant"))), "a/# delivers a");
        assertEquals(List.of(), codes(file(filter("plant/+/temp"), station("S", "plant/b1/temp"))));
        assertEquals(List.of(), codes(file(filter("$share/g/plant/#"), station("S", "plant/x"))));
        assertEquals(List.of(), codes(file(filter("plant/boiler7/status"), station("S", "plant/boiler[0-9]+/.*"))));
        assertEquals(List.of(), codes(file(filter("plant/x"), station("S", "(?i)PLANT/X"))), "no literal prefix: "
                + "cannot be decided, no warning");
        assertEquals(List.of(), codes(file(filter("a/#") + filter("b/#"), station("S", "b/c") + station("R", ".*")
                + station("H", "#"))));
        assertEquals(List.of(), codes(file(filter("$SYS/#"), station("S", "$SYS/uptime"))));
        assertEquals(List.of(), codes(file(filter("plant/#"), "<station name=\"CMD\" address=\"cmd/echo\">"
                + "<tag name=\"T\" type=\"TxtO\" address=\"OUT_TOPIC\"/><tag name=\"V\" type=\"TxtO\" "
                + "address=\"OUT_VALUE\"/></station>")), "a station of outputs only needs no messages");
    }

    @Test
    void topicMatchFollowsMqtt() {
        assertFalse(TopicMatch.matches("#", "$SYS/uptime"), "MQTT 4.7.2: '#' does not deliver $ topics");
        assertFalse(TopicMatch.canStartWith("+/x", "$SYS"));
        assertTrue(TopicMatch.matches("a/+/c", "a//c"));
        assertTrue(TopicMatch.matches("+", "a"));
        assertFalse(TopicMatch.matches("+", "a/b"));
        assertFalse(TopicMatch.matches("a/b", "a/b/c"));
        assertTrue(TopicMatch.canStartWith("plant/+/x", "plant/boi"));
        assertFalse(TopicMatch.canStartWith("plant/a", "plant/b"));
        assertTrue(TopicMatch.canStartWith("plant/abc", "plant/ab"));
        assertFalse(TopicMatch.canStartWith("plant", "plant/"));
    }

    @Test
    void aStationTheProfileRoutesByKeysIsNotJudgedByItsAddress() throws Exception {
        String params = filter("loriot/up") + "<param name=\"payloadType\">LoRaWAN</param>"
                + "<param name=\"timeFieldName\">lorawan.received_at</param><param name=\"timeMask\">ISO8601</param>";
        String device = "<station name=\"M\" address=\"lorawan/meter\"><param name=\"lorawanDevice\">"
                + "BE7A000000001465</param><tag name=\"M_D\" type=\"TxtI\" address=\"IN_DATA\"/></station>\n";
        assertFalse(codes(file(params, device)).contains("STATION_NOT_SUBSCRIBED"), "lorawanDevice routes it");
        assertTrue(codes(file(params, station("N", "lorawan/other"))).contains("STATION_NOT_SUBSCRIBED"),
                "without lorawanDevice the address alone decides");
    }
}
