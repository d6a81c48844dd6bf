package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.config.TagDisplay;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.InputAddress;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.ProfileAddress;
import org.scadamqtt.mqtt.profile.WriteRequest;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload;
import org.scadamqtt.tag.TagType;

/** An input tag {@code SP=} marked writable reads the metric and writes it with NCMD/DCMD. */
class SparkplugWritableInputTest {

    private final LineConfig line = TestConfigs.line("SPW", List.of("h"), params("payloadType", "SparkplugB"));
    private final FakeProfileContext ctx = new FakeProfileContext(line,
            Clock.fixed(Instant.ofEpochMilli(Sp.T0), ZoneOffset.UTC));
    private final SparkplugSession session = (SparkplugSession) new SparkplugProfile().open(ctx);
    private final StationConfig device = TestConfigs.station("D1", "G1/E1/D1", params());
    private final TagConfig temp = new TagConfig("TEMP", TagType.Ci, "SP=Temp", null, TagDisplay.NONE, null, true);

    @Test
    void theTagReadsTheMetricAndAWriteSendsDcmdWithTheBirthsNameAliasAndType() throws Exception {
        ProfileAddress a = new SparkplugProfile().compile(temp, device).orElseThrow();
        assertTrue(a instanceof InputAddress && a instanceof OutputAddress, a.toString());
        session.inspect(Sp.view(Sp.topic("NBIRTH", ""), Sp.payload(0, Sp.bdSeq(1)).build().toByteArray()));
        Inspection birth = session.inspect(Sp.view(Sp.topic("DBIRTH", "D1"), Sp.payload(1,
                Sp.metric("Temp", 3, DataTypes.INT16).setIntValue(-5).build()).build().toByteArray()));
        String key = EdgeRef.deviceKey("G1", "E1", "D1");
        assertEquals(-5, ((InputAddress) a).read(null, birth.decodedFor(key)).value().asInt());

        Outgoing o = session.encode((OutputAddress) a, new WriteRequest(device, temp, 7L));
        assertEquals("spBv1.0/G1/DCMD/E1/D1", o.topic());
        assertEquals(0, o.qos());
        var m = Payload.parseFrom(o.payload()).getMetrics(0);
        assertEquals("Temp", m.getName());
        assertEquals(3, m.getAlias());
        assertEquals(DataTypes.INT16, m.getDatatype());
        assertEquals(7, m.getIntValue());
    }

    @Test
    void anInputNotMarkedWritableCompilesToAReadOnlyAddress() {
        TagConfig plain = TestConfigs.tag("TEMP", "Ci", "SP=Temp");
        ProfileAddress a = new SparkplugProfile().compile(plain, device).orElseThrow();
        assertTrue(a instanceof InputAddress && !(a instanceof OutputAddress), a.toString());
    }
}
