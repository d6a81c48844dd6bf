package org.scadamqtt.mqtt.internal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.SourceLocation;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.mqtt.profile.JsonPath;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.mqtt.internal.bind.AddressCompiler;
import org.scadamqtt.mqtt.internal.bind.CompiledTag;
import org.scadamqtt.mqtt.internal.bind.TagAddress;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.internal.bind.TimeMask;
import org.scadamqtt.mqtt.internal.bind.TimeZones;
import org.scadamqtt.mqtt.internal.client.BrokerUri;
import org.scadamqtt.mqtt.internal.client.ClientIds;

/**
 * The MQTT driver's checks of a line, beyond what the parameter table expresses: tag addresses
 * and their types, JSON paths, station addresses, topics, time settings and TLS settings. Every
 * problem found is returned, located at the line, station or tag it concerns; it never throws.
 */
public final class MqttConfigValidator {

    private static final Set<String> TLS_VERSIONS = Set.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");

    private final LineConfig line;
    private final ParameterValues p;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private final PayloadProfile profile;

    private MqttConfigValidator(LineConfig line) {
        this.line = line;
        this.p = line.parameters();
        this.profile = ProfileRegistry.standard().find(p.text(MqttParameters.PAYLOAD_TYPE))
                .orElseGet(() -> ProfileRegistry.standard().require(MqttParameters.PAYLOAD_TEXT));
    }

    /** The profile of a station: its own payloadType, else the line's. */
    private PayloadProfile profileOf(StationConfig s) {
        return ProfileRegistry.standard().ofStation(line, s).orElse(profile);
    }

    /** How a station came by its payload type, for messages. */
    private String payloadTypeText(StationConfig s) {
        return s.parameters().has(MqttParameters.PAYLOAD_TYPE) ? "the station's payloadType is " + profileOf(s).code()
                : "the line's payloadType is " + profile.code();
    }

    /**
     * Each profile's own checks, run on the line with only its own stations; the line parameters of
     * payload types the line does not use, and station parameters of another payload type than the
     * station's, are refused.
     */
    private void profileChecks() {
        Map<PayloadProfile, List<StationConfig>> used = new LinkedHashMap<>();
        used.put(profile, new ArrayList<>());
        for (StationConfig s : line.stations()) {
            used.computeIfAbsent(profileOf(s), k -> new ArrayList<>()).add(s);
        }
        String usedCodes = String.join(", ", used.keySet().stream().map(PayloadProfile::code).toList());
        for (PayloadProfile other : ProfileRegistry.standard().all()) {
            if (used.containsKey(other)) {
                continue;
            }
            for (ParameterDescriptor d : other.lineParameters()) {
                if (p.has(d.name())) {
                    add(p.location(d.name(), line.location()), "PARAMETER_OF_OTHER_PROFILE", "line '" + line.name()
                            + "': parameter '" + d.name() + "' belongs to payloadType " + other.code() + ", but the "
                            + "line's payloadType is " + profile.code() + (used.size() > 1 ? " and its stations use "
                            + usedCodes + " only" : ""));
                }
            }
        }
        for (StationConfig s : line.stations()) {
            PayloadProfile own = profileOf(s);
            for (PayloadProfile other : ProfileRegistry.standard().all()) {
                if (other == own) {
                    continue;
                }
                for (ParameterDescriptor d : other.stationParameters()) {
                    if (s.parameters().has(d.name())) {
                        add(s.parameters().location(d.name(), s.location()), "PARAMETER_OF_OTHER_PROFILE", "station '"
                                + s.name() + "': parameter '" + d.name() + "' belongs to payloadType " + other.code()
                                + ", but " + payloadTypeText(s));
                    }
                }
            }
        }
        used.forEach(this::profileValidates);
    }

