package org.scadamqtt.mqtt.profiles.wirepas;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.ParameterScope;
import org.scadamqtt.config.ParameterType;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.mqtt.profile.AddressSyntax;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileAddress;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.tag.TagType;

/**
 * Payload Type {@code Wirepas}: the Wirepas backend-to-gateway API (protobuf GenericMessage on
 * gw-event/gw-request/gw-response topics). docs/profiles/wirepas.md is the user's page.
 */
public final class WirepasProfile implements PayloadProfile {

    /** The Payload Type value. */
    public static final String CODE = "Wirepas";
    /** Station parameter: the node address a station stands for. */
    public static final String NODE = "wirepasNode";
    /** Station parameter: the gateway id of a node station or gateway station. */
    public static final String GATEWAY = "wirepasGateway";
    /** Station parameter: the sink that sends a station's send_data requests. */
    public static final String SINK = "wirepasSink";
    /** Station parameter: whether a node station follows its gateway's status. */
    public static final String FOLLOW = "wirepasFollowGateway";
    /** Station parameter: the source endpoint of send_data tags whose address has no src_ep. */
    public static final String SOURCE_ENDPOINT = "wirepasSrcEp";
    /** Station parameter: the destination endpoint of send_data tags whose address has no dst_ep. */
    public static final String DESTINATION_ENDPOINT = "wirepasDstEp";
    /** Station parameter: the Wirepas QoS of send_data tags whose address has no qos. */
    public static final String QOS = "wirepasQos";
    /** Line parameter: how many event ids are remembered to drop duplicates. */
    public static final String WINDOW = "wirepasDuplicateWindow";
    /** Event ids remembered when wirepasDuplicateWindow is not set. */
    public static final int DEFAULT_WINDOW = 10_000;

    private static final List<ParameterDescriptor> LINE = List.of(
            ParameterDescriptor.builder(WINDOW, ParameterType.INTEGER, ParameterScope.LINE).range("0", "1000000")
                    .description("(Wirepas) How many recent event ids are remembered to drop an event a QoS 1 "
                            + "delivery brought twice; default " + DEFAULT_WINDOW + ", 0 turns it off.").build());

    private static final List<ParameterDescriptor> STATION = List.of(
            ParameterDescriptor.builder(NODE, ParameterType.INTEGER, ParameterScope.STATION).range("0", "4294967295")
                    .description("(Wirepas) The node address (source_address) this station stands for: it receives "
                            + "that node's packets whatever its own address. Also the default dst of its send_data tags.")
                    .build(),
            ParameterDescriptor.builder(GATEWAY, ParameterType.TEXT, ParameterScope.STATION)
                    .description("(Wirepas) The gateway id. On a node station: only that gateway's packets of the node, "
                            + "and the station follows the gateway's status. On a station without wirepasNode: the station "
                            + "receives that gateway's status.").build(),
            ParameterDescriptor.builder(SINK, ParameterType.TEXT, ParameterScope.STATION)
                    .description("(Wirepas) The sink id (e.g. sink0) that sends this station's send_data requests.")
                    .build(),
            ParameterDescriptor.builder(SOURCE_ENDPOINT, ParameterType.INTEGER, ParameterScope.STATION).range("0", "255")
                    .description("(Wirepas) The source endpoint of this station's send_data tags whose address has "
                            + "no ;src_ep=.").build(),
            ParameterDescriptor.builder(DESTINATION_ENDPOINT, ParameterType.INTEGER, ParameterScope.STATION)
                    .range("0", "255").description("(Wirepas) The destination endpoint of this station's send_data "
                            + "tags whose address has no ;dst_ep=.").build(),
            ParameterDescriptor.builder(QOS, ParameterType.INTEGER, ParameterScope.STATION).range("0", "1")
                    .description("(Wirepas) The Wirepas QoS (0 normal, 1 high priority) of this station's send_data "
                            + "tags whose address has no ;qos=; default 0.").build(),
            ParameterDescriptor.builder(FOLLOW, ParameterType.BOOLEAN, ParameterScope.STATION)
                    .description("(Wirepas) Whether a node station with wirepasGateway goes to StHARDERR when its gateway "
                            + "is OFF or removed, and back when it is ON; default YES.").build());

    /** For {@link java.util.ServiceLoader}. */
    public WirepasProfile() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String description() {
        return "Wirepas gateways (protobuf): JA= tags read the decoded message, stations stand for nodes or gateways, "
                + "WP= tags send requests answered by the gateway";
    }

    @Override
    public List<ParameterDescriptor> lineParameters() {
        return LINE;
    }

    @Override
    public List<ParameterDescriptor> stationParameters() {
        return STATION;
    }

    @Override
    public List<AddressSyntax> addressSyntax() {
        Set<TagType> outputs = Set.of(TagType.TxtO, TagType.Co, TagType.Ao, TagType.Do);
        return List.of(
                new AddressSyntax("WP=send_data[;dst=N][;src_ep=N][;dst_ep=N][;qos=0|1][;field=TYPE@0]", outputs,
                        "sends the value to a node (SendPacketReq) and waits for the gateway's answer; dst, src_ep, "
                                + "dst_ep and qos left out come from the station (wirepasNode, wirepasSrcEp, wirepasDstEp, "
                                + "wirepasQos); TxtO without field= sends hex text, e.g. WP=send_data;dst=42;src_ep=1;dst_ep=1"),
                new AddressSyntax("WP=get_configs", outputs, "asks the gateway for its sinks' configuration"),
                new AddressSyntax("WP=get_gw_info", outputs, "asks the gateway for its model and version"));
    }

    @Override
    public Optional<ProfileAddress> compile(TagConfig tag, StationConfig station) {
        if (!WirepasRequest.isOurs(tag.address())) {
            return Optional.empty();
        }
        return Optional.of(WirepasRequest.compile(tag, station));
    }

    @Override
    public List<String> stationKeys(StationConfig station) {
        return WirepasKeys.of(station);
    }

    @Override
    public ProfileSession open(ProfileContext context) {
        int window = DEFAULT_WINDOW;
        if (context != null) {
            LineConfig line = context.line();
            if (line != null && line.parameters().has(WINDOW)) {
                window = (int) line.parameters().integer(WINDOW);
            }
        }
        return new WirepasSession(context, window);
    }
}
