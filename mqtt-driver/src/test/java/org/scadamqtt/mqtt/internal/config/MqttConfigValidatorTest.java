package org.scadamqtt.mqtt.internal.config;

import org.scadamqtt.mqtt.profile.JsonPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.ScadaConfig;
import org.scadamqtt.config.xml.ConfigLoader;

/** Each MQTT-specific check, through the loader so that problems carry real locations. */
class MqttConfigValidatorTest {

    private final ConfigLoader loader = new ConfigLoader(MqttProtocolRules.catalog(), Map.of("PW", "pw")::get);

    /** A file with line "L" (given params) and stations; line 3 holds the params, 4 onwards the stations. */
    private static String file(String params, String stations) {
        return "<scada xmlns=\"urn:scada-mqtt:config:1\">\n<line name=\"L\" protocol=\"mqtt\"><host>h</host>\n"
                + params + "\n" + stations + "\n</line>\n</scada>\n";
    }

    private static final String JSON = "<param name=\"payloadType\">JSON</param>";

    private List<ConfigProblem> problems(String xml) {
        return LoadProblems.of(loader, xml);
    }

    private ScadaConfig ok(String xml) throws ConfigException {
        return loader.load(xml, "m.xml");
    }

    private ConfigProblem one(String xml, String code, int line, String... words) {
        return LoadProblems.theOnly(loader, xml, code, line, words);
    }

    private static String station(String address, String tags) {
        return "<station name=\"S\" address=\"" + address + "\">\n" + tags + "\n</station>";
    }

    private static String tag(String name, String type, String address) {
        return "<tag name=\"" + name + "\" type=\"" + type + "\" address=\"" + address + "\"/>";
    }

    @Test
    void everyFixedAddressWithItsTypeAndJaWithEveryType() throws Exception {
        StringBuilder tags = new StringBuilder();
        tags.append(tag("A", "TxtI", "IN_TOPIC")).append(tag("B", "TxtI", "IN_DATA")).append(tag("C", "Ci", "IN_ID"))
                .append(tag("D", "Co", "ACK_ID")).append(tag("E", "TxtO", "OUT_TOPIC"))
                .append(tag("F", "TxtO", "out_value"));
        String[] types = {"Ai", "Ao", "Ci", "Co", "Di", "Do", "Qi", "TxtI", "TxtO", "TiA", "ToA", "TiR", "ToR"};
        for (int i = 0; i < types.length; i++) {
            tags.append(tag("J" + i, types[i], "JA=rx.v" + i + "[1]"));
        }
        ScadaConfig c = ok(file(JSON, station("plant/a", tags.toString())));
        assertEquals(6 + types.length, c.lines().get(0).stations().get(0).tags().size());
    }

    @Test
    void unknownAddressNamesTheValidOnes() {
        one(file(JSON, station("a", tag("T", "Ai", "JSON=x"))), "UNKNOWN_ADDRESS", 5,
                "'JSON=x'", "IN_TOPIC, IN_DATA, IN_ID, ACK_ID, OUT_TOPIC, OUT_VALUE, TL=n, BIN=type@offset, JA=path");
    }

    @Test
    void inputTypeOnAnOutputAddressNamesTheValidAddresses() {
        one(file("", station("a", tag("T", "TxtI", "OUT_VALUE"))), "ADDRESS_NOT_FOR_TYPE", 5,
                "TxtI (input)", "takes TxtO", "valid addresses for a TxtI tag are IN_TOPIC, IN_DATA, TL=n, BIN=type@offset, JA=path");
        one(file("", station("a", tag("T", "Ai", "IN_ID"))), "ADDRESS_NOT_FOR_TYPE", 5, "takes Ci");
        one(file("", station("a", tag("T", "Ci", "ACK_ID"))), "ADDRESS_NOT_FOR_TYPE", 5, "takes Co",
                "IN_ID, TL=n, BIN=type@offset, JA=path");
    }

    @Test
    void badJsonPathIsLocatedAtTheTag() {
        one(file(JSON, station("a", tag("T", "Ai", "JA=rx[0]"))), "BAD_JSON_PATH", 5, "'JA=rx[0]'");
        one(file(JSON, station("a", tag("T", "Ai", "JA=a..b"))), "BAD_JSON_PATH", 5, "'JA=a..b'");
        one(file(JSON, station("a", tag("T", "Ai", "JA="))), "BAD_JSON_PATH", 5, "empty");
    }

