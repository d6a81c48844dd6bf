package org.scadamqtt.config.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.config.TagDisplay;

/** The optional tag attributes description, unit, format, limits and an output's default. */
class TagExtrasTest {

    private final ConfigLoader loader = new ConfigLoader(TestProtocol.CATALOG);

    private static String file(String tags) {
        return "<scada xmlns='urn:scada-mqtt:config:1'>\n<line name='A' protocol='test'><host>h</host>\n"
                + "<station name='S' address='#'>\n" + tags + "\n</station></line></scada>";
    }

    private List<TagConfig> tags(String tags) throws Exception {
        return loader.load(file(tags), "t.xml").lines().get(0).stations().get(0).tags();
    }

    private List<String> problems(String tags) {
        return assertThrows(ConfigException.class, () -> loader.load(file(tags), "t.xml")).problems().stream()
                .map(p -> p.location().line() + " " + p.code() + ": " + p.message()).toList();
    }

    @Test
    void displayAttributesAndDefaultAreRead() throws Exception {
        List<TagConfig> t = tags("""
                <tag name='P' type='Ai' address='JA=p' description='active power' unit='kW' format='%.1f'
                     lowLow='0' low='5' high='90' highHigh='100'/>
                <tag name='TOPIC' type='TxtO' address='OUT_TOPIC' default='plant/valve/cmd'/>
                <tag name='SET' type='Co' address='OUT_VALUE' default=' 42 '/>
                <tag name='PLAIN' type='TxtI' address='IN_DATA'/>""");
        assertEquals(new TagDisplay("active power", "kW", "%.1f", 5.0, 90.0, 0.0, 100.0), t.get(0).display());
        assertNull(t.get(0).defaultValue());
        assertEquals("plant/valve/cmd", t.get(1).defaultValue());
        assertEquals(42L, t.get(2).defaultValue());
        assertEquals(TagDisplay.NONE, t.get(3).display(), "no attributes: as before");
        assertNull(t.get(3).defaultValue());
    }

    @Test
    void aDefaultThatDoesNotConvertOrSitsOnAnInputIsALocatedError() {
        List<String> p = problems("""
                <tag name='SET' type='Co' address='OUT_VALUE' default='lots'/>
                <tag name='IN' type='Ai' address='JA=x' default='1'/>""");
        assertEquals(2, p.size(), p.toString());
        assertEquals("4 BAD_VALUE", p.get(0).substring(0, p.get(0).indexOf(':')));
        assertEquals(true, p.get(0).contains("tag 'SET' has default 'lots', which is not a Co value"), p.get(0));
        assertEquals(true, p.get(1).startsWith("5 NOT_OUTPUT: tag 'IN' is an input (Ai) and has a default"), p.get(1));
    }

    @Test
    void badFormatsLimitsAndLimitOrderAreLocatedErrors() {
        List<String> p = problems("""
                <tag name='P' type='Ai' address='JA=p' format='0.00' high='hot'/>
                <tag name='Q' type='Ai' address='JA=q' low='10' high='5'/>
                <tag name='T' type='TxtI' address='IN_DATA' high='5'/>""");
        assertEquals(List.of(
                "4 BAD_VALUE: tag 'P' has format '0.00'; write %.Nf (N decimals, e.g. %.2f), %.Ne (exponent, e.g. "
                        + "%.3e) or %d (whole number)",
                "4 BAD_VALUE: tag 'P' has high 'hot'; a limit is a number, e.g. 95.5",
                "5 BAD_VALUE: tag 'Q' has low 10.0 above high 5.0; limits must be lowLow <= low <= high <= highHigh",
                "6 NOT_NUMERIC: tag 'T' is TxtI and has high; limits are for numeric tags (Ai, Ao, Ci, Co, TiR, ToR)"),
                p);
    }

    @Test
    void everyProblemHasAFileLocation() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(file("<tag name='S' type='Do' address='OUT_VALUE' default='maybe'/>"), "t.xml"));
        ConfigProblem first = e.problems().get(0);
        assertEquals("t.xml", first.location().file());
    }

    @Test
    void writableMarksAnInputTheHostMayAlsoWrite() throws Exception {
        List<TagConfig> t = tags("""
                <tag name='SPEED' type='Ai' address='SP=Speed' writable='true'/>
                <tag name='TEMP' type='Ai' address='SP=Temp' writable='false'/>
                <tag name='PLAIN' type='Ai' address='SP=Level'/>""");
        assertEquals(true, t.get(0).writable());
        assertEquals(true, t.get(0).acceptsWrites());
        assertEquals(false, t.get(1).writable());
        assertEquals(false, t.get(2).acceptsWrites());
        List<String> p = problems("""
                <tag name='SET' type='Ao' address='OUT_VALUE' writable='true'/>
                <tag name='IN' type='Ai' address='JA=x' writable='yes'/>""");
        assertEquals(2, p.size(), p.toString());
        assertEquals(true, p.get(0).startsWith("4 NOT_INPUT: tag 'SET' is an output (Ao) and is marked writable"),
                p.get(0));
        assertEquals(true, p.get(1).startsWith("5 BAD_VALUE: tag 'IN' has writable 'yes'; write true or false"),
                p.get(1));
    }
}
