package org.scadamqtt.mqtt.profiles.wirepas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GenericMessage;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SendPacketReq;

class WirepasRequestTest {

    static final StationConfig NODE = TestConfigs.station("N42", "wirepas/node/42",
            params("wirepasNode", "42", "wirepasGateway", "gw1", "wirepasSink", "sink0"));

    static WirepasRequest compile(String type, String address, StationConfig station) {
        return WirepasRequest.compile(TestConfigs.tag("t", type, address), station);
    }

    static Outgoing write(WirepasRequest r, String type, Object value, long reqId) {
        TagConfig t = TestConfigs.tag("t", type, "WP=x");
        return r.encode(new WriteRequest(NODE, t, value), reqId);
    }

    @Test
    void sendDataEncodesTheVectorsSendPacketReqByteForByte() {
        StationConfig station = TestConfigs.station("S", "x", params());
        WirepasRequest r = compile("TxtO", "WP=send_data;gw=gw1;sink=sink0;dst=1234;src_ep=1;dst_ep=2", station);
        Outgoing out = write(r, "TxtO", "01 02 03", 0x0123456789ABCDEFL);
        assertEquals("gw-request/send_data/gw1/sink0", out.topic());
        assertEquals(java.util.HexFormat.of().formatHex(WirepasVectors.named("SendPacketReq").bytes()),
                java.util.HexFormat.of().formatHex(out.payload()));
        assertEquals("wirepas-req:81985529216486895", out.correlation());
    }

    @Test
    void optionsLeftOutComeFromTheStationAndAFieldEncodesNumbers() throws Exception {
        WirepasRequest r = compile("Co", "WP=send_data;src_ep=1;dst_ep=1;qos=1;hop_limit=3;field=u16be@0", NODE);
        SendPacketReq req = GenericMessage.parseFrom(write(r, "Co", 513L, 5).payload()).getWirepas().getSendPacketReq();
        assertEquals(42, req.getDestinationAddress());
        assertEquals("sink0", req.getHeader().getSinkId());
        assertEquals(1, req.getQos());
        assertEquals(3, req.getHopLimit());
        assertEquals("0201", java.util.HexFormat.of().formatHex(req.getPayload().toByteArray()));
    }

    static SendPacketReq sent(String address, StationConfig station) throws Exception {
        WirepasRequest r = compile("TxtO", address, station);
        return GenericMessage.parseFrom(r.encode(new WriteRequest(station, TestConfigs.tag("t", "TxtO", address),
                "01"), 7).payload()).getWirepas().getSendPacketReq();
    }

    @Test
    void endpointsAndQosComeFromTheTagElseTheStationElseQosZero() throws Exception {
        StationConfig withParams = TestConfigs.station("N7", "wirepas/node/7", params("wirepasNode", "7",
                "wirepasGateway", "gw1", "wirepasSink", "sink0", "wirepasSrcEp", "10", "wirepasDstEp", "20",
                "wirepasQos", "1"));
        SendPacketReq fromStation = sent("WP=send_data", withParams);
        assertEquals(10, fromStation.getSourceEndpoint());
        assertEquals(20, fromStation.getDestinationEndpoint());
        assertEquals(1, fromStation.getQos());

        SendPacketReq tagWins = sent("WP=send_data;src_ep=3;dst_ep=4;qos=0", withParams);
        assertEquals(3, tagWins.getSourceEndpoint());
        assertEquals(4, tagWins.getDestinationEndpoint());
        assertEquals(0, tagWins.getQos());

        SendPacketReq mixed = sent("WP=send_data;dst_ep=5", withParams);
        assertEquals(10, mixed.getSourceEndpoint());
        assertEquals(5, mixed.getDestinationEndpoint());

        assertEquals(0, sent("WP=send_data;src_ep=1;dst_ep=1", NODE).getQos(), "neither tag nor station: QoS 0");
        assertMessage("send_data needs the source endpoint: add ;src_ep=N (0 to 255) to the address or set the "
                + "station parameter wirepasSrcEp", () -> compile("TxtO", "WP=send_data;dst_ep=1", NODE));
    }

