package org.scadamqtt.mqtt.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.xml.ConfigLoader;

/** A station's own payloadType: one line mixing JSON devices and Sparkplug edge nodes, checked through the loader. */
class StationPayloadTypeTest {

    private final ConfigLoader loader = new ConfigLoader(MqttProtocolRules.catalog(), Map.<String, String>of()::get);

    /** Line "L" (line 2) with these params on line 3; the Sparkplug station from line 4, the JSON station after it. */
    private static String file(String lineParams, String spParams, String jsonParams, String jsonTags) {
        return "<scada xmlns=\"urn:scada-mqtt:config:1\">\n<line name=\"L\" protocol=\"mqtt\"><host>h</host>\n"
                + lineParams + "\n"
                + "<station name=\"PRESS\" address=\"Plant1/Press7\">\n" // line 4
                + "<param name=\"payloadType\">SparkplugB</param>" + spParams + "\n" // line 5
                + "<tag name=\"P\" type=\"Ai\" address=\"SP=Pressure\"/>\n" // line 6
                + "</station>\n" // line 7
                + "<station name=\"METER\" address=\"plant/meter\">\n" // line 8
                + jsonParams + "\n" // line 9
                + jsonTags + "\n" // line 10
                + "</station>\n</line>\n</scada>\n";
    }

    private static final String JSON_LINE = "<param name=\"payloadType\">JSON</param>";
    private static final String JA_TAG = "<tag name=\"M\" type=\"Ai\" address=\"JA=power\"/>";

    private List<ConfigProblem> problems(String xml) {
        return LoadProblems.of(loader, xml);
    }

    private ConfigProblem one(String xml, String code, int line, String... words) {
        return LoadProblems.theOnly(loader, xml, code, line, words);
    }

    @Test
    void aSparkplugStationAndAJsonStationShareAJsonLine() throws Exception {
        ScadaConfig c = loader.load(file(JSON_LINE + "<param name=\"sparkplugRebirthInterval\">5</param>",
                "<param name=\"sparkplugConfirmWrites\">YES</param>", "", JA_TAG), "m.xml");
        assertEquals("SparkplugB", c.lines().get(0).stations().get(0).parameters().text("payloadType"));
        assertTrue(!c.lines().get(0).stations().get(1).parameters().has("payloadType"), "absent means the line's");
    }

    @Test
    void aJsonStationNamingItsTypeOnASparkplugLine() throws Exception {
        loader.load(file("<param name=\"payloadType\">SparkplugB</param><param name=\"sparkplugHostId\">h1</param>"
                + "<param name=\"cleanSession\">YES</param>", "", "<param name=\"payloadType\">json</param>", JA_TAG), "m.xml");
    }

    @Test
    void anUnknownStationPayloadTypeIsLocatedWithAGuess() {
        one(file(JSON_LINE, "", "<param name=\"payloadType\">SparkplgB</param>", JA_TAG), "BAD_VALUE", 9,
                "'SparkplgB'", "did you mean 'SparkplugB'?");
    }

    @Test
    void aStationParameterOfAnotherPayloadTypeIsRefusedWhereItStands() {
        one(file(JSON_LINE, "", "<param name=\"sparkplugConfirmWrites\">YES</param>", JA_TAG),
                "PARAMETER_OF_OTHER_PROFILE", 9, "station 'METER'", "belongs to payloadType SparkplugB",
                "the line's payloadType is JSON");
    }

    @Test
    void aLineParameterOfAPayloadTypeNoStationUsesIsRefused() {
        String xml = "<scada xmlns=\"urn:scada-mqtt:config:1\">\n<line name=\"L\" protocol=\"mqtt\"><host>h</host>\n"
                + JSON_LINE + "<param name=\"sparkplugRebirthInterval\">5</param>\n"
                + "<station name=\"METER\" address=\"plant/meter\">\n" + JA_TAG + "\n</station>\n</line>\n</scada>\n";
        one(xml, "PARAMETER_OF_OTHER_PROFILE", 3, "'sparkplugRebirthInterval'", "belongs to payloadType SparkplugB");
    }

    @Test
    void eachStationsAddressesAreThoseOfItsOwnPayloadType() {
        one(file(JSON_LINE, "", "", "<tag name=\"M\" type=\"Ai\" address=\"SP=Power\"/>"), "UNKNOWN_ADDRESS", 10,
                "'SP=Power'");
    }

    @Test
    void aTextStationWithJaTagsIsToldToChangeItsOwnType() {
        one(file(JSON_LINE, "", "<param name=\"payloadType\">TEXT</param>", JA_TAG), "JA_NEEDS_JSON", 10,
                "the station's payloadType is TEXT", "to the station");
    }

    @Test
    void theSparkplugPrimaryHostNeedsASparkplugLineBecauseTheWillIsTheLines() {
        one(file(JSON_LINE + "<param name=\"sparkplugHostId\">h1</param><param name=\"cleanSession\">YES</param>",
                "", "", JA_TAG), "PROFILE_WILL_NOT_LINE", 2,
                "payloadType SparkplugB", "JSON");
    }
}