    /** One profile's own checks, on the line with only its stations. */
    private void profileValidates(PayloadProfile pp, List<StationConfig> stations) {
        LineConfig own = stations.size() == line.stations().size() ? line : line.withStations(stations);
        if (pp != profile && pp.will(line).isPresent()) {
            add(line.location(), "PROFILE_WILL_NOT_LINE", "line '" + line.name() + "': payloadType " + pp.code()
                    + " of its stations asks for an MQTT will (set by its line parameters), but a line's will is "
                    + "always that of the line's own payloadType " + profile.code() + "; give the line payloadType "
                    + pp.code() + " or remove the parameters that ask for the will");
        }
        try {
            problems.addAll(pp.validate(own));
        } catch (RuntimeException e) {
            add(line.location(), "PROFILE_FAILED", "line '" + line.name() + "': payload profile " + pp.code()
                    + " could not check the line: " + e);
        }
    }

    /** All problems of one line of protocol {@code mqtt}; empty when it can run. */
    public static List<ConfigProblem> validate(LineConfig line) {
        MqttConfigValidator v = new MqttConfigValidator(line);
        v.lineChecks();
        StationConfig hashStation = null;
        StationConfig restStation = null;
        TagConfig firstTextJa = null;
        StationConfig firstTextJaStation = null;
        int textJaCount = 0;
        for (StationConfig s : line.stations()) {
            if (s.address().equals("#")) {
                if (hashStation != null) {
                    v.add(s.location(), "DUPLICATE_CATCH_ALL", "station '" + s.name() + "' has address '#' like "
                            + "station '" + hashStation.name() + "' (" + hashStation.location() + "); a line may have "
                            + "one '#' station, which takes every message");
                } else {
                    hashStation = s;
                }
            }
            if (s.address().equals(".*")) {
                if (restStation != null) {
                    v.add(s.location(), "DUPLICATE_CATCH_ALL", "station '" + s.name() + "' has address '.*' like "
                            + "station '" + restStation.name() + "' (" + restStation.location() + "); a line may "
                            + "have one '.*' station, which takes the messages no other station takes");
                } else {
                    restStation = s;
                }
            }
            v.stationChecks(s);
            for (TagConfig t : s.tags()) {
                if ("JA_NEEDS_JSON".equals(AddressCompiler.compile(t, s, v.profileOf(s)).errorCode())) {
                    textJaCount++;
                    if (firstTextJa == null) {
                        firstTextJa = t;
                        firstTextJaStation = s;
                    }
                }
            }
        }
        if (firstTextJa != null) {
            StationConfig at = firstTextJaStation;
            v.add(firstTextJa.location(), "JA_NEEDS_JSON", "tag '" + firstTextJa.name() + "'"
                    + (textJaCount > 1 ? " and " + (textJaCount - 1) + " other JA= tag(s)" : "") + " of line '"
                    + line.name() + "' read JSON, but " + v.payloadTypeText(at) + "; add "
                    + "<param name=\"payloadType\">JSON</param> to the " + (at.parameters().has(MqttParameters
                            .PAYLOAD_TYPE) ? "station" : "line") + " or use IN_DATA");
        }
        v.profileChecks();
        v.problems.addAll(MqttConfigWarnings.of(line));
        return List.copyOf(v.problems);
    }

    private void add(SourceLocation at, String code, String message) {
        problems.add(new ConfigProblem(at, code, message));
    }

