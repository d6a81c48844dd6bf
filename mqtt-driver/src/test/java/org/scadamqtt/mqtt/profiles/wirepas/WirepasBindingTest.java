package org.scadamqtt.mqtt.profiles.wirepas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.Acknowledgement;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.bind.LogThrottle;
import org.scadamqtt.mqtt.internal.bind.TagBinder;
import org.scadamqtt.mqtt.internal.station.StationSettings;
import org.scadamqtt.tag.TagValue;
import org.scadamqtt.tag.convert.ValueConverter;

/**
 * Tags of a Wirepas line bound to decoded messages as the driver binds them (no broker): the time
 * field with UNIXMS, topic levels of received_data, bytes as hex text and enum values by name.
 */
class WirepasBindingTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Map<String, TagValue> bind(Map<String, String> lineParams, String topic, byte[] payload,
            TagConfig... tags) {
        StationConfig st = TestConfigs.station("S", ".*", TestConfigs.params(), tags);
        LineConfig line = TestConfigs.line("L", List.of("h"), lineParams, st);
        ValueConverter rules = new ValueConverter(ZoneOffset.UTC);
        TagBinder b = TagBinder.create(st, StationSettings.of(line, st).bind(),
                (type, node, source, received) -> rules.fromJson(node, type, source, received),
                LogThrottle.tenSeconds(Clock.systemUTC()));
        return b.bind(new InboundMessage(topic, payload, 1, 0, false, false, NOW, Acknowledgement.NONE)).updates().stream()
                .collect(Collectors.toMap(TagUpdate::tag, TagUpdate::value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "wirepas.packet_received_event.rx_time_ms_epoch, PacketReceivedEvent, JA=wirepas.packet_received_event.source_address",
        "wirepas.status_event.header.time_ms_epoch, StatusEvent OFF, JA=wirepas.status_event.version"})
    void unixmsOnTheWirepasTimeFieldsGivesValuesTheGatewaysTime(String field, String vector, String address) {
        Map<String, TagValue> v = bind(TestConfigs.params("payloadType", "Wirepas", "timeFieldName", field,
                "timeMask", "UNIXMS"), "gw-event/x", WirepasVectors.named(vector).bytes(), TestConfigs.tag("t", "Ci", address));
        assertTrue(v.get("t").isGood(), v.toString());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), v.get("t").sourceTime(), "the vector's time, not " + NOW);
    }

    @Test
    void topicLevelsNameGatewaySinkNetworkAndEndpointsAndFieldsReadAsHexAndNames() {
        Map<String, TagValue> v = bind(TestConfigs.params("payloadType", "Wirepas"),
                "gw-event/received_data/gw1/sink0/12345/10/11", WirepasVectors.named("PacketReceivedEvent").bytes(),
                TestConfigs.tag("gw", "TxtI", "TL=3"), TestConfigs.tag("sink", "TxtI", "TL=4"),
                TestConfigs.tag("net", "Ci", "TL=5"), TestConfigs.tag("src_ep", "Ci", "TL=6"),
                TestConfigs.tag("dst_ep", "Ci", "TL=-1"),
                TestConfigs.tag("payload", "TxtI", "JA=wirepas.packet_received_event.payload"),
                TestConfigs.tag("temp", "Ci", "BIN=u16be@0"));
        assertEquals("gw1", v.get("gw").value());
        assertEquals("sink0", v.get("sink").value());
        assertEquals(12345L, v.get("net").value());
        assertEquals(10L, v.get("src_ep").value());
        assertEquals(11L, v.get("dst_ep").value());
        assertEquals("0a0b", v.get("payload").value(), "bytes as hex text");
        assertEquals(0x0a0bL, v.get("temp").value(), "BIN= reads the application payload, not the protobuf bytes");

        Map<String, TagValue> status = bind(TestConfigs.params("payloadType", "Wirepas"), "gw-event/status/gw1",
                WirepasVectors.named("StatusEvent OFF").bytes(), TestConfigs.tag("state", "TxtI",
                        "JA=wirepas.status_event.state"));
        assertEquals("OFF", status.get("state").value(), "enum values by name");
    }
}