    @Test
    void jaTagsNeedJsonPayloadsReportedOncePerLine() {
        one(file("", station("a", tag("T", "Ai", "JA=x") + "\n" + tag("U", "Ai", "JA=y"))), "JA_NEEDS_JSON", 5,
                "tag 'T' and 1 other", "payloadType", "JSON");
    }

    @Test
    void outValueAndOutTopicComeTogether() {
        one(file("", station("a", tag("T", "TxtO", "OUT_VALUE"))), "OUT_VALUE_WITHOUT_OUT_TOPIC", 5, "OUT_TOPIC");
        one(file("", station("a", tag("T", "TxtO", "OUT_TOPIC"))), "OUT_TOPIC_WITHOUT_OUT_VALUE", 5, "OUT_VALUE");
    }

    @Test
    void oneHashAndOneCatchAllStationPerLine() throws Exception {
        one(file("", "<station name=\"A\" address=\"#\"/>\n<station name=\"B\" address=\"#\"/>"),
                "DUPLICATE_CATCH_ALL", 5, "'B'", "'A'", "'#'");
        one(file("", "<station name=\"A\" address=\".*\"/>\n<station name=\"B\" address=\".*\"/>"),
                "DUPLICATE_CATCH_ALL", 5, "'.*'");
        ok(file("", "<station name=\"A\" address=\"#\"/>\n<station name=\"B\" address=\".*\"/>"));
    }

    @Test
    void stationAddresses() throws Exception {
        one(file("", station("plant/+/meter", "")), "BAD_STATION_ADDRESS", 4, "MQTT topic filter", "plant/[^/]+/meter");
        one(file("", station("plant/#", "")), "BAD_STATION_ADDRESS", 4, "plant/.*");
        one(file("", station("plant/(+", "")), "BAD_STATION_ADDRESS", 4, "regular expression");
        ok(file("", station("plant/line2/.*", "")));
        ok(file("", station("sensor/\\d+", "")));
        ok(file("", station("a/[b", ""))); // a valid topic: matched exactly
    }