    private void lineChecks() {
        SourceLocation at = line.location();
        String where = "line '" + line.name() + "': ";
        for (Object f : p.all(MqttParameters.TOPIC_FILTER)) {
            String problem = TopicRules.filterProblem(f.toString());
            if (problem != null) {
                add(at, "BAD_TOPIC_FILTER", where + "topicFilter '" + f + "' " + problem);
            }
        }
        Object clientId = p.get(MqttParameters.CLIENT_ID);
        if (clientId != null && clientId.toString().isBlank() && !p.bool(MqttParameters.CLEAN_SESSION)) {
            add(at, "BLANK_CLIENT_ID_NEEDS_CLEAN_SESSION", where + ClientIds.BLANK_NEEDS_CLEAN_SESSION);
        }
        // the time field is a line parameter: it is read wherever a station of the line has a document
        boolean json = profile.producesDocument()
                || line.stations().stream().anyMatch(st -> profileOf(st).producesDocument());
        String timeField = p.text(MqttParameters.TIME_FIELD_NAME);
        if (!timeField.isEmpty()) {
            if (!json) {
                add(at, "TIME_FIELD_NEEDS_JSON", where + "timeFieldName '" + timeField + "' is set but payloadType "
                        + "is " + profile.code() + "; a time field is read from JSON payloads only: set payloadType to JSON or remove "
                        + "timeFieldName");
            }
            try {
                JsonPath.compile(timeField);
            } catch (IllegalArgumentException e) {
                add(p.location(MqttParameters.TIME_FIELD_NAME, at), "BAD_JSON_PATH", where + "timeFieldName '" + timeField + "': " + e.getMessage());
            }
        }
        try {
            TimeMask.compile(p.text(MqttParameters.TIME_MASK));
        } catch (IllegalArgumentException e) {
            add(p.location(MqttParameters.TIME_MASK, at), "BAD_TIME_MASK", where + "timeMask '" + p.text(MqttParameters.TIME_MASK) + "': " + e.getMessage());
        }
        if (p.bool(MqttParameters.WILL_FLAG)) {
            String willTopic = p.text(MqttParameters.WILL_TOPIC);
            String problem = TopicRules.topicNameProblem(willTopic);
            if (problem != null) {
                add(at, "BAD_WILL", where + "willFlag is YES but willTopic '" + willTopic + "' " + problem
                        + "; set willTopic to the topic the broker should publish the will to");
            }
        }
        Duration min = p.seconds(MqttParameters.RECONNECT_MIN_DELAY);
        Duration max = p.seconds(MqttParameters.RECONNECT_MAX_DELAY);
        if (min.compareTo(max) > 0) {
            add(at, "BAD_VALUE", where + "reconnectMinDelay (" + min.toMillis() / 1000.0 + " s) is longer than "
                    + "reconnectMaxDelay (" + max.toMillis() / 1000.0 + " s); the first must not exceed the second");
        }
        tlsChecks(at, where);
    }

    private void tlsChecks(SourceLocation at, String where) {
        boolean tls = false;
        for (String h : line.hosts()) {
            try {
                tls |= BrokerUri.parse(h, line.port(), profile.tlsByDefault()).tls();
            } catch (IllegalArgumentException e) {
                add(at, "BAD_HOST", where + e.getMessage());
            }
        }
        boolean keyStore = !p.text(MqttParameters.KEY_STORE).isEmpty();
        boolean trustStore = !p.text(MqttParameters.TRUST_STORE).isEmpty();
        if (keyStore && p.text(MqttParameters.KEY_STORE_PASSWORD).isEmpty()) {
            add(at, "TLS_KEY_STORE_PASSWORD", where + "keyStore is set but keyStorePassword is empty; a key store "
                    + "holding a private key needs its password (write ${env:NAME} or ${file:PATH} to keep it out "
                    + "of the file)");
        }
        if ((keyStore || trustStore) && !tls) {
            add(at, "TLS_UNUSED", where + (keyStore ? "keyStore" : "trustStore") + " is set but no host uses TLS; "
                    + "write the hosts as ssl://host:8883 or wss://host/mqtt, or remove the store");
        }
        for (String v : LIST_SEPARATOR.split(p.text(MqttParameters.TLS_VERSIONS).strip())) {
            if (!TLS_VERSIONS.contains(v)) {
                add(at, "BAD_VALUE", where + "tlsVersions has '" + v + "'; valid versions are TLSv1.3, TLSv1.2 "
                        + "(and the outdated TLSv1.1, TLSv1), comma separated");
            }
        }
    }

