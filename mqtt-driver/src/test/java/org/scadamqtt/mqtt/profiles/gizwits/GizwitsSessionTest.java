package org.scadamqtt.mqtt.profiles.gizwits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;

class GizwitsSessionTest {

    private static final String DID = "aBcDeFgHiJkLmNoPqRsTuV";
    private static final GizwitsProfile PROFILE = new GizwitsProfile();
    private static final StationConfig STATION = station("Dev", "app2dev/" + DID + "/.*", params());

    private static LineConfig line(String... extra) {
        Map<String, String> p = params("payloadType", "Gizwits", "clientId", DID, "userName", DID, "password", "pc",
                "keepAlive", "120", "gizwitsProductKey", "pk1");
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return TestConfigs.line("G", List.of("localhost"), p);
    }

    private static InboundView view(String topic, byte[] payload) {
        return new InboundView(topic, payload, 0, false, false, Instant.EPOCH);
    }

    private static GizwitsCommand command(String type, String address) {
        TagConfig t = tag("t", type, address);
        return (GizwitsCommand) PROFILE.compile(t, STATION).orElseThrow();
    }

    private static Outgoing write(GizwitsSession s, String type, String address, Object value) {
        return s.encode(command(type, address), new WriteRequest(STATION, tag("t", type, address), value));
    }

    @Test
    void anAppsBusinessMessageWithAckIsAcknowledgedOnItsReplyTopicAndStillReachesTheStations() {
        FakeProfileContext ctx = new FakeProfileContext(line());
        GizwitsSession s = new GizwitsSession(ctx);
        byte[] request = GizwitsVectors.named("app_business_with_ack_sn0").bytes();
        Inspection i = s.inspect(view("app2dev/" + DID + "/app42", request));
        assertFalse(i.consumed());
        assertEquals("app42", i.decoded().document().get("appClientId").asText());
        assertEquals(1, ctx.published().size());
        assertEquals("dev2app/" + DID + "/app42", ctx.published().get(0).topic());
        assertEquals("000000030700009400000000", HexFormat.of().formatHex(ctx.published().get(0).payload()));
        assertEquals(1, ctx.counted(GizwitsSession.ACKS_SENT));
    }

    @Test
    void autoAckCanBeTurnedOff() {
        FakeProfileContext ctx = new FakeProfileContext(line("gizwitsAutoAck", "NO"));
        new GizwitsSession(ctx).inspect(view("app2dev/" + DID + "/app42",
                GizwitsVectors.named("app_business_with_ack_sn0").bytes()));
        assertTrue(ctx.published().isEmpty());
    }

    @Test
    void aWriteWithAckGetsAFreshSnAndTheMatchingAckCompletesIt() {
        FakeProfileContext ctx = new FakeProfileContext(line());
        GizwitsSession s = new GizwitsSession(ctx);
        Outgoing first = write(s, "TxtO", "GZ=0093;prefix=01", "0a0b");
        Outgoing second = write(s, "TxtO", "GZ=0093;prefix=01", "0c");
        assertEquals("dev2app/" + DID, first.topic());
        Decoded d1 = GizwitsCodec.decode(first.payload());
        Decoded d2 = GizwitsCodec.decode(second.payload());
        long sn1 = d1.document().get("sn").longValue();
        assertEquals((sn1 + 1) & 0xffffffffL, d2.document().get("sn").longValue(), "each write its own SN");
        assertEquals("010a0b", d1.document().get("p0").asText());
        assertEquals(GizwitsSession.correlation(sn1), first.correlation());

        ctx.waiting().add(first.correlation());
        Inspection i = s.inspect(view("app2dev/" + DID + "/app7", GizwitsCodec.frame(0x0094, sn1, new byte[0])));
        assertSame(Inspection.handled(), i, "an answered empty ACK ends in the profile");
        assertTrue(ctx.answered().get(first.correlation()).ok());
        Inspection again = s.inspect(view("app2dev/" + DID + "/app7", GizwitsCodec.frame(0x0094, sn1, new byte[0])));
        assertFalse(again.consumed(), "an ACK nobody waits for goes to the stations");
        assertEquals(1, ctx.counted(GizwitsSession.UNKNOWN_ACKS));
    }

