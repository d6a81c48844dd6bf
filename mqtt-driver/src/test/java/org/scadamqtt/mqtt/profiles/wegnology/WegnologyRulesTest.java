package org.scadamqtt.mqtt.profiles.wegnology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.xml.ConfigLoader;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.client.SessionSettings;
import org.scadamqtt.mqtt.internal.config.MqttProtocolRules;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.ReconnectDelay;

class WegnologyRulesTest {

    private static final WegnologyProfile PROFILE = new WegnologyProfile();

    private static LineConfig line(String host, String... pairs) {
        Map<String, String> p = params("payloadType", "WEGnology", "clientId", "dev1", "userName", "key",
                "password", "secret", "cleanSession", "YES");
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return TestConfigs.line("W", List.of(host), p);
    }

    private static String problems(LineConfig line) {
        return PROFILE.validate(line).stream().map(ConfigProblem::toString).toList().toString();
    }

    @Test
    void aDeviceOnTlsWithTheBrokersRulesPasses() {
        assertTrue(PROFILE.validate(line("ssl://broker.app.wnology.io:8883")).isEmpty(),
                problems(line("ssl://broker.app.wnology.io:8883")));
    }

    @Test
    void theBrokersRulesAreCheckedAtLoad() {
        String tls = "ssl://broker.app.wnology.io";
        assertTrue(problems(line(tls, "publishQos", "QoS_2")).contains("publishQos is QoS 2; WEGnology supports QoS "
                + "0 and 1 only"));
        assertTrue(problems(line(tls, "subscribeQos", "QoS_2")).contains("subscribeQos is QoS 2"));
        assertTrue(problems(line(tls, "publishRetain", "YES")).contains("does not support retained"));
        assertTrue(problems(line(tls, "cleanSession", "NO")).contains("clean sessions only"));
        assertTrue(problems(line(tls, "willFlag", "YES", "willTopic", "w", "willMessage", "x".repeat(262_145)))
                .contains("at most 256 KB"));
        assertTrue(problems(line(tls, "clientId", "")).contains("set clientId to the device id"));
        assertTrue(problems(line(tls, "password", "")).contains("access secret"));
        assertTrue(problems(line(tls, "wegnologyTopicPrefix", "a/b")).contains("may not contain /"));
        assertTrue(PROFILE.validate(line("broker.app.wnology.io")).isEmpty(), "an address without a scheme is TLS");
        List<ConfigProblem> plain = PROFILE.validate(line("tcp://broker.app.wnology.io"));
        assertEquals(1, plain.size(), plain.toString());
        assertTrue(!plain.get(0).isError() && plain.get(0).message().contains("is not TLS"), plain.toString());
    }

    /** Issue 13: the command topic is subscribed by the line itself, not through a hand-written topicFilter. */
    @Test
    void theLineSubscribesTheCommandTopicsOfItsDevicesItself() {
        Map<String, String> p = params("payloadType", "WEGnology", "clientId", "dev1", "userName", "key",
                "password", "secret", "cleanSession", "YES", "wegnologyTopicPrefix", "losant");
        LineConfig gateway = TestConfigs.line("W", List.of("ssl://broker.losant.com"), p,
                station("GW", "losant/dev1/command", params()),
                station("P", "losant/dev2/command", params("wegnologyDeviceId", "dev2")));
        assertEquals(List.of("losant/dev1/command", "losant/dev2/command"), PROFILE.topicFilters(gateway));
        // no topicFilter on the line: these replace the default # the broker would refuse
        assertEquals(List.of("losant/dev1/command", "losant/dev2/command"),
                SessionSettings.of(gateway, "host").topicFilters());
        // a filter the line writes is kept, the command topics are added once
        LineConfig written = line("ssl://broker.app.wnology.io", "topicFilter", "wnology/dev1/command");
        assertEquals(List.of("wnology/dev1/command"), SessionSettings.of(written, "host").topicFilters());
        assertTrue(PROFILE.validate(written).isEmpty(), problems(written));
    }

    @Test
    void aWildcardTopicFilterIsRefusedNamingTheTopicTheLineSubscribes() {
        List<ConfigProblem> all = PROFILE.validate(line("ssl://broker.app.wnology.io", "topicFilter", "wnology/#"));
        assertEquals(1, all.size(), all.toString());
        assertTrue(all.get(0).isError());
        assertEquals("WEGNOLOGY_TOPIC_FILTER", all.get(0).code());
        assertTrue(all.get(0).message().contains("topicFilter 'wnology/#' has a wildcard") && all.get(0).message()
                .contains("The line subscribes wnology/dev1/command itself: remove this topicFilter"), all.toString());
        assertTrue(problems(line("ssl://broker.app.wnology.io", "topicFilter", "wnology/+/command"))
                .contains("WEGNOLOGY_TOPIC_FILTER"));
    }