    private void stationChecks(StationConfig s) {
        String where = "station '" + s.name() + "': ";
        String addressProblem = TopicRules.stationAddressProblem(s.address());
        if (addressProblem != null) {
            add(s.location(), "BAD_STATION_ADDRESS", where + "address '" + s.address() + "' " + addressProblem);
        }
        ParameterValues sp = s.parameters();
        if (!sp.text(MqttParameters.SWP).isEmpty() && sp.text(MqttParameters.SWT).isEmpty()) {
            add(s.location(), "SWP_WITHOUT_SWT", where + "SWP (Station Will Payload) is set but SWT (Station Will "
                    + "Topic) is not; SWP only narrows which SWT messages count, so set SWT too");
        }
        String swt = sp.text(MqttParameters.SWT);
        if (!swt.isEmpty()) {
            String problem = TopicRules.topicNameProblem(swt);
            if (problem != null) {
                add(s.location(), "BAD_VALUE", where + "SWT '" + swt + "' " + problem);
            }
        }
        if (sp.has(MqttParameters.TIME_ZONE)) {
            try {
                TimeZones.parse(sp.text(MqttParameters.TIME_ZONE));
            } catch (IllegalArgumentException e) {
                add(s.location(), "BAD_TIME_ZONE", where + e.getMessage());
            }
        }
        TagConfig outTopic = null;
        TagConfig outValue = null;
        for (TagConfig t : s.tags()) {
            CompiledTag a = AddressCompiler.compile(t, s, profileOf(s));
            // a tag of the wrong type is reported once, by tagChecks, not again as a missing partner
            if (tagChecks(s, t, a)) {
                if (a.kind() == TagAddress.Kind.OUT_TOPIC) {
                    outTopic = t;
                } else if (a.kind() == TagAddress.Kind.OUT_VALUE) {
                    outValue = t;
                }
            }
        }
        if (outValue != null && outTopic == null) {
            add(outValue.location(), "OUT_VALUE_WITHOUT_OUT_TOPIC", where + "tag '" + outValue.name() + "' (OUT_VALUE) "
                    + "has no OUT_TOPIC tag on the station to say where to publish; add a TxtO tag with address "
                    + "OUT_TOPIC");
        }
        if (outTopic != null && outValue == null) {
            add(outTopic.location(), "OUT_TOPIC_WITHOUT_OUT_VALUE", where + "tag '" + outTopic.name() + "' (OUT_TOPIC) "
                    + "has no OUT_VALUE tag on the station, so nothing is ever published; add a TxtO tag with "
                    + "address OUT_VALUE");
        }
    }

    /** Checks one tag; whether its address takes its type. */
    private boolean tagChecks(StationConfig s, TagConfig t, CompiledTag a) {
        String who = "tag '" + t.name() + "' of station '" + s.name() + "'";
        if (a.kind() == TagAddress.Kind.UNKNOWN) {
            add(t.location(), "UNKNOWN_ADDRESS", who + " has address '" + t.address() + "'; valid addresses are "
                    + TagRules.allAddresses() + profileOf(s).addressSyntax().stream().map(x -> ", " + x.syntax())
                            .collect(java.util.stream.Collectors.joining()));
            return false;
        }
        if ("JA_NEEDS_JSON".equals(a.errorCode())) {
            return true; // reported once for the whole line
        }
        if (a.kind() == TagAddress.Kind.TOPIC_LEVEL || a.kind() == TagAddress.Kind.BINARY
                || a.kind() == TagAddress.Kind.PROFILE) {
            if (!a.ok()) {
                add(t.location(), a.errorCode(), who + " has " + a.error());
                return false;
            }
            return true;
        }
        TagRules.AddressRule rule = TagRules.rule(a.kind());
        if (!rule.types().contains(t.type())) {
            add(t.location(), "ADDRESS_NOT_FOR_TYPE", who + " is a " + t.type() + " (" + t.type().direction()
                    .name().toLowerCase(java.util.Locale.ROOT) + ") tag, but address " + a.kind().name() + " takes "
                    + rule.typeList() + "; valid addresses for a " + t.type() + " tag are "
                    + TagRules.addressesFor(t.type()));
            return false;
        }
        if (a.kind() == TagAddress.Kind.JSON && !a.ok()) {
            add(t.location(), a.errorCode(), who + " has " + a.error());
        }
        return true;
    }
}
