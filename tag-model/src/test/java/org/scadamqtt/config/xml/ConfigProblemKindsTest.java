package org.scadamqtt.config.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;

/** One small file per kind of problem: each is found, coded, located and explained. */
class ConfigProblemKindsTest {

    private final ConfigLoader loader = new ConfigLoader(TestProtocol.CATALOG, Map.of("SET", "value")::get);

    /** A file with one line "L" of protocol test around the given line content. */
    private static String file(String lineContent) {
        return "<scada xmlns=\"urn:scada-mqtt:config:1\">\n"
                + "<line name=\"L\" protocol=\"test\">\n"
                + lineContent + "\n"
                + "</line>\n</scada>\n";
    }

    /** The errors of a file that must be refused (its warnings are tested apart). */
    private List<ConfigProblem> problems(String xml) {
        return assertThrows(ConfigException.class, () -> loader.load(xml, "k.xml")).errors();
    }

    /** Exactly one problem, with this code, on this line, whose message contains every word. */
    private ConfigProblem one(String xml, String code, int line, String... words) {
        List<ConfigProblem> ps = problems(xml);
        assertEquals(1, ps.size(), ps::toString);
        ConfigProblem p = ps.get(0);
        assertEquals(code, p.code(), p::toString);
        assertEquals(line, p.location().line(), p::toString);
        assertTrue(p.location().column() > 0, p::toString);
        for (String w : words) {
            assertTrue(p.message().contains(w), () -> "'" + w + "' missing from: " + p.message());
        }
        return p;
    }

    @Test
    void unknownParameterNamesTheValidOnes() {
        one(file("<host>h</host><param name=\"keepalive\">5</param>"), "UNKNOWN_PARAMETER", 3,
                "'keepalive'", "keepAlive", "topicFilter");
    }

    @Test
    void unknownStationParameter() {
        one(file("<host>h</host><station name=\"S\" address=\"a\"><param name=\"SWX\">x</param></station>"),
                "UNKNOWN_PARAMETER", 3, "SWX", "SWT, timeZone");
    }

    @Test
    void badValuesNameTheChoicesOrRange() {
        one(file("<host>h</host><param name=\"keepAlive\">70000</param>"), "BAD_VALUE", 3, "from 0 to 65535");
        one(file("<host>h</host><param name=\"payloadType\">XML</param>"), "BAD_VALUE", 3, "JSON, TEXT");
        one(file("<host>h</host><param name=\"cleanSession\">maybe</param>"), "BAD_VALUE", 3, "YES or NO");
    }

    @Test
    void nonRepeatableParameterGivenTwice() {
        one(file("<host>h</host>\n<param name=\"keepAlive\">1</param>\n<param name=\"keepAlive\">2</param>"),
                "REPEATED_PARAMETER", 4, "2 times");
    }

    @Test
    void duplicateNamesOfEachKind() {
        String twoLines = "<scada xmlns=\"urn:scada-mqtt:config:1\">\n"
                + "<line name=\"L\" protocol=\"test\"><host>h</host></line>\n"
                + "<line name=\"L\" protocol=\"test\"><host>h</host></line>\n</scada>";
        one(twoLines, "DUPLICATE_NAME", 3, "line name 'L'", "k.xml:2:");
        one(file("<host>h</host>\n<station name=\"S\" address=\"a\"/>\n<station name=\"S\" address=\"b\"/>"),
                "DUPLICATE_NAME", 5, "station name 'S'");
        one(file("<host>h</host>\n<station name=\"S1\" address=\"a\"><tag name=\"T\" type=\"Ai\" address=\"JA=x\"/></station>\n"
                + "<station name=\"S2\" address=\"b\"><tag name=\"T\" type=\"Ai\" address=\"JA=x\"/></station>"),
                "DUPLICATE_NAME", 5, "tag name 'T'", "unique in the file");
    }

    /** Exactly one warning, with this code, on this line, whose message contains every word; the file loads. */
    private ConfigProblem oneWarning(String xml, String code, int line, String... words) throws ConfigException {
        List<ConfigProblem> ws = loader.load(xml, "k.xml").warnings();
        assertEquals(1, ws.size(), ws::toString);
        ConfigProblem p = ws.get(0);
        assertEquals(code, p.code(), p::toString);
        assertEquals(ConfigProblem.Severity.WARNING, p.severity(), p::toString);
        assertEquals(line, p.location().line(), p::toString);
        for (String w : words) {
            assertTrue(p.message().contains(w), () -> "'" + w + "' missing from: " + p.message());
        }
        return p;
    }