    /** Issue 13: 300 messages per 15 s per connection covers every publish, so nothing may bypass the limiter. */
    @Test
    void anOutValueTagIsRefusedBecauseItWouldPublishPastTheRateLimiter() {
        Map<String, String> p = params("payloadType", "WEGnology", "clientId", "dev1", "userName", "key",
                "password", "secret", "cleanSession", "YES");
        LineConfig withOutValue = TestConfigs.line("W", List.of("ssl://broker.app.wnology.io"), p,
                station("S", "wnology/dev1/command", params(), tag("topic", "TxtO", "OUT_TOPIC"),
                        tag("raw", "TxtO", "OUT_VALUE"), tag("temp", "Ao", "STATE=temperature")));
        List<ConfigProblem> all = PROFILE.validate(withOutValue);
        assertEquals(1, all.size(), all.toString());
        assertTrue(all.get(0).isError());
        assertEquals("WEGNOLOGY_OUTPUT", all.get(0).code());
        assertTrue(all.get(0).message().startsWith("tag 'raw' of station 'S': OUT_VALUE publishes its text past the "
                + "WEGnology rate limiter") && all.get(0).message().contains("STATE=attribute"), all.toString());
    }

    @Test
    void aFileWithAnOutValueTagOnAWegnologyLineDoesNotLoadAndTheProblemPointsAtTheTag(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("wn.xml");
        Files.writeString(file, """
                <scada xmlns="urn:scada-mqtt:config:1">
                  <line name="WN" protocol="mqtt">
                    <host>ssl://broker.app.wnology.io:8883</host>
                    <param name="payloadType">WEGnology</param>
                    <param name="clientId">dev1</param>
                    <param name="userName">key</param>
                    <param name="password">secret</param>
                    <param name="cleanSession">YES</param>
                    <station name="S" address="wnology/dev1/command">
                      <tag name="RAW" type="TxtO" address="OUT_VALUE"/>
                    </station>
                  </line>
                </scada>
                """);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(MqttProtocolRules.catalog()).load(file));
        assertTrue(e.getMessage().contains("wn.xml:10:") && e.getMessage().contains("[WEGNOLOGY_OUTPUT]"),
                e.getMessage());
    }

    /** Issue 13: the first topic level is configurable, losant/ for Losant itself; wnology/ by default. */
    @Test
    void theTopicPrefixIsWnologyUnlessSetToLosant() {
        assertEquals("wnology", WegnologySession.prefix(line("ssl://broker.app.wnology.io:8883")));
        LineConfig losant = line("ssl://broker.losant.com:8883", "wegnologyTopicPrefix", "losant");
        assertEquals("losant", WegnologySession.prefix(losant));
        assertTrue(PROFILE.validate(losant).isEmpty(), problems(losant));
    }

    @Test
    void stateAddressesNeedAnAttributeAndAnOutputTag() {
        var st = station("S", "wnology/dev1/command", params());
        assertTrue(PROFILE.compile(tag("t", "Ao", "STATE=temperature"), st).isPresent());
        assertTrue(PROFILE.compile(tag("t", "Ai", "JA=name"), st).isEmpty());
        assertTrue(assertThrows(AddressException.class, () -> PROFILE.compile(tag("t", "Ai", "STATE=x"), st))
                .getMessage().contains("output type"));
        assertTrue(assertThrows(AddressException.class, () -> PROFILE.compile(tag("t", "Ao", "STATE= "), st))
                .getMessage().contains("attribute name"));
    }

    @Test
    void refusedReconnectsBackOffThirtySecondsDoublingUpToAnHour() {
        LineConfig l = line("ssl://b");
        String refused = "cannot connect to ssl://b:8883: the broker refused access (CONNACK 5: not authorized)";
        assertTrue(PROFILE.reconnectDelay(l, 0, "connection lost").isEmpty());
        assertTrue(PROFILE.reconnectDelay(l, 3, "cannot connect to ssl://b:8883: cannot reach the broker: unknown "
                + "host name b").isEmpty(), "a network that is down is no ban");
        long[] expected = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600};
        for (int n = 1; n <= expected.length; n++) {
            ReconnectDelay d = PROFILE.reconnectDelay(l, n, refused).orElseThrow();
            assertEquals(Duration.ofSeconds(expected[n - 1]), d.delay(), "attempt " + n);
            assertTrue(d.note().contains("probably banned"), d.note());
        }
        assertEquals(Duration.ofSeconds(30), PROFILE.reconnectDelay(l, 1, "connection lost: the broker (or a device "
                + "between) closed it").orElseThrow().delay());
    }
}