    @Test
    void anAckWithAnotherSnLeavesTheWriteWaitingUntilItsOwnSnArrives() {
        FakeProfileContext ctx = new FakeProfileContext(line());
        GizwitsSession s = new GizwitsSession(ctx);
        Outgoing w = write(s, "TxtO", "GZ=0093;prefix=01", "0a0b");
        long sn = GizwitsCodec.decode(w.payload()).document().get("sn").longValue();
        ctx.waiting().add(w.correlation());

        Inspection other = s.inspect(view("app2dev/" + DID + "/app7",
                GizwitsCodec.frame(0x0094, (sn + 1) & 0xffffffffL, new byte[0])));
        assertFalse(ctx.answered().containsKey(w.correlation()), "an ACK of SN " + (sn + 1) + " is not the answer to "
                + sn + ": " + ctx.answered());
        assertTrue(ctx.waiting().contains(w.correlation()), "the write still waits for its own SN");
        assertFalse(other.consumed(), "an ACK nobody waits for goes to the stations");
        assertEquals(1, ctx.counted(GizwitsSession.UNKNOWN_ACKS));

        s.inspect(view("app2dev/" + DID + "/app7", GizwitsCodec.frame(0x0094, sn, new byte[0])));
        assertTrue(ctx.answered().get(w.correlation()).ok(), "its own SN completes it: " + ctx.answered());
    }

    @Test
    void reportsUseTheTemplatesAndFieldsRepliesNeedAnAppThatAsked() {
        FakeProfileContext ctx = new FakeProfileContext(line());
        GizwitsSession s = new GizwitsSession(ctx);
        Outgoing report = write(s, "Co", "GZ=0091;prefix=04;field=u16be@0", 300L);
        assertEquals("dev2app/" + DID, report.topic());
        assertEquals(null, report.correlation());
        assertEquals("04012c", GizwitsCodec.decode(report.payload()).document().get("p0").asText());

        WriteRefusedException noApp = assertThrows(WriteRefusedException.class, () -> write(s, "Co", "GZ=0011", 1L));
        assertTrue(noApp.getMessage().contains("no app has sent"), noApp.getMessage());
        s.inspect(view("app2dev/" + DID + "/phone1", GizwitsVectors.named("set_log_level_and_leds").bytes()));
        assertEquals("dev2app/" + DID + "/phone1", write(s, "Co", "GZ=0011", 1L).topic());

        Outgoing noti = write(s, "TxtO", "GZ=0091;topic=ser2cli_noti/${ProductKey}/${DID}", "01");
        assertEquals("ser2cli_noti/pk1/" + DID, noti.topic());
        Outgoing count = write(s, "Co", "GZ=020F", 1L);
        assertEquals("cli2ser_req", count.topic());
        assertEquals("00000003020f", HexFormat.of().formatHex(count.payload()));
        Outgoing log = write(s, "TxtO", "GZ=0012;level=3;tags=t;source=scada", "hello");
        var doc = GizwitsCodec.decode(log.payload()).document();
        assertEquals("hello", doc.get("logContent").asText());
        assertEquals("scada", doc.get("logSource").asText());
        assertEquals(3, doc.get("logLevel").asInt());

        WriteRefusedException notHex = assertThrows(WriteRefusedException.class,
                () -> write(s, "TxtO", "GZ=0091", "zz"));
        assertEquals(WriteFailure.WRONG_VALUE, notHex.failure());
    }

    @Test
    void wrongAddressesSaySo() {
        assertTrue(assertThrows(AddressException.class, () -> command("TxtO", "GZ=0099")).getMessage()
                .contains("GZ=0091"));
        assertTrue(assertThrows(AddressException.class, () -> command("Ci", "GZ=0091")).getMessage()
                .contains("output type"));
        assertTrue(assertThrows(AddressException.class, () -> command("Co", "GZ=0091")).getMessage()
                .contains(";field="));
        assertTrue(assertThrows(AddressException.class, () -> command("TxtO", "GZ=0012")).getMessage()
                .contains(";level=1"));
        assertTrue(assertThrows(AddressException.class, () -> command("TxtO", "GZ=0091;topic=a/${Did}"))
                .getMessage().contains("not a placeholder"));
        assertTrue(assertThrows(AddressException.class, () -> command("TxtO", "GZ=0091;qos=1")).getMessage()
                .contains("options are field, prefix, topic"));
    }

    @Test
    void undecodableFramesAreCountedAndRoutedWithTheirReason() {
        FakeProfileContext ctx = new FakeProfileContext(line());
        Inspection i = new GizwitsSession(ctx).inspect(view("ser2cli_res/" + DID, new byte[] {0, 0, 0, 3, 0x0a, 0}));
        assertTrue(i.decoded().failed());
        assertTrue(i.decoded().error().contains("truncated"), i.decoded().error());
        assertEquals(1, ctx.counted(GizwitsSession.UNDECODABLE));
    }
}
