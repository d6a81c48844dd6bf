package org.scadamqtt.mqtt.profiles.wirepas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.StationSignal;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.ErrorCode;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.EventHeader;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GatewayInfo;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GenericMessage;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GetConfigsResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GetGwInfoResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.PacketReceivedEvent;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.ResponseHeader;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.OnOffState;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SendPacketResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SetConfigResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.StatusEvent;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SinkReadConfig;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.WirepasMessage;

class WirepasSessionTest {

    private final FakeProfileContext ctx = new FakeProfileContext(null);
    private final WirepasSession session = new WirepasSession(ctx, 3);

    static InboundView view(String topic, byte[] payload) {
        return new InboundView(topic, payload, 1, false, false, Instant.EPOCH);
    }

    static byte[] packet(String gw, long eventId, int source, String payloadHex) {
        return GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setPacketReceivedEvent(
                PacketReceivedEvent.newBuilder().setHeader(EventHeader.newBuilder().setGwId(gw).setSinkId("sink0")
                        .setEventId(eventId)).setSourceAddress(source).setDestinationAddress(0).setSourceEndpoint(10)
                        .setDestinationEndpoint(11).setTravelTimeMs(5).setRxTimeMsEpoch(1_700_000_000_000L).setQos(1)
                        .setPayload(com.google.protobuf.ByteString.fromHex(payloadHex)))).build().toByteArray();
    }

    static byte[] sendResponse(long reqId, ErrorCode res) {
        return GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setSendPacketResp(
                SendPacketResp.newBuilder().setHeader(ResponseHeader.newBuilder().setReqId(reqId).setGwId("gw1")
                        .setSinkId("sink0").setRes(res)))).build().toByteArray();
    }

    @Test
    void aReceivedPacketIsRoutedToItsNodeOnItsGatewayOrAnyGateway() {
        Inspection i = session.inspect(view("gw-event/received_data/gw1/sink0/12345/10/11",
                WirepasVectors.named("PacketReceivedEvent").bytes()));
        assertFalse(i.consumed());
        assertEquals(List.of("node:gw1/42", "node:42"), i.keys());
        assertEquals(42, i.decoded().document().at("/wirepas/packet_received_event/source_address").intValue());
    }

    @Test
    void aRepeatedEventIdIsDroppedAndCountedWithinABoundedWindow() {
        String t = "gw-event/received_data/gw1/sink0/1/10/11";
        assertFalse(session.inspect(view(t, packet("gw1", 100, 5, "01"))).consumed());
        assertTrue(session.inspect(view(t, packet("gw1", 100, 5, "01"))).consumed(), "same event id: duplicate");
        assertEquals(1, ctx.counted(WirepasSession.DUPLICATES));
        assertFalse(session.inspect(view(t, packet("gw2", 100, 5, "01"))).consumed(), "another gateway's event id");
        session.inspect(view(t, packet("gw1", 101, 5, "01")));
        session.inspect(view(t, packet("gw1", 102, 5, "01")));
        assertFalse(session.inspect(view(t, packet("gw1", 100, 5, "01"))).consumed(),
                "window of 3: event 100 was forgotten after three newer ones");
        assertEquals(1, ctx.counted(WirepasSession.DUPLICATES));
    }

    @Test
    void gatewayOnClearsItsStationWithValuesAndItsNodesWithoutValues() {
        Inspection i = session.inspect(view("gw-event/status/gw1", WirepasVectors.named("StatusEvent ON").bytes()));
        assertEquals(List.of("gateway:gw1", "follow:gw1"), i.keys());
        Decoded own = i.decodedFor("gateway:gw1");
        assertEquals(StationSignal.Kind.CLEAR, own.signal().kind());
        assertTrue(own.signal().carriesValues());
        assertEquals("ON", own.document().at("/wirepas/status_event/state").asText());
        Decoded node = i.decodedFor("follow:gw1");
        assertEquals(StationSignal.Kind.CLEAR, node.signal().kind());
        assertFalse(node.signal().carriesValues(), "a node station's JA= tags must not read the status message");
    }

    @Test
    void gatewayOffFaultsItsStationAndItsNodes() {
        Inspection i = session.inspect(view("gw-event/status/gw1", WirepasVectors.named("StatusEvent OFF").bytes()));
        for (String key : List.of("gateway:gw1", "follow:gw1")) {
            StationSignal s = i.decodedFor(key).signal();
            assertEquals(StationSignal.Kind.FAULT, s.kind(), key);
            assertTrue(s.reason().startsWith("gateway gw1 is OFF"), s.reason());
        }
    }

    @Test
    void anEmptyRetainedStatusMeansTheGatewayWasRemoved() {
        Inspection i = session.inspect(view("gw-event/status/gw1", new byte[0]));
        assertEquals(List.of("gateway:gw1", "follow:gw1"), i.keys());
        assertEquals(StationSignal.Kind.FAULT, i.decodedFor("gateway:gw1").signal().kind());
        assertTrue(i.decodedFor("follow:gw1").signal().reason().contains("gw1 was removed"));
        assertEquals(StationSignal.Kind.FAULT, session.decode(view("gw-event/status/gw1", new byte[0])).signal().kind());
    }

    @Test
    void aStateNewerThanOursSignalsNothing() {
        byte[] b = WirepasVectors.named("StatusEvent ON").bytes().clone();
        b[b.length - 1] = 3;
        Inspection i = session.inspect(view("gw-event/status/gw1", b));
        assertTrue(i.keys().contains("gateway:gw1"), i.keys()::toString);
        assertEquals(StationSignal.Kind.NONE, i.decoded().signal().kind());
    }

    @Test
    void sendDataResponsesCompleteTheirWriteOkOrWithTheErrorCodeName() {
        ctx.waiting().add(WirepasSession.correlation(7));
        ctx.waiting().add(WirepasSession.correlation(-2)); // req_id 2^64-2
        assertTrue(session.inspect(view("gw-response/send_data/gw1/sink0", sendResponse(7, ErrorCode.OK))).consumed());
        assertEquals(WriteResult.success(), ctx.answered().get(WirepasSession.correlation(7)));
        session.inspect(view("gw-response/send_data/gw1/sink0", sendResponse(-2, ErrorCode.INVALID_DEST_ADDRESS)));
        WriteResult failed = ctx.answered().get("wirepas-req:18446744073709551614");
        assertNotNull(failed);
        assertEquals(WriteFailure.REJECTED, failed.failure());
        assertTrue(failed.message().endsWith("with INVALID_DEST_ADDRESS"), failed.message());
        assertEquals(0, ctx.counted(WirepasSession.UNKNOWN_RESPONSES));
    }

    @Test
    void anErrorCodeNewerThanOursFailsTheWriteNamingItsNumber() {
        // proto2 files an enum number it does not know with the unknown fields, so the required res looks missing
        byte[] b = sendResponse(11, ErrorCode.OK);
        assertEquals(0x20, b[b.length - 2], "res (field 4, varint) is the header's last field");
        b[b.length - 1] = 99;
        ctx.waiting().add(WirepasSession.correlation(11));
        assertTrue(session.inspect(view("gw-response/send_data/gw1/sink0", b)).consumed());
        WriteResult r = ctx.answered().get(WirepasSession.correlation(11));
        assertNotNull(r, "a gateway newer than us still answers the write");
        assertEquals(WriteFailure.REJECTED, r.failure());
        assertTrue(r.message().endsWith("with error code 99"), r.message());
    }

    @Test
    void aResponseToAnUnknownRequestIsCountedNotApplied() {
        ctx.waiting().add(WirepasSession.correlation(8));
        assertTrue(session.inspect(view("gw-response/send_data/gw1/sink0", sendResponse(9, ErrorCode.OK))).consumed());
        assertEquals(1, ctx.counted(WirepasSession.UNKNOWN_RESPONSES));
        assertTrue(ctx.answered().isEmpty());
        assertTrue(ctx.waiting().contains(WirepasSession.correlation(8)));
    }

    static byte[] configsResponse(long reqId) {
        return GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setGetConfigsResp(
                GetConfigsResp.newBuilder().setHeader(ResponseHeader.newBuilder().setReqId(reqId).setGwId("gw1")
                        .setRes(ErrorCode.OK)).addConfigs(SinkReadConfig.newBuilder().setSinkId("sink0")
                        .setNetworkAddress(12345)))).build().toByteArray();
    }

    @Test
    void anUnsolicitedConfigResponseGoesToTheGatewaysAnswerStations() {
        Inspection i = session.inspect(view("gw-response/get_configs/gw1", configsResponse(0)));
        assertFalse(i.consumed());
        assertEquals(List.of("answers:get_configs:gw1"), i.keys());
        assertEquals(12345, i.decoded().document().at("/wirepas/get_configs_resp/configs/0/network_address").intValue());
        assertEquals(0, ctx.counted(WirepasSession.UNKNOWN_RESPONSES));
        assertTrue(ctx.answered().isEmpty());
    }

    static byte[] setConfigResponse(long reqId, String sink, long network) {
        return GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setSetConfigResp(
                SetConfigResp.newBuilder().setHeader(ResponseHeader.newBuilder().setReqId(reqId).setGwId("gw1")
                        .setSinkId(sink).setRes(ErrorCode.OK)).setConfig(SinkReadConfig.newBuilder().setSinkId(sink)
                        .setNetworkAddress(network)))).build().toByteArray();
    }

    @Test
    void anUnsolicitedSetConfigResponseUpdatesItsSinkAmongTheSinksTheConfigStationsRead() {
        byte[] status = GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setStatusEvent(
                StatusEvent.newBuilder().setHeader(EventHeader.newBuilder().setGwId("gw1").setEventId(1)).setVersion(2)
                        .setState(OnOffState.ON)
                        .addConfigs(SinkReadConfig.newBuilder().setSinkId("sink0").setNetworkAddress(100))
                        .addConfigs(SinkReadConfig.newBuilder().setSinkId("sink1").setNetworkAddress(200))))
                .build().toByteArray();
        session.inspect(view("gw-event/status/gw1", status));

        Inspection i = session.inspect(view("gw-response/set_config/gw1/sink1", setConfigResponse(0, "sink1", 777)));
        assertFalse(i.consumed());
        assertEquals(List.of("answers:get_configs:gw1"), i.keys());
        var configs = i.decodedFor("answers:get_configs:gw1").document().at("/wirepas/get_configs_resp/configs");
        assertEquals(2, configs.size(), configs.toString());
        assertEquals(100, configs.at("/0/network_address").intValue(), "sink0 is kept in its place");
        assertEquals(777, configs.at("/1/network_address").intValue(), "sink1 has its new configuration");
        assertTrue(i.decoded().document().at("/wirepas/set_config_resp/config").isObject(),
                "by topic the SetConfigResp itself goes on");
        assertEquals(0, ctx.counted(WirepasSession.UNKNOWN_RESPONSES));

        // a later get_configs answer replaces what the status said; the next change is merged into it
        session.inspect(view("gw-response/get_configs/gw1", configsResponse(0)));
        Inspection j = session.inspect(view("gw-response/set_config/gw1/sink1", setConfigResponse(0, "sink1", 888)));
        var after = j.decodedFor("answers:get_configs:gw1").document().at("/wirepas/get_configs_resp/configs");
        assertEquals(List.of("sink0", "sink1"), List.of(after.at("/0/sink_id").asText(), after.at("/1/sink_id").asText()));
        assertEquals(12345, after.at("/0/network_address").intValue());
        assertEquals(888, after.at("/1/network_address").intValue());
    }

    @Test
    void aSetConfigResponseOfAGatewayNotSeenYetGivesItsOneSink() {
        Inspection i = session.inspect(view("gw-response/set_config/gw1/sink0", setConfigResponse(0, "sink0", 5)));
        var configs = i.decodedFor("answers:get_configs:gw1").document().at("/wirepas/get_configs_resp/configs");
        assertEquals(1, configs.size());
        assertEquals(5, configs.at("/0/network_address").intValue());
    }

    @Test
    void aSolicitedConfigResponseCompletesItsWriteAndStillFillsTheAnswerStations() {
        ctx.waiting().add(WirepasSession.correlation(31));
        Inspection i = session.inspect(view("gw-response/get_configs/gw1", configsResponse(31)));
        assertEquals(WriteResult.success(), ctx.answered().get(WirepasSession.correlation(31)));
        assertFalse(i.consumed(), "the answer's configuration fills tags");
        assertEquals(List.of("answers:get_configs:gw1"), i.keys());
    }

    @Test
    void aGatewayInfoAnswerWithASinkLevelReachesTheSameStationsAsOneWithout() {
        // seed 001 lists gw-response/get_gw_info/<gw-id>/<sink-id>; Wirepas' own gateway answers without the sink
        byte[] b = GenericMessage.newBuilder().setWirepas(WirepasMessage.newBuilder().setGetGatewayInfoResp(
                GetGwInfoResp.newBuilder().setHeader(ResponseHeader.newBuilder().setReqId(5).setGwId("gw1")
                        .setRes(ErrorCode.OK)).setInfo(GatewayInfo.newBuilder().setCurrentTimeSEpoch(1)
                        .setGwModel("m")))).build().toByteArray();
        ctx.waiting().add(WirepasSession.correlation(5));
        Inspection withSink = session.inspect(view("gw-response/get_gw_info/gw1/sink0", b));
        assertEquals(WriteResult.success(), ctx.answered().get(WirepasSession.correlation(5)));
        assertEquals(List.of("answers:get_gw_info:gw1"), withSink.keys());
        assertEquals(List.of("answers:get_gw_info:gw1"), session.inspect(view("gw-response/get_gw_info/gw1", b)).keys());
        assertEquals(1, ctx.counted(WirepasSession.UNKNOWN_RESPONSES), "the second answer's req_id was used up");
    }

    @Test
    void aMessageMissingARequiredFieldIsCountedAndStillRouted() {
        // StatusEvent with only its state: header and version are required
        Inspection i = session.inspect(view("gw-event/status/gw1", HexFormat.of().parseHex("0a040a021801")));
        assertFalse(i.decoded().failed(), () -> i.decoded().error());
        assertTrue(i.keys().contains("gateway:gw1"), i.keys()::toString);
        assertEquals(1, ctx.counted(WirepasSession.MISSING_REQUIRED));
        assertEquals(0, ctx.counted(WirepasSession.UNDECODABLE));
        session.inspect(view("gw-event/status/gw1", WirepasVectors.named("StatusEvent ON").bytes()));
        assertEquals(1, ctx.counted(WirepasSession.MISSING_REQUIRED), "a complete message is not counted");
    }

    @Test
    void theLinesDuplicateWindowIsReadWhenTheSessionOpensAndZeroTurnsDroppingOff() {
        String t = "gw-event/received_data/gw1/sink0/1/10/11";
        FakeProfileContext one = new FakeProfileContext(TestConfigs.line("L", List.of("localhost"),
                params(WirepasProfile.WINDOW, "1")));
        ProfileSession s1 = new WirepasProfile().open(one);
        s1.inspect(view(t, packet("gw1", 100, 5, "01")));
        assertTrue(s1.inspect(view(t, packet("gw1", 100, 5, "01"))).consumed(), "repeated at once: dropped");
        s1.inspect(view(t, packet("gw1", 101, 5, "01")));
        assertFalse(s1.inspect(view(t, packet("gw1", 100, 5, "01"))).consumed(),
                "a window of 1 forgot event 100 when 101 came");
        assertEquals(1, one.counted(WirepasSession.DUPLICATES));

        FakeProfileContext byDefault = new FakeProfileContext(TestConfigs.line("L", List.of("localhost"), params()));
        ProfileSession sd = new WirepasProfile().open(byDefault);
        sd.inspect(view(t, packet("gw1", 100, 5, "01")));
        sd.inspect(view(t, packet("gw1", 101, 5, "01")));
        assertTrue(sd.inspect(view(t, packet("gw1", 100, 5, "01"))).consumed(), "the default window remembers 100");

        FakeProfileContext off = new FakeProfileContext(TestConfigs.line("L", List.of("localhost"),
                params(WirepasProfile.WINDOW, "0")));
        ProfileSession s0 = new WirepasProfile().open(off);
        assertFalse(s0.inspect(view(t, packet("gw1", 100, 5, "01"))).consumed());
        assertFalse(s0.inspect(view(t, packet("gw1", 100, 5, "01"))).consumed(), "0 turns duplicate dropping off");
        assertEquals(0, off.counted(WirepasSession.DUPLICATES));
    }

    @Test
    void anUndecodablePayloadIsCountedAndRoutedByTopicAsAFailure() {
        Inspection i = session.inspect(view("gw-event/received_data/gw1/sink0/1/10/11", new byte[] {0x0a, 0x7f}));
        assertTrue(i.decoded().failed());
        assertTrue(i.keys().isEmpty());
        assertEquals(1, ctx.counted(WirepasSession.UNDECODABLE));
    }

    @Test
    void stationKeysForNodesAndGateways() {
        WirepasProfile p = new WirepasProfile();
        assertEquals(List.of("node:gw1/42", "follow:gw1"), p.stationKeys(TestConfigs.station("N42", "wirepas/node/42",
                params("wirepasNode", "42", "wirepasGateway", "gw1"))));
        assertEquals(List.of("node:gw1/42"), p.stationKeys(TestConfigs.station("N42", "wirepas/node/42",
                params("wirepasNode", "42", "wirepasGateway", "gw1", "wirepasFollowGateway", "NO"))));
        assertEquals(List.of("node:7"), p.stationKeys(TestConfigs.station("N7", "n7", params("wirepasNode", "7"))));
        assertEquals(List.of("gateway:gw1"), p.stationKeys(TestConfigs.station("GW", "gw-event/status/gw1", params())));
        assertEquals(List.of("gateway:gwX"), p.stationKeys(TestConfigs.station("GW", "gw-event/status/.*",
                params("wirepasGateway", "gwX"))));
        assertEquals(List.of(), p.stationKeys(TestConfigs.station("Rest", ".*", params())));
        assertEquals(List.of("answers:get_configs:gw1"), p.stationKeys(TestConfigs.station("C",
                "gw-response/get_configs/gw1", params())));
        assertEquals(List.of("answers:get_gw_info:gw1"), p.stationKeys(TestConfigs.station("I",
                "gw-response/get_gw_info/gw1", params())));
        assertEquals(List.of(), p.stationKeys(TestConfigs.station("S", "gw-response/send_data/gw1/sink0", params())));
    }

    @Test
    void noContextIsNeededToDecode() {
        WirepasSession bare = (WirepasSession) new WirepasProfile().open(null);
        assertNull(bare.decode(view("x", WirepasVectors.named("StatusEvent ON").bytes())).error());
        assertSame(StationSignal.Kind.NONE, bare.decode(view("x", WirepasVectors.named("StatusEvent ON").bytes()))
                .signal().kind());
    }
}
