package org.scadamqtt.mqtt.profiles.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.mqtt.TestConfigs;

/** The line checks validate runs for a LoRaWAN line: each problem with its code and severity. */
class LorawanLineCheckTest {

    private static final StationConfig PUMP = station("PUMP", "lorawan/pump-7", params("lorawanDevice", "pump-7"),
            tag("send", "TxtO", "LW=downlink;port=2"));

    private static LineConfig line(Map<String, String> p, StationConfig... stations) {
        return TestConfigs.line("LW", List.of("h"), p, stations);
    }

    private static List<String> codes(List<ConfigProblem> problems, boolean errors) {
        return problems.stream().filter(x -> x.isError() == errors).map(ConfigProblem::code).toList();
    }

    @Test
    void aCompleteTtsLineHasNoProblem() {
        List<ConfigProblem> p = LorawanLineCheck.check(line(params("payloadType", "LoRaWAN", "lorawanServer", "TTS",
                "userName", "plant-sensors@ttn", "timeFieldName", "lorawan.received_at", "timeMask", "ISO8601"), PUMP));
        assertTrue(p.isEmpty(), p.toString());
    }

    @Test
    void withoutTheTimeFieldValuesGetTheReceiveTimeAndValidateSaysSo() {
        List<ConfigProblem> p = LorawanLineCheck.check(line(params("payloadType", "LoRaWAN")));
        assertEquals(List.of("LORAWAN_TIME_FIELD"), codes(p, false));
        assertTrue(p.get(0).message().contains("set timeFieldName to lorawan.received_at and timeMask to ISO8601"));
        List<ConfigProblem> mask = LorawanLineCheck.check(line(params("payloadType", "LoRaWAN",
                "timeFieldName", "lorawan.received_at", "timeMask", "UNIXMS")));
        assertEquals(List.of("LORAWAN_TIME_MASK"), codes(mask, false));
    }

    @Test
    void downlinksNeedAKnownServerAnApplicationOrATopic() {
        Map<String, String> base = params("payloadType", "LoRaWAN", "timeFieldName", "lorawan.received_at",
                "timeMask", "ISO8601");
        assertEquals(List.of("LORAWAN_DOWNLINK_SERVER"), codes(LorawanLineCheck.check(line(base, PUMP)), true));
        base.put("lorawanServer", "TTS");
        assertEquals(List.of("LORAWAN_APPLICATION"), codes(LorawanLineCheck.check(line(base, PUMP)), true));
        base.put("lorawanServer", "LORIOT");
        List<ConfigProblem> loriot = LorawanLineCheck.check(line(base, PUMP));
        assertEquals(List.of("LORAWAN_DOWNLINK_EUI", "LORAWAN_DOWNLINK_TOPIC"), codes(loriot, true).stream().sorted()
                .toList());
        assertEquals(List.of("LORAWAN_DEVICE_NOT_EUI"), codes(loriot, false));
    }

    @Test
    void waitingForDownlinkEventsThatNoFilterDeliversIsWarned() {
        Map<String, String> p = params("payloadType", "LoRaWAN", "lorawanServer", "TTS", "lorawanApplication", "a@ttn",
                "timeFieldName", "lorawan.received_at", "timeMask", "ISO8601",
                "topicFilter", "v3/a@ttn/devices/+/up");
        assertEquals(List.of("LORAWAN_DOWNLINK_EVENTS"), codes(LorawanLineCheck.check(line(p, PUMP)), false));
        p.put("topicFilter", "v3/+/devices/+/down/#");
        assertTrue(LorawanLineCheck.check(line(p, PUMP)).isEmpty());
        p.put("topicFilter", "$share/scada/v3/a@ttn/devices/+/down/queued");
        assertTrue(LorawanLineCheck.check(line(p, PUMP)).isEmpty());
        p.put("topicFilter", "v3/a@ttn/devices/+/up");
        StationConfig publishOnly = station("P", "x", params("lorawanDevice", "pump-7"),
                tag("send", "TxtO", "LW=downlink;port=2;complete=publish"));
        assertFalse(codes(LorawanLineCheck.check(line(p, publishOnly)), false).contains("LORAWAN_DOWNLINK_EVENTS"));
    }
}
