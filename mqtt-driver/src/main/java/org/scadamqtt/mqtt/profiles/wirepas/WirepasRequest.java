package org.scadamqtt.mqtt.profiles.wirepas;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.BinaryField;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GenericMessage;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GetConfigsReq;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.GetGwInfoReq;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.RequestHeader;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.SendPacketReq;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.WirepasMessage;

/**
 * An output tag bound to a Wirepas request: {@code WP=send_data;dst=42;src_ep=1;dst_ep=2},
 * {@code WP=get_configs}, {@code WP=get_gw_info}. Options left out come from the station's
 * parameters (gw from wirepasGateway, sink from wirepasSink, dst from wirepasNode, src_ep, dst_ep
 * and qos from wirepasSrcEp, wirepasDstEp and wirepasQos). Each write
 * gets a fresh random 64-bit req_id and completes when the gateway's response with that req_id
 * arrives. Immutable.
 */
final class WirepasRequest implements OutputAddress {

    /** What the request asks; whether it concerns one sink or the whole gateway (no sink in topic or header). */
    enum Operation {
        SEND_DATA("send_data", true), GET_CONFIGS("get_configs", false), GET_GW_INFO("get_gw_info", false);

        final String topicName;
        final boolean perSink;

        Operation(String topicName, boolean perSink) {
            this.topicName = topicName;
            this.perSink = perSink;
        }
    }

    static final String PREFIX = "WP=";
    private static final Set<String> SEND_OPTIONS = Set.of("gw", "sink", "dst", "src_ep", "dst_ep", "qos",
            "hop_limit", "delay", "field");
    // get_configs and get_gw_info ask the whole gateway (gw-request/<request>/<gw-id>): no sink option
    private static final Set<String> GW_OPTIONS = Set.of("gw");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_U32 = 0xFFFF_FFFFL;

    private final Operation operation;
    private final String gateway;
    private final String sink;
    private final long destination;
    private final int sourceEndpoint;
    private final int destinationEndpoint;
    private final int qos;
    private final Integer hopLimit;
    private final Long initialDelayMs;
    private final BinaryField field;

    private WirepasRequest(Operation operation, String gateway, String sink, long destination, int sourceEndpoint,
            int destinationEndpoint, int qos, Integer hopLimit, Long initialDelayMs, BinaryField field) {
        this.operation = operation;
        this.gateway = gateway;
        this.sink = sink;
        this.destination = destination;
        this.sourceEndpoint = sourceEndpoint;
        this.destinationEndpoint = destinationEndpoint;
        this.qos = qos;
        this.hopLimit = hopLimit;
        this.initialDelayMs = initialDelayMs;
        this.field = field;
    }

