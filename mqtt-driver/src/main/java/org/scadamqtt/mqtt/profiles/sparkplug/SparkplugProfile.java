package org.scadamqtt.mqtt.profiles.sparkplug;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.ParameterScope;
import org.scadamqtt.config.ParameterType;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.AddressSyntax;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileAddress;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profile.Will;
import org.scadamqtt.tag.TagType;

/**
 * Payload Type {@code SparkplugB}: the line is a Sparkplug B host application (Eclipse Sparkplug
 * 3.0). Stations stand for edge nodes and devices, {@code SP=metric name} tags read and write
 * metrics, and with {@code sparkplugHostId} the line is the primary host (STATE birth and will).
 * docs/profiles/sparkplug.md is the user's page.
 */
public final class SparkplugProfile implements PayloadProfile {

    /** The Payload Type value. */
    public static final String CODE = "SparkplugB";
    /** Line parameter: the primary host id. */
    public static final String HOST_ID = "sparkplugHostId";
    /** Line parameter: whether Rebirth requests are sent. */
    public static final String REBIRTH = "sparkplugRequestRebirth";
    /** Line parameter: least time between Rebirth requests to one edge node. */
    public static final String REBIRTH_INTERVAL = "sparkplugRebirthInterval";
    /** Station parameter: the edge node or device the station stands for. */
    public static final String EDGE = "sparkplugEdge";
    /** Station parameter: whether writes wait for the value to come back. */
    public static final String CONFIRM = "sparkplugConfirmWrites";

    static final String PREFIX = "SP=";

    private static final List<ParameterDescriptor> LINE = List.of(
            ParameterDescriptor.builder(HOST_ID, ParameterType.TEXT, ParameterScope.LINE)
                    .description("(Sparkplug) The host id H of a primary host application: after connecting and "
                            + "subscribing the line publishes spBv1.0/STATE/H {\"online\":true,...} (QoS 1, retained) and "
                            + "registers {\"online\":false,...} as its will, replacing the line's will parameters. Empty: "
                            + "a secondary host that publishes no STATE.").build(),
            ParameterDescriptor.builder(REBIRTH, ParameterType.BOOLEAN, ParameterScope.LINE)
                    .description("(Sparkplug) Whether the line asks an edge node to rebirth (NCMD Node Control/Rebirth) "
                            + "after a sequence gap, an unknown alias or data before a birth; default YES.").build(),
            ParameterDescriptor.builder(REBIRTH_INTERVAL, ParameterType.SECONDS, ParameterScope.LINE)
                    .range("0.1", "3600")
                    .description("(Sparkplug) The least time between two Rebirth requests to one edge node; default 10 s.")
                    .build());

    private static final List<ParameterDescriptor> STATION = List.of(
            ParameterDescriptor.builder(EDGE, ParameterType.TEXT, ParameterScope.STATION)
                    .description("(Sparkplug) The edge node (group/node) or device (group/node/device) this station "
                            + "stands for. Without it, a station address of that form is used.").build(),
            ParameterDescriptor.builder(CONFIRM, ParameterType.BOOLEAN, ParameterScope.STATION)
                    .description("(Sparkplug) Whether an SP= write completes only when the edge node reports the "
                            + "written value back (NDATA/DDATA) within the line's Reply Timeout; default NO: it "
                            + "completes when the command is sent.").build());

    /** For {@link java.util.ServiceLoader}. */
    public SparkplugProfile() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<String> aliases() {
        return List.of("Sparkplug", "spBv1.0");
    }