    @Test
    void eachWriteGetsAFreshNonZeroRequestId() {
        WirepasRequest r = compile("TxtO", "WP=send_data;src_ep=1;dst_ep=1", NODE);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Outgoing out = r.encode(new WriteRequest(NODE, TestConfigs.tag("t", "TxtO", "WP=x"), "00"));
            assertNotEquals("wirepas-req:0", out.correlation());
            ids.add(out.correlation());
        }
        assertEquals(1000, ids.size());
        // random, not counted: over 1000 ids every one of the 64 bits was seen both set and clear (a counter or a
        // 32-bit random number leaves the high bits fixed); chance of a false failure 64 * 2^-999
        long anySet = 0;
        long allSet = -1;
        for (String id : ids) {
            long v = Long.parseUnsignedLong(id.substring("wirepas-req:".length()));
            anySet |= v;
            allSet &= v;
        }
        assertEquals(-1L, anySet, Long.toBinaryString(anySet));
        assertEquals(0L, allSet, Long.toBinaryString(allSet));
    }

    @Test
    void getConfigsAndGetGwInfoAskTheWholeGatewayEvenFromAStationWithASink() throws Exception {
        // seed 001: gw-request/get_configs/<gw-id> and gw-request/get_gw_info/<gw-id>, no sink level
        WirepasRequest c = compile("Co", "WP=get_configs", NODE);
        Outgoing out = write(c, "Co", 1L, 77);
        assertEquals("gw-request/get_configs/gw1", out.topic());
        var header = GenericMessage.parseFrom(out.payload()).getWirepas().getGetConfigsReq().getHeader();
        assertEquals(77, header.getReqId());
        assertFalse(header.hasSinkId(), "a gateway-wide request names no sink");
        Outgoing infoOut = write(compile("Co", "WP=get_gw_info", NODE), "Co", 1L, 78);
        assertEquals("gw-request/get_gw_info/gw1", infoOut.topic());
        var infoHeader = GenericMessage.parseFrom(infoOut.payload()).getWirepas().getGetGatewayInfoReq().getHeader();
        assertEquals(78, infoHeader.getReqId());
        assertFalse(infoHeader.hasSinkId());
        assertEquals("wirepas-req:78", infoOut.correlation());
        assertMessage("get_configs asks the whole gateway (topic gw-request/get_configs/GATEWAY-ID, no sink level)",
                () -> compile("Co", "WP=get_configs;sink=sink0", NODE));
        StationConfig gw = TestConfigs.station("GW", "gw-event/status/gw1", params());
        WirepasRequest info = compile("Co", "WP=get_gw_info;gw=gw7", gw);
        assertEquals("gw-request/get_gw_info/gw7", info.topic());
        assertEquals("gw-request/get_configs/gw1", compile("Co", "WP=get_configs", gw).topic(),
                "a gateway station's address names its gateway");
    }

    @Test
    void wrongAddressesSaySentencesAnEngineerCanFix() {
        StationConfig bare = TestConfigs.station("S", "x", params());
        assertMessage("no gateway: add ;gw=GATEWAY-ID", () -> compile("TxtO", "WP=send_data;src_ep=1;dst_ep=1", bare));
        assertMessage("send_data needs the sink", () -> compile("TxtO", "WP=send_data;gw=g;src_ep=1;dst_ep=1", bare));
        assertMessage("send_data needs the destination node",
                () -> compile("TxtO", "WP=send_data;gw=g;sink=s;src_ep=1;dst_ep=1", bare));
        assertMessage("send_data needs the destination endpoint: add ;dst_ep=N (0 to 255) to the address or set the "
                + "station parameter wirepasDstEp", () -> compile("TxtO", "WP=send_data;src_ep=1", NODE));
        assertMessage("option src_ep=300 must be a whole number from 0 to 255",
                () -> compile("TxtO", "WP=send_data;src_ep=300;dst_ep=1", NODE));
        assertMessage("'color=red' is not an option of send_data",
                () -> compile("TxtO", "WP=send_data;color=red", NODE));
        assertMessage("'reboot' is not a Wirepas request", () -> compile("TxtO", "WP=reboot", NODE));
        assertMessage("must be an output type", () -> compile("TxtI", "WP=send_data;src_ep=1;dst_ep=1", NODE));
        assertMessage("a Co tag needs ;field=TYPE@0", () -> compile("Co", "WP=send_data;src_ep=1;dst_ep=1", NODE));
        assertMessage("may not contain '/'", () -> compile("Co", "WP=get_configs;gw=a/b", NODE));
    }

    @Test
    void aValueThatIsNotHexIsRefusedAsWrongValue() {
        WirepasRequest r = compile("TxtO", "WP=send_data;src_ep=1;dst_ep=1", NODE);
        WriteRefusedException e = assertThrows(WriteRefusedException.class, () -> write(r, "TxtO", "zz", 1));
        assertEquals(WriteFailure.WRONG_VALUE, e.failure());
        assertTrue(e.getMessage().contains("'zz' is not hex text"), e.getMessage());
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        AddressException ex = assertThrows(AddressException.class, e);
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }
}
