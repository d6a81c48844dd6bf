package org.scadamqtt.config.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.tag.TagType;

/** The loader's happy path and the files of src/test/resources/config. */
class ConfigLoaderTest {

    private static final Path DIR = Path.of("src/test/resources/config");
    private final ConfigLoader loader = new ConfigLoader(TestProtocol.CATALOG,
            Map.of("TEST_MQTT_PASSWORD", "s3cret-pw")::get);

    static List<ConfigProblem> problems(ConfigLoader loader, Path file) {
        return assertThrows(ConfigException.class, () -> loader.load(file)).problems();
    }

    static String at(ConfigProblem p) {
        return p.location().line() + ":" + p.location().column() + " " + p.code();
    }

    @Test
    void fiveProblemFileGivesEveryLocatedProblemInFileOrderWarningsMarked() {
        List<ConfigProblem> ps = problems(loader, DIR.resolve("five-errors.xml"));
        assertEquals(List.of(
                "6:30 UNKNOWN_PARAMETER",
                "7:32 BAD_VALUE",
                "10:75 DUPLICATE_ADDRESS",
                "11:61 UNKNOWN_TAG_TYPE",
                "13:58 DUPLICATE_NAME",
                "13:58 EMPTY_STATION"), ps.stream().map(ConfigLoaderTest::at).toList(), ps::toString);
        ps.forEach(p -> assertEquals(DIR.resolve("five-errors.xml").toString(), p.location().file()));
        assertTrue(ps.get(0).message().contains("topicFiltr") && ps.get(0).message().contains("topicFilter"));
        assertTrue(ps.get(0).message().contains("did you mean 'topicFilter'?"), ps.get(0).message());
        assertTrue(ps.get(1).message().contains("QoS_0, QoS_1 or QoS_2"), ps.get(1).message());
        assertTrue(ps.get(2).message().contains("METER1_CURRENT") && ps.get(2).message().contains("9:69"));
        assertTrue(ps.get(3).message().contains("'Text'") && ps.get(3).message().contains("TxtI"));
        assertTrue(ps.get(4).message().contains("8:56"), ps.get(4).message());
        // two tags on one address is allowed (D2000 allows it): a warning, kept apart from the errors
        assertEquals(List.of(false, false, true, false, false, true),
                ps.stream().map(p -> p.severity() == ConfigProblem.Severity.WARNING).toList());
        assertTrue(ps.get(2).toString().contains(": warning: tag 'METER1_CURRENT_AGAIN'"), ps.get(2).toString());
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(DIR.resolve("five-errors.xml")));
        assertEquals(4, e.errors().size());
        assertEquals(2, e.warnings().size());
        assertTrue(e.getMessage().startsWith("4 configuration problem(s) and 2 warning(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("five-errors.xml:6:30: unknown parameter"), e.getMessage());
    }

    @Test
    void fullFileLoadsWithDefaultsHostsStatesAndReferences() throws Exception {
        ScadaConfig c = loader.load(DIR.resolve("valid-full.xml"));
        assertEquals(2, c.lines().size());
        LineConfig l1 = c.lines().get(0);
        assertEquals("L1", l1.name());
        assertEquals("test", l1.protocol());
        assertEquals(List.of("tcp://primary.example:1884", "backup.example", "[::1]:1885"), l1.hosts());
        assertEquals(1883, l1.port());
        assertEquals(List.of("plant/#", "status/+"), l1.parameters().all("topicFilter"));
        assertEquals("JSON", l1.parameters().text("payloadType"), "choices are read case-insensitively");
        assertEquals(1, l1.parameters().qos("subscribeQos"), "default");
        assertEquals("s3cret-pw", l1.parameters().text("password"), "${env:…} resolved");
        assertEquals("plant-user", l1.parameters().text("userName"), "${file:…} relative to the file, newlines cut");
        assertFalse(l1.parameters().toString().contains("s3cret-pw"), "secrets are masked");
        assertEquals(5, l1.location().line());

        StationConfig meter = l1.station("METER1").orElseThrow();
        assertEquals(InitialState.ON, meter.initialState());
        assertEquals("UTC", meter.parameters().text("timeZone"));
        assertEquals("", meter.parameters().text("SWT"));
        assertEquals(TagType.TxtI, meter.tags().get(1).type(), "types are read case-insensitively");
        assertEquals("JA=rx.current", meter.tags().get(0).address());
        assertEquals(15, meter.tags().get(0).location().line());
        assertEquals(InitialState.SIMUL, l1.station("CMD").orElseThrow().initialState());

        LineConfig l2 = c.lines().get(1);
        assertEquals("test", l2.protocol(), "protocol code as the catalog spells it");
        assertEquals(List.of("wss://cloud.example/mqtt"), l2.hosts());
        assertEquals(List.of("#"), l2.parameters().all("topicFilter"));
        assertTrue(l2.stations().isEmpty());
    }

    @Test
    void notWellFormedStopsAtTheSyntaxError() {
        List<ConfigProblem> ps = problems(loader, DIR.resolve("not-well-formed.xml"));
        assertEquals(List.of("5:5 XML_SYNTAX"), ps.stream().map(ConfigLoaderTest::at).toList());
        assertTrue(ps.get(0).message().contains("</line>"), ps.get(0).message());
    }

    @Test
    void schemaErrorsAreLocatedAndReadable() {
        List<ConfigProblem> ps = problems(loader, DIR.resolve("schema-errors.xml"));
        assertEquals(List.of("5:24 XML_SCHEMA", "8:13 XML_SCHEMA"), ps.stream().map(ConfigLoaderTest::at).toList());
        assertTrue(ps.get(0).message().contains("'address' must appear on element 'station'"), ps.get(0).message());
        assertTrue(ps.get(1).message().contains("'{bogus}'"), ps.get(1).message());
        assertFalse(ps.get(1).message().contains("cvc-"), "no validator codes: " + ps.get(1).message());
        assertFalse(ps.get(1).message().contains("urn:scada-mqtt"), ps.get(1).message());
    }

    @Test
    void rootOutsideTheNamespaceNamesTheNamespace() {
        List<ConfigProblem> ps = problems(loader, DIR.resolve("wrong-namespace.xml"));
        assertEquals(1, ps.size(), ps::toString);
        assertTrue(ps.get(0).message().contains("xmlns=\"urn:scada-mqtt:config:1\""), ps.get(0).message());
    }

    @Test
    void missingFileIsAProblemNotACrash(@TempDir Path tmp) {
        List<ConfigProblem> ps = problems(loader, tmp.resolve("nope.xml"));
        assertEquals("FILE_UNREADABLE", ps.get(0).code());
    }

    @Test
    void stringAndStreamSourcesUseTheGivenName() throws Exception {
        String xml = "<scada xmlns='urn:scada-mqtt:config:1'><line name='A' protocol='test'><host>h</host>"
                + "<station name='S' address='#'/></line></scada>";
        ScadaConfig c = loader.load(xml, "inline.xml");
        assertEquals("inline.xml", c.source());
        assertEquals("inline.xml", c.lines().get(0).location().file());
        assertEquals(1, c.lines().get(0).stations().size());
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(xml.replace("'#'/>", "'#' state='DOWN'/>"), "given-name.xml"));
        assertTrue(e.problems().get(0).location().toString().startsWith("given-name.xml:1:"));
    }

    @Test
    void fileReferencesResolveAgainstTheBaseFolder(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("pw.txt"), "from-file\r\n");
        String xml = "<scada xmlns='urn:scada-mqtt:config:1'><line name='A' protocol='test'><host>h</host>"
                + "<param name='password'>${file:pw.txt}</param></line></scada>";
        ScadaConfig c = loader.load(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "x.xml", tmp);
        assertEquals("from-file", c.lines().get(0).parameters().text("password"));
    }
}