    @Override
    public String description() {
        return "Sparkplug B host application (Eclipse Sparkplug 3.0): stations stand for edge nodes and devices, SP= tags "
                + "read metrics from births and data by alias and write them with NCMD/DCMD";
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
        Set<TagType> all = Set.of(TagType.Ai, TagType.Ci, TagType.Di, TagType.TxtI, TagType.TiA, TagType.TiR,
                TagType.Qi, TagType.Ao, TagType.Co, TagType.Do, TagType.TxtO, TagType.ToA, TagType.ToR);
        return List.of(new AddressSyntax("SP=metric name", all, "the value of a metric of the station's edge node or "
                + "device, with the metric's own timestamp and quality (alias resolved from the birth); on an output tag "
                + "(or an input tag marked writable) a write sends NCMD/DCMD with the metric's name, alias and data type, e.g. "
                + "SP=Motor/Speed"));
    }

    @Override
    public Optional<ProfileAddress> compile(TagConfig tag, StationConfig station) {
        String a = tag.address() == null ? "" : tag.address().strip();
        if (!a.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String metric = a.substring(PREFIX.length()).strip();
        if (metric.isEmpty()) {
            throw new AddressException("SP= needs a metric name as the edge node announces it in its birth, e.g. "
                    + "SP=Motor/Speed");
        }
        EdgeRef edge = EdgeRef.of(station).orElseThrow(() -> new AddressException("station " + station.name()
                + " does not say which edge node or device it stands for: set its parameter " + EDGE
                + " to group/node or group/node/device, or give it such an address"));
        boolean confirm = station.parameters().has(CONFIRM) && station.parameters().bool(CONFIRM);
        if (tag.type().isOutput()) {
            return Optional.of(new MetricOutput(edge, metric, confirm));
        }
        if (tag.writable()) {
            return Optional.of(new WritableMetric(new MetricInput(edge, metric), new MetricOutput(edge, metric, confirm)));
        }
        return Optional.of(new MetricInput(edge, metric));
    }

    @Override
    public List<String> stationKeys(StationConfig station) {
        return EdgeRef.of(station).map(EdgeRef::keys).orElse(List.of());
    }

    @Override
    public List<ConfigProblem> validate(LineConfig line) {
        List<ConfigProblem> out = new ArrayList<>();
        var p = line.parameters();
        if (p == null) {
            return out;
        }
        String host = p.has(HOST_ID) ? p.text(HOST_ID).strip() : "";
        if (!host.isEmpty() && !SparkplugTopic.validId(host)) {
            out.add(new ConfigProblem(p.location(HOST_ID, line.location()), "sparkplug-host-id", HOST_ID + " '" + host
                    + "' goes into the topic spBv1.0/STATE/" + host + ", so it may not contain '/', '+' or '#'"));
        }
        if (!host.isEmpty() && p.has("cleanSession") && !p.bool("cleanSession")) {
            out.add(new ConfigProblem(p.location("cleanSession", line.location()), "sparkplug-clean-session",
                    "a Sparkplug host application must connect with Clean Session YES (Sparkplug 3.0, "
                            + "message-flow-phid-sparkplug-clean-session); set cleanSession to YES"));
        }
        for (StationConfig st : line.stations()) {
            String edge = st.parameters().has(EDGE) ? st.parameters().text(EDGE).strip() : "";
            if (!edge.isEmpty() && EdgeRef.parse(edge).isEmpty()) {
                out.add(new ConfigProblem(st.parameters().location(EDGE, st.location()), "sparkplug-edge",
                        "station " + st.name() + ": " + EDGE + " '" + edge + "' is not group/node or group/node/device "
                                + "(each part non-empty, without '/', '+' or '#')"));
            }
        }
        return out;
    }

    @Override
    public Optional<Will> will(LineConfig line) {
        var p = line.parameters();
        String host = p == null || !p.has(HOST_ID) ? "" : p.text(HOST_ID).strip();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        long ts = HostState.timestamp(line.name(), Clock.systemUTC());
        return Optional.of(new Will(SparkplugTopic.state(host), HostState.payload(false, ts), 1, true));
    }

    @Override
    public ProfileSession open(ProfileContext context) {
        return new SparkplugSession(context, SparkplugSettings.of(context == null ? null : context.line()));
    }
}