    /** Whether the address is a Wirepas request address. */
    static boolean isOurs(String address) {
        return address != null && address.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Compiles {@code WP=operation[;option=value]...}.
     *
     * @throws AddressException saying what is wrong and how to write it
     */
    static WirepasRequest compile(TagConfig tag, StationConfig station) {
        String text = tag.address().strip().substring(PREFIX.length());
        String[] parts = text.split(";", -1);
        String opText = parts[0].strip().toLowerCase(Locale.ROOT);
        Operation op = switch (opText) {
            case "send_data" -> Operation.SEND_DATA;
            case "get_configs" -> Operation.GET_CONFIGS;
            case "get_gw_info" -> Operation.GET_GW_INFO;
            default -> throw new AddressException("'" + parts[0].strip() + "' is not a Wirepas request; write "
                    + "WP=send_data;dst=NODE;src_ep=N;dst_ep=N, WP=get_configs or WP=get_gw_info");
        };
        if (!tag.type().isOutput()) {
            throw new AddressException("WP= addresses send requests to a gateway, so the tag must be an output type "
                    + "(TxtO, Co, Ao, Do), not " + tag.type() + "; read answers with JA= on a station of the response topic");
        }
        Map<String, String> options = options(parts, op == Operation.SEND_DATA ? SEND_OPTIONS : GW_OPTIONS, op);
        ParameterValues p = station.parameters();
        String gw = options.getOrDefault("gw", WirepasKeys.gatewayOf(station)).strip();
        if (gw.isEmpty()) {
            throw new AddressException("no gateway: add ;gw=GATEWAY-ID to the address or set the station parameter "
                    + WirepasProfile.GATEWAY + " (a station with address gw-event/status/GATEWAY-ID names it already)");
        }
        checkTopicLevel("gw", gw);
        if (!op.perSink) {
            // the station's wirepasSink is for its send_data tags; a gateway-wide request ignores it
            return new WirepasRequest(op, gw, "", 0, 0, 0, 0, null, null, null);
        }
        String sink = options.getOrDefault("sink", p.text(WirepasProfile.SINK)).strip();
        if (!sink.isEmpty()) {
            checkTopicLevel("sink", sink);
        }
        if (sink.isEmpty()) {
            throw new AddressException("send_data needs the sink that sends: add ;sink=SINK-ID (e.g. sink0) to the "
                    + "address or set the station parameter " + WirepasProfile.SINK);
        }
        long dst;
        if (options.containsKey("dst")) {
            dst = number(options, "dst", 0, MAX_U32);
        } else if (p.has(WirepasProfile.NODE)) {
            dst = p.integer(WirepasProfile.NODE);
        } else {
            throw new AddressException("send_data needs the destination node: add ;dst=NODE-ADDRESS (4294967295 = "
                    + "broadcast) or set the station parameter " + WirepasProfile.NODE);
        }
        int srcEp = (int) tagOrStation(options, "src_ep", p, WirepasProfile.SOURCE_ENDPOINT, 255);
        int dstEp = (int) tagOrStation(options, "dst_ep", p, WirepasProfile.DESTINATION_ENDPOINT, 255);
        int q = options.containsKey("qos") ? (int) number(options, "qos", 0, 1)
                : p.has(WirepasProfile.QOS) ? (int) p.integer(WirepasProfile.QOS) : 0;
        Integer hop = options.containsKey("hop_limit") ? (int) number(options, "hop_limit", 0, 15) : null;
        Long delay = options.containsKey("delay") ? number(options, "delay", 0, MAX_U32) : null;
        BinaryField f = null;
        if (options.containsKey("field")) {
            f = BinaryField.parse(options.get("field"));
        } else if (tag.type() != TagType.TxtO) {
            throw new AddressException("a " + tag.type() + " tag needs ;field=TYPE@0 saying how its value becomes "
                    + "bytes (e.g. ;field=u16be@0, ;field=f32le@0, ;field=bit@0.0); a TxtO tag without it sends hex text");
        }
        return new WirepasRequest(op, gw, sink, dst, srcEp, dstEp, q, hop, delay, f);
    }

    private static Map<String, String> options(String[] parts, Set<String> valid, Operation op) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (key.equals("sink") && !op.perSink) {
                throw new AddressException("'" + part + "': " + op.topicName + " asks the whole gateway (topic "
                        + "gw-request/" + op.topicName + "/GATEWAY-ID, no sink level), so it takes no sink; remove it");
            }
            if (eq < 0 || !valid.contains(key)) {
                throw new AddressException("'" + part + "' is not an option of " + op.topicName + "; its options are "
                        + String.join(", ", valid.stream().sorted().toList()) + ", each written ;name=value");
            }
            if (out.put(key, part.substring(eq + 1).strip()) != null) {
                throw new AddressException("option " + key + " is given twice");
            }
        }
        return out;
    }

    /** An endpoint from the address, else from the station's parameter; one of them must give it. */
    private static long tagOrStation(Map<String, String> options, String key, ParameterValues station,
            String parameter, long max) {
        if (options.containsKey(key)) {
            return number(options, key, 0, max);
        }
        if (station.has(parameter)) {
            return station.integer(parameter);
        }
        throw new AddressException("send_data needs the " + (key.equals("src_ep") ? "source" : "destination")
                + " endpoint: add ;" + key + "=N (0 to 255) to the address or set the station parameter " + parameter
                + ", e.g. WP=send_data;src_ep=1;dst_ep=1");
    }

    private static long number(Map<String, String> options, String key, long min, long max) {
        String v = options.get(key);
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the sentence below says what is expected
        }
        throw new AddressException("option " + key + "=" + v + " must be a whole number from " + min + " to " + max);
    }

    private static void checkTopicLevel(String key, String value) {
        if (value.contains("/") || value.contains("+") || value.contains("#")) {
            throw new AddressException("option " + key + "=" + value + " goes into a topic level, so it may not "
                    + "contain '/', '+' or '#'");
        }
    }

    /**
     * The topic the request is published on: {@code gw-request/send_data/<gw-id>/<sink-id>}, or
     * {@code gw-request/get_configs/<gw-id>} and {@code gw-request/get_gw_info/<gw-id>} (gateway-wide).
     */
    String topic() {
        return "gw-request/" + operation.topicName + "/" + gateway + (operation.perSink ? "/" + sink : "");
    }

    Operation operation() {
        return operation;
    }

    @Override
    public Outgoing encode(WriteRequest request) {
        return encode(request, nextRequestId());
    }

    /** Encodes a write with a given req_id (tests). */
    Outgoing encode(WriteRequest request, long reqId) {
        RequestHeader.Builder header = RequestHeader.newBuilder().setReqId(reqId);
        if (!sink.isEmpty()) {
            header.setSinkId(sink);
        }
        WirepasMessage.Builder w = WirepasMessage.newBuilder();
        switch (operation) {
            case SEND_DATA -> {
                SendPacketReq.Builder b = SendPacketReq.newBuilder().setHeader(header)
                        .setDestinationAddress((int) destination).setSourceEndpoint(sourceEndpoint)
                        .setDestinationEndpoint(destinationEndpoint).setQos(qos)
                        .setPayload(ByteString.copyFrom(payload(request)));
                if (hopLimit != null) {
                    b.setHopLimit(hopLimit);
                }
                if (initialDelayMs != null) {
                    b.setInitialDelayMs((int) initialDelayMs.longValue());
                }
                w.setSendPacketReq(b);
            }
            case GET_CONFIGS -> w.setGetConfigsReq(GetConfigsReq.newBuilder().setHeader(header));
            case GET_GW_INFO -> w.setGetGatewayInfoReq(GetGwInfoReq.newBuilder().setHeader(header));
        }
        byte[] bytes = GenericMessage.newBuilder().setWirepas(w).build().toByteArray();
        return Outgoing.of(topic(), bytes).correlated(WirepasSession.correlation(reqId));
    }

    private byte[] payload(WriteRequest request) {
        Object value = request.value();
        if (value == null) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "no value to send");
        }
        try {
            if (field != null) {
                return field.encode(value);
            }
            if (!(value instanceof String text)) {
                throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "send_data without ;field= takes hex text "
                        + "(e.g. 0a0b), not " + value);
            }
            byte[] bytes = HexFormat.of().parseHex(text.replaceAll("[\\s:]", ""));
            if (bytes.length == 0) {
                throw new WriteRefusedException(WriteFailure.WRONG_VALUE, "the hex text is empty; send at least one byte");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new WriteRefusedException(WriteFailure.WRONG_VALUE, field == null
                    ? "'" + value + "' is not hex text (pairs of 0-9 a-f)" : e.getMessage());
        }
    }

    /** A fresh request id: 64 random bits, never 0 (0 marks an unsolicited response). */
    static long nextRequestId() {
        long id;
        do {
            id = RANDOM.nextLong();
        } while (id == 0);
        return id;
    }

    @Override
    public String toString() {
        return "WirepasRequest[" + topic() + "]";
    }
}
