package org.scadamqtt.mqtt.profiles.wirepas;

import java.util.List;
import java.util.Map;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.StationSignal;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.ErrorCode;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GenericMessage;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.OnOffState;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.PacketReceivedEvent;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.ResponseHeader;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SetConfigResp;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.StatusEvent;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.WirepasMessage;

/**
 * The Wirepas profile's state for one line. {@link #inspect} decodes every message once, on the
 * line's dispatch thread:
 * <ul>
 *   <li>a received packet goes to the station of its node (routing keys), a repeat of an event
 *       id seen lately is dropped and counted;</li>
 *   <li>a gateway status goes to the gateway's station with its values and to the stations of
 *       its nodes as a bare signal (ON clears, OFF and an empty retained status fault);</li>
 *   <li>a response completes the write waiting for its req_id; send_data responses end there,
 *       get_configs and get_gw_info responses (gateway-wide: {@code gw-response/<request>/<gw-id>})
 *       then go to the stations of that topic, req_id 0 (unsolicited) too; a set_config
 *       response updates the get_configs stations of its gateway ({@link SinkConfigs}).</li>
 * </ul>
 */
final class WirepasSession implements ProfileSession {

    static final String DUPLICATES = "wirepas duplicate events";
    static final String UNKNOWN_RESPONSES = "wirepas responses to unknown requests";
    static final String UNDECODABLE = "wirepas undecodable messages";
    static final String MISSING_REQUIRED = "wirepas messages missing required fields";

    private final ProfileContext context;
    private final DuplicateWindow duplicates;
    private final SinkConfigs sinkConfigs = new SinkConfigs();

    WirepasSession(ProfileContext context, int window) {
        this.context = context;
        this.duplicates = new DuplicateWindow(window);
    }

    static String correlation(long reqId) {
        return "wirepas-req:" + Long.toUnsignedString(reqId);
    }

    @Override
    public Decoded decode(InboundView message) {
        if (message.payload().length == 0 && WirepasTopic.parse(message.topic()).kind() == WirepasTopic.Kind.STATUS) {
            return removed(WirepasTopic.parse(message.topic()).gateway(), true);
        }
        return WirepasCodec.decode(message.payload());
    }

    @Override
    public Inspection inspect(InboundView message) {
        WirepasTopic topic = WirepasTopic.parse(message.topic());
        if (topic.kind() == WirepasTopic.Kind.STATUS && message.payload().length == 0) {
            String gw = topic.gateway();
            return Inspection.routeByKeys(removed(gw, true), List.of(WirepasKeys.gateway(gw),
                    WirepasKeys.follower(gw)), Map.of(WirepasKeys.follower(gw), removed(gw, false)));
        }
        Decoded d = WirepasCodec.decode(message.payload());
        if (d.failed()) {
            count(UNDECODABLE);
            return Inspection.byTopic(d);
        }
        if (d.document().has("missing_required")) {
            count(MISSING_REQUIRED);
        }
        WirepasMessage w = ((GenericMessage) d.body()).getWirepas();
        if (w.hasPacketReceivedEvent()) {
            return received(topic, w.getPacketReceivedEvent(), d);
        }
        if (w.hasStatusEvent()) {
            return status(topic, w.getStatusEvent(), d);
        }
        if (w.hasSendPacketResp()) {
            answer(w.getSendPacketResp().getHeader(), "send_data");
            return Inspection.handled();
        }
        if (w.hasGetConfigsResp()) {
            ResponseHeader h = w.getGetConfigsResp().getHeader();
            answer(h, "get_configs");
            if (w.getGetConfigsResp().getConfigsCount() > 0) {
                sinkConfigs.reported(gatewayOf(topic, h), w.getGetConfigsResp().getConfigsList());
            }
            return toAnswerStations("get_configs", topic, h, d);
        }
        if (w.hasGetGatewayInfoResp()) {
            answer(w.getGetGatewayInfoResp().getHeader(), "get_gw_info");
            return toAnswerStations("get_gw_info", topic, w.getGetGatewayInfoResp().getHeader(), d);
        }
        if (w.hasSetConfigResp()) {
            return configChanged(topic, w.getSetConfigResp(), d);
        }
        return Inspection.byTopic(d);
    }