    @Test
    void duplicateAddressesWithinAStationIncludingJaPathsAreAWarning() throws Exception {
        // D2000 allows a Ci and a TxtI reading one field two ways, an Ai and an Ao on one JA= field
        oneWarning(file("<host>h</host><station name=\"S\" address=\"a\">\n<tag name=\"A\" type=\"TxtI\" address=\"IN_DATA\"/>\n"
                + "<tag name=\"B\" type=\"TxtI\" address=\"in_data\"/></station>"), "DUPLICATE_ADDRESS", 5, "'A'");
        oneWarning(file("<host>h</host><station name=\"S\" address=\"a\">\n<tag name=\"A\" type=\"Ai\" address=\"JA=rx.v\"/>\n"
                + "<tag name=\"B\" type=\"Ao\" address=\"ja= rx.v\"/></station>"), "DUPLICATE_ADDRESS", 5,
                "input tag 'A' gets the value; output tag 'B' gets it too where the address reads messages",
                "not on a payload profile's write address");
        ConfigProblem outFirst = oneWarning(file("<host>h</host><station name=\"S\" address=\"a\">\n<tag name=\"A\" "
                + "type=\"Ao\" address=\"JA=rx.v\"/>\n<tag name=\"B\" type=\"Ai\" address=\"JA=rx.v\"/></station>"),
                "DUPLICATE_ADDRESS", 5, "input tag 'B' gets the value; output tag 'A' gets it too");
        assertFalse(outFirst.message().contains("both"), outFirst::toString);
        oneWarning(file("<host>h</host><station name=\"S\" address=\"a\">\n<tag name=\"A\" type=\"Ci\" address=\"JA=v\"/>\n"
                + "<tag name=\"B\" type=\"TxtI\" address=\"JA=v\"/></station>"), "DUPLICATE_ADDRESS", 5,
                "both tags get the same value");
        assertEquals(2, loader.load(file("<host>h</host><station name=\"S\" address=\"a\">\n<tag name=\"A\" type=\"Ci\" "
                + "address=\"JA=v\"/>\n<tag name=\"B\" type=\"TxtI\" address=\"JA=v\"/></station>"), "k.xml")
                .lines().get(0).stations().get(0).tags().size());
    }

    @Test
    void emptyStationsAndLinesAreWarnings() throws Exception {
        oneWarning(file("<host>h</host>"), "EMPTY_LINE", 2, "line 'L' has no stations");
        oneWarning(file("<host>h</host>\n<station name=\"S\" address=\"a\"/>"), "EMPTY_STATION", 4,
                "station 'S' has no tags");
    }

    @Test
    void mistypedParameterNamesGetADidYouMean() {
        assertTrue(one(file("<host>h</host><param name=\"topicFiltr\">a/#</param>"), "UNKNOWN_PARAMETER", 3)
                .message().contains("did you mean 'topicFilter'?"));
        assertTrue(one(file("<host>h</host><param name=\"KeepAlive\">5</param>"), "UNKNOWN_PARAMETER", 3)
                .message().contains("did you mean 'keepAlive'?"));
        assertFalse(one(file("<host>h</host><param name=\"colour\">5</param>"), "UNKNOWN_PARAMETER", 3)
                .message().contains("did you mean"), "nothing close: no guess");
    }

    @Test
    void sameAddressOnTwoStationsIsFine() throws Exception {
        loader.load(file("<host>h</host><station name=\"S1\" address=\"a\"><tag name=\"A\" type=\"TxtI\" address=\"IN_DATA\"/>"
                + "</station><station name=\"S2\" address=\"b\"><tag name=\"B\" type=\"TxtI\" address=\"IN_DATA\"/></station>"),
                "k.xml");
    }

    @Test
    void unknownTagTypeAndBadStateNameTheChoices() {
        one(file("<host>h</host><station name=\"S\" address=\"a\">\n<tag name=\"A\" type=\"Analog\" address=\"JA=x\"/></station>"),
                "UNKNOWN_TAG_TYPE", 4, "'Analog'", "Ai, Ao, Ci, Co, Di, Do, Qi, TxtI, TxtO, TiA, ToA, TiR, ToR");
        one(file("<host>h</host><station name=\"S\" address=\"a\" state=\"RUN\"/>"), "BAD_VALUE", 3,
                "ON, OFF and SIMUL");
    }

    @Test
    void emptyNamesAndAddresses() {
        one(file("<host>h</host><station name=\" \" address=\"a\"/>"), "EMPTY_NAME", 3, "station");
        one(file("<host>h</host><station name=\"S\" address=\"\"/>"), "EMPTY_ADDRESS", 3, "'#' or '.*'");
        one(file("<host>h</host><station name=\"S\" address=\"a\"><tag name=\"T\" type=\"Ai\" address=\" \"/></station>"),
                "EMPTY_ADDRESS", 3, "JA=path");
    }

