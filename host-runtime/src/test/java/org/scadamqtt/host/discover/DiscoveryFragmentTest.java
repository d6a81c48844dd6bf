package org.scadamqtt.host.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.tag.TagType;

/** Discovered points as station and tag elements; the line discovery runs. */
class DiscoveryFragmentTest {

    @Test
    void oneStationPerAddressWithUniqueUpperCaseNamesAndEscapedText() {
        String xml = DiscoveryFragment.xml("found on line SP", List.of(
                new DiscoveredPoint("Plant1/Press7", "SP=Hydraulics/Pressure", TagType.Ai, "Sparkplug Double"),
                new DiscoveredPoint("Plant1/Press7", "SP=Hydraulics Pressure", TagType.Ci, ""),
                new DiscoveredPoint("Plant1/Press7/Drive1", "SP=a<b & \"c\"", TagType.TxtI, "Sparkplug String")));
        assertEquals("""
                <!-- found on line SP: 2 station(s), 3 tag(s); the types are suggestions (inputs: make a tag an \
                output by hand to write it) -->
                <station name="PRESS7" address="Plant1/Press7">
                  <tag name="PRESS7_HYDRAULICS_PRESSURE" type="Ai" address="SP=Hydraulics/Pressure" \
                description="Sparkplug Double"/>
                  <tag name="PRESS7_HYDRAULICS_PRESSURE_2" type="Ci" address="SP=Hydraulics Pressure"/>
                </station>
                <station name="PRESS7_DRIVE1" address="Plant1/Press7/Drive1">
                  <tag name="PRESS7_DRIVE1_A_B_C" type="TxtI" address="SP=a&lt;b &amp; &quot;c&quot;" \
                description="Sparkplug String"/>
                </station>
                """, xml);
    }

    @Test
    void nothingFoundIsJustTheComment() {
        assertEquals("<!-- x: 0 station(s), 0 tag(s); the types are suggestions (inputs: make a tag an output by "
                + "hand to write it) -->\n", DiscoveryFragment.xml("x", List.of()));
        assertTrue(DiscoveryFragment.xml("a -- b", List.of()).startsWith("<!-- a - - b"), "no -- inside a comment");
    }

    @Test
    void theListeningLineHasItsOwnClientIdNoPrimaryHostIdAndOneCatchAllStation() {
        ParameterValues p = ParameterValues.empty().with("clientId", "scada-sp").with("sparkplugHostId", "scada1")
                .with("topicFilter", "spBv1.0/#");
        LineConfig line = new LineConfig("SP", "mqtt", List.of("h"), 1883, p, List.of(), null);
        LineConfig l = DiscoveryRun.listeningLine(line);
        assertEquals("scada-sp-discover", l.parameters().text("clientId"));
        assertEquals("", l.parameters().text("sparkplugHostId"));
        assertEquals("spBv1.0/#", l.parameters().text("topicFilter"));
        assertEquals(1, l.stations().size());
        assertEquals("#", l.stations().get(0).address());
        assertEquals(List.of(), l.stations().get(0).tags());
    }
}