    private Inspection received(WirepasTopic topic, PacketReceivedEvent e, Decoded d) {
        String gw = e.getHeader().hasGwId() ? e.getHeader().getGwId() : topic.gateway();
        if (e.getHeader().hasEventId() && duplicates.repeated(gw, e.getHeader().getEventId())) {
            count(DUPLICATES);
            return Inspection.handled();
        }
        if (!e.hasSourceAddress()) {
            return Inspection.byTopic(d);
        }
        long node = Integer.toUnsignedLong(e.getSourceAddress());
        return Inspection.routeByKeys(d, List.of(WirepasKeys.node(gw, node), WirepasKeys.node(node)));
    }

    private Inspection status(WirepasTopic topic, StatusEvent s, Decoded d) {
        String gw = topic.kind() == WirepasTopic.Kind.STATUS ? topic.gateway() : s.getHeader().getGwId();
        if (s.getConfigsCount() > 0) {
            sinkConfigs.reported(gw, s.getConfigsList());
        }
        if (!s.hasState()) {
            // a state number newer than ours: the values still go to the gateway's station, nothing is signalled
            return Inspection.routeByKeys(d, List.of(WirepasKeys.gateway(gw)));
        }
        Decoded own;
        Decoded nodes;
        if (s.getState() == OnOffState.ON) {
            own = d.withSignal(StationSignal.clear("gateway " + gw + " is ON", true));
            nodes = Decoded.nothing().withSignal(StationSignal.clear("gateway " + gw + " is ON", false));
        } else {
            String why = "gateway " + gw + " is OFF: it lost its connection to the broker or was stopped (its last will)";
            own = d.withSignal(StationSignal.fault(why));
            nodes = Decoded.nothing().withSignal(StationSignal.fault(why));
        }
        return Inspection.routeByKeys(own, List.of(WirepasKeys.gateway(gw), WirepasKeys.follower(gw)),
                Map.of(WirepasKeys.follower(gw), nodes));
    }

    /**
     * A set_config answer (unsolicited with req_id 0 when the gateway's configuration changed)
     * carries the changed sink: the gateway's config stations get it merged into the sinks they
     * read as a get_configs answer; by topic the SetConfigResp itself goes on.
     */
    private Inspection configChanged(WirepasTopic topic, SetConfigResp r, Decoded d) {
        answer(r.getHeader(), "set_config");
        String gw = gatewayOf(topic, r.getHeader());
        if (gw.isEmpty() || !r.hasConfig()) {
            return Inspection.byTopic(d);
        }
        String key = WirepasKeys.answers("get_configs", gw);
        return Inspection.routeByKeys(d, List.of(key), Map.of(key, sinkConfigs.changed(gw, r)));
    }

    private static String gatewayOf(WirepasTopic topic, ResponseHeader h) {
        return topic.kind() == WirepasTopic.Kind.RESPONSE ? topic.gateway() : h.getGwId();
    }

    /**
     * A gateway-wide answer (solicited or not: its configuration is news either way) goes to the
     * stations of gw-response/<request>/<gw-id>; by topic when there is none.
     */
    private static Inspection toAnswerStations(String request, WirepasTopic topic, ResponseHeader h, Decoded d) {
        String gw = gatewayOf(topic, h);
        return gw.isEmpty() ? Inspection.byTopic(d) : Inspection.routeByKeys(d, List.of(WirepasKeys.answers(request, gw)));
    }

    private static Decoded removed(String gw, boolean own) {
        return Decoded.nothing().withSignal(StationSignal.fault("gateway " + gw + " was removed: its retained status "
                + "was cleared (empty payload)" + (own ? "" : "; this node was reached through it")));
    }

    private void answer(ResponseHeader h, String request) {
        if (!h.hasReqId() || h.getReqId() == 0) {
            return; // unsolicited (a configuration change): no write waits for it
        }
        WriteResult result;
        if (h.hasRes() && h.getRes() == ErrorCode.OK) {
            result = WriteResult.success();
        } else {
            String code = h.hasRes() ? h.getRes().name() : unknownCode(h);
            result = WriteResult.failed(WriteFailure.REJECTED, "gateway " + h.getGwId() + " answered the " + request
                    + " request (req_id " + Long.toUnsignedString(h.getReqId()) + ") with " + code);
        }
        if (!context.completeReply(correlation(h.getReqId()), result)) {
            count(UNKNOWN_RESPONSES);
        }
    }

    private static String unknownCode(ResponseHeader h) {
        var f = h.getUnknownFields().getField(4);
        return f.getVarintList().isEmpty() ? "no result code" : "error code " + f.getVarintList().get(0).intValue();
    }

    private void count(String counter) {
        if (context != null) {
            context.count(counter);
        }
    }
}