    /** The filters docs/routing-and-addresses.md names as refused, each with the expression it promises. */
    @Test
    void theFiltersTheRoutingPageNamesAreRefusedWithTheExpressionToWrite() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "routing-and-addresses.md"));
        Matcher sentence = Pattern.compile("\\*\\*An MQTT filter is refused\\*\\* as a station address \\(([^)]*)\\)")
                .matcher(page);
        assertTrue(sentence.find(), "docs/routing-and-addresses.md no longer names the refused MQTT filters");
        List<String> named = new ArrayList<>();
        Matcher code = Pattern.compile("`([^`]+)`").matcher(sentence.group(1));
        while (code.find()) {
            named.add(code.group(1));
        }
        Map<String, String> expression = Map.of("+/x", "[^/]+/x", "a/+/b", "a/[^/]+/b", "a/#", "a/.*", "+", "[^/]+");
        assertEquals(expression.keySet(), Set.copyOf(named), "the page's list changed; update this table");
        for (String filter : named) {
            one(file("", station(filter, "")), "BAD_STATION_ADDRESS", 4, "'" + filter + "'", "MQTT topic filter",
                    "write '" + expression.get(filter) + "'");
        }
        // the page's own example, its promised expression and its claim that it is no regular expression either
        assertTrue(page.contains("names the expression to write instead (`[^/]+/x`)"), "the page's example changed");
        assertThrows(PatternSyntaxException.class, () -> Pattern.compile("+/x"));
        ok(file("", station("[^/]+/x", "")));
    }

    @Test
    void topicFilters() throws Exception {
        one(file("<param name=\"topicFilter\">a/b#</param>", ""), "BAD_TOPIC_FILTER", 2, "'#'");
        one(file("<param name=\"topicFilter\">a/#/b</param>", ""), "BAD_TOPIC_FILTER", 2, "last level");
        one(file("<param name=\"topicFilter\">a/b+</param>", ""), "BAD_TOPIC_FILTER", 2, "'+'");
        one(file("<param name=\"topicFilter\"></param>", ""), "BAD_TOPIC_FILTER", 2, "empty");
        one(file("<param name=\"topicFilter\">$share//x</param>", ""), "BAD_TOPIC_FILTER", 2, "$share/GROUP/FILTER");
        ok(file("<param name=\"topicFilter\">$share/g1/plant/+/meter/#</param><param name=\"topicFilter\">+</param>", ""));
    }

    @Test
    void stationWill() throws Exception {
        one(file("", "<station name=\"S\" address=\"a\"><param name=\"SWP\">offline</param></station>"),
                "SWP_WITHOUT_SWT", 4, "SWT");
        one(file("", "<station name=\"S\" address=\"a\"><param name=\"SWT\">a/+</param></station>"),
                "BAD_VALUE", 4, "wildcard");
        ok(file("", "<station name=\"S\" address=\"a\"><param name=\"SWT\">a/will</param>"
                + "<param name=\"SWP\">offline</param></station>"));
    }

    @Test
    void timeZones() throws Exception {
        for (String z : new String[] {"LOCAL", "UTC", "+02:00", "-05:30", "Europe/Bratislava"}) {
            ok(file("", "<station name=\"S\" address=\"a\"><param name=\"timeZone\">" + z + "</param></station>"));
        }
        one(file("", "<station name=\"S\" address=\"a\"><param name=\"timeZone\">Mars/Olympus</param></station>"),
                "BAD_TIME_ZONE", 4, "Mars/Olympus", "LOCAL, UTC");
    }

    @Test
    void timeFieldAndMask() throws Exception {
        // located at the <param> (line 3, after the payloadType param), not at the <line> (line 2)
        ConfigProblem mask = one(file(JSON + "<param name=\"timeMask\">dd.mm.yyyy hh:mi:sx</param>", ""),
                "BAD_TIME_MASK", 3, "timeMask");
        assertEquals(JSON.length() + "<param name=\"timeMask\">".length() + 1, mask.location().column(), mask::toString);
        one(file(JSON + "<param name=\"timeFieldName\">t[0]</param>", ""), "BAD_JSON_PATH", 3, "timeFieldName");
        one(file("<param name=\"timeFieldName\">t</param>", ""), "TIME_FIELD_NEEDS_JSON", 2, "TEXT");
        ok(file(JSON + "<param name=\"timeFieldName\">ts</param><param name=\"timeMask\">UNIXMS</param>", ""));
    }

    @Test
    void will() throws Exception {
        one(file("<param name=\"willFlag\">YES</param>", ""), "BAD_WILL", 2, "willTopic");
        ok(file("<param name=\"willFlag\">YES</param><param name=\"willTopic\">scada/L/status</param>", ""));
    }

    @Test
    void tls() throws Exception {
        String ssl = "<scada xmlns=\"urn:scada-mqtt:config:1\">\n<line name=\"L\" protocol=\"mqtt\">"
                + "<host>ssl://broker:8883</host>\n%s\n</line>\n</scada>";
        one(String.format(ssl, "<param name=\"keyStore\">client.p12</param>"), "TLS_KEY_STORE_PASSWORD", 2,
                "keyStorePassword", "${env:NAME}");
        ok(String.format(ssl, "<param name=\"keyStore\">client.p12</param>"
                + "<param name=\"keyStorePassword\">${env:PW}</param>"));
        one(file("<param name=\"trustStore\">ca.p12</param>", ""), "TLS_UNUSED", 2, "ssl://");
        one(file("<param name=\"tlsVersions\">TLSv1.3,SSLv3</param>", ""), "BAD_VALUE", 2, "'SSLv3'");
    }

    @Test
    void reconnectDelaysInOrder() {
        one(file("<param name=\"reconnectMinDelay\">60</param><param name=\"reconnectMaxDelay\">5</param>", ""),
                "BAD_VALUE", 2, "reconnectMinDelay");
    }

    @Test
    void problemsOfDifferentKindsAreAllReported() {
        List<ConfigProblem> ps = problems(file("<param name=\"topicFilter\">a/b#</param>",
                station("plant/+/x", tag("T", "TxtI", "OUT_VALUE") + "\n" + tag("U", "Ai", "JA=v"))));
        assertEquals(List.of("BAD_TOPIC_FILTER", "BAD_STATION_ADDRESS", "ADDRESS_NOT_FOR_TYPE", "JA_NEEDS_JSON"),
                ps.stream().map(ConfigProblem::code).toList());
    }

    @Test
    void aBlankClientIdNeedsCleanSessionYes() throws Exception {
        String st = station("a", tag("A", "TxtI", "IN_DATA"));
        one(file("<param name=\"clientId\"></param>", st), "BLANK_CLIENT_ID_NEEDS_CLEAN_SESSION", 2,
                "line 'L'", "blank", "MQTT 3.1.1", "Clean Session YES");
        one(file("<param name=\"clientId\"> </param><param name=\"cleanSession\">NO</param>", st),
                "BLANK_CLIENT_ID_NEEDS_CLEAN_SESSION", 2, "Clean Session YES");
        ok(file("<param name=\"clientId\"></param><param name=\"cleanSession\">YES</param>", st));
        ok(file("", st)); // absent: the derived default, with any Clean Session
    }
}