    @Test
    void unknownProtocolNamesTheKnownOnes() {
        one(file("<host>h</host>").replace("protocol=\"test\"", "protocol=\"modbus\""), "UNKNOWN_PROTOCOL", 2,
                "'modbus'", "test");
    }

    @Test
    void hostLists() {
        one(file("<host>a;;b</host>"), "EMPTY_HOST", 3, "position 2");
        one(file("<host>a,</host>"), "EMPTY_HOST", 3, "position 2");
        one(file("<host> </host>"), "EMPTY_HOST", 3, "no host");
        one(file("<host>http://a</host>"), "BAD_HOST", 3, "tcp://, ssl://, ws:// and wss://");
        one(file("<host>a:99999</host>"), "BAD_HOST", 3, "1 to 65535");
        one(file("<host>a b</host>"), "BAD_HOST", 3, "space");
        one(file("<host>::1</host>"), "BAD_HOST", 3, "brackets");
        one(file("<host>tcp://a/path</host>"), "BAD_HOST", 3, "only ws:// and wss://");
        one(file("<host>tcp://:1883</host>"), "BAD_HOST", 3, "no host");
    }

    @Test
    void credentialsInAHostAreRefusedWithoutRepeatingAnyOfThem() {
        for (String host : List.of("tcp://user:S3cretPw@broker", "user:S3cretPw@broker:1883",
                "tcp://user:S3cr;etPw@broker", "tcp://user:S3cr,etPw@broker", "tcp://user:S3cr/etPw@broker",
                "ssl://user:S3cr:etPw@broker:8883", "a, tcp://user:S3cretPw@b", "tcp://user:S3cretPw@")) {
            ConfigProblem p = one(file("<host>" + host + "</host>"), "CREDENTIALS_IN_HOST", 3,
                    "user name or password", "userName and password parameters");
            ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file("<host>" + host + "</host>"),
                    "k.xml"));
            for (String shown : List.of(p.message(), e.getMessage(), p.toString())) {
                assertFalse(shown.contains("S3cr") || shown.contains("etPw"), "the password leaks: " + shown);
            }
        }
    }

    @Test
    void portMustBeAPortNumber() {
        one(file("<host>h</host><port>mqtt</port>"), "BAD_VALUE", 3, "1 to 65535", "8883");
        one(file("<host>h</host><port>0</port>"), "BAD_VALUE", 3, "1 to 65535");
    }

    @Test
    void unresolvedReferencesAreLocatedAndShowNoValue() {
        one(file("<host>h</host><param name=\"password\">${env:NOT_SET}</param>"), "UNRESOLVED_REFERENCE", 3,
                "environment variable 'NOT_SET'", "not set");
        ConfigProblem p = one(file("<host>h</host><param name=\"userName\">${file:no/such/file.txt}</param>"),
                "UNRESOLVED_REFERENCE", 3, "file.txt", "cannot be read");
        assertFalse(p.message().contains("value"), "never the resolved value");
    }

    @Test
    void referencesOnlyApplyToTextParameters() {
        one(file("<host>h</host><param name=\"keepAlive\">${env:SET}</param>"), "BAD_VALUE", 3, "whole number");
    }

    @Test
    void driverProblemsJoinTheOthersSortedByLocation() {
        List<ConfigProblem> ps = problems(file("<host>h</host>\n<param name=\"nope\">1</param>\n"
                + "<station name=\"S\" address=\"a\">\n<tag name=\"T\" type=\"Ai\" address=\"OUT_VALUE\"/>\n"
                + "<tag name=\"U\" type=\"Ax\" address=\"JA=u\"/></station>"));
        assertEquals(List.of("4:UNKNOWN_PARAMETER", "6:ADDRESS_NOT_FOR_TYPE", "7:UNKNOWN_TAG_TYPE"),
                ps.stream().map(p -> p.location().line() + ":" + p.code()).toList());
    }

    @Test
    void aFailingDriverCheckIsReportedNotThrown() {
        one(file("<host>h</host><station name=\"S\" address=\"a\"><tag name=\"T\" type=\"Ai\" address=\"CRASH\"/></station>"),
                "VALIDATOR_FAILED", 2, "line 'L'", "boom");
    }

    @Test
    void schemaAndValueProblemsAreReportedTogether() {
        List<ConfigProblem> ps = problems(file("<host>h</host><param name=\"nope\">1</param>\n<station address=\"x\"/>"));
        assertEquals(List.of("3:UNKNOWN_PARAMETER", "4:XML_SCHEMA"),
                ps.stream().map(p -> p.location().line() + ":" + p.code()).toList());
    }
}
