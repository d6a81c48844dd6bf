package org.scadamqtt.config.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.ParameterType;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.ProtocolCatalog;
import org.scadamqtt.config.ProtocolRules;
import org.scadamqtt.config.SourceLocation;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.tag.TagType;

/**
 * Turns the file as written ({@link XmlModel}) into configuration records, checking every value
 * against the protocol's tables and collecting every problem instead of stopping at the first.
 */
final class ConfigAssembler {

    /** The port of hosts that name none, when the file gives no {@code <port>}. */
    static final int DEFAULT_PORT = 1883;

    private static final String TYPES = Arrays.stream(TagType.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final ProtocolCatalog catalog;
    private final ValueReferences references;
    private final List<ConfigProblem> problems;
    private final Map<String, SourceLocation> lineNames = new HashMap<>();
    private final Map<String, SourceLocation> stationNames = new HashMap<>();
    private final Map<String, SourceLocation> tagNames = new HashMap<>();

    ConfigAssembler(ProtocolCatalog catalog, ValueReferences references, List<ConfigProblem> problems) {
        this.catalog = catalog;
        this.references = references;
        this.problems = problems;
    }

    List<LineConfig> lines(XmlModel model) {
        List<LineConfig> lines = new ArrayList<>();
        for (XmlModel.Line l : model.lines) {
            LineConfig line = line(l);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private LineConfig line(XmlModel.Line l) {
        if (l.name == null || l.protocol == null) {
            return null; // the schema reported the missing attribute
        }
        uniqueName("line", l.name, l.at, lineNames);
        Optional<ProtocolRules> rules = catalog.find(l.protocol);
        if (rules.isEmpty()) {
            problems.add(new ConfigProblem(l.at, "UNKNOWN_PROTOCOL", "line '" + l.name + "' has protocol '"
                    + l.protocol + "'; known protocols are: " + String.join(", ", catalog.protocols())));
        }
        List<String> hosts = l.host == null ? List.of()
                : HostList.parse(l.host, l.name, l.hostAt == null ? l.at : l.hostAt, problems);
        int port = port(l);
        List<ParameterDescriptor> lineTable = rules.map(ProtocolRules::lineParameters).orElse(null);
        List<ParameterDescriptor> stationTable = rules.map(ProtocolRules::stationParameters).orElse(null);
        ParameterValues params = parameters(l.params, lineTable, l.at);
        List<StationConfig> stations = new ArrayList<>();
        for (XmlModel.Station s : l.stations) {
            StationConfig station = station(s, stationTable);
            if (station != null) {
                stations.add(station);
            }
        }
        if (l.stations.isEmpty()) {
            problems.add(ConfigProblem.warning(l.at, "EMPTY_LINE", "line '" + l.name + "' has no stations, so "
                    + "no message it receives goes anywhere; add <station> elements or remove the line"));
        }
        LineConfig line = new LineConfig(l.name, rules.map(ProtocolRules::protocol).orElse(l.protocol), hosts, port,
                params, stations, l.at);
        rules.ifPresent(r -> validate(r, line));
        return line;
    }

    private void validate(ProtocolRules rules, LineConfig line) {
        try {
            problems.addAll(rules.validator().apply(line));
        } catch (RuntimeException e) {
            // a driver's check must not hide the other problems of the file
            problems.add(new ConfigProblem(line.location(), "VALIDATOR_FAILED", "the " + rules.protocol()
                    + " driver could not check line '" + line.name() + "': " + e));
        }
    }

    private int port(XmlModel.Line l) {
        if (l.port == null) {
            return DEFAULT_PORT;
        }
        String p = l.port.strip();
        if (HostList.validPort(p)) {
            return Integer.parseInt(p);
        }
        problems.add(new ConfigProblem(l.portAt == null ? l.at : l.portAt, "BAD_VALUE", "line '" + l.name
                + "' has port '" + p + "'; a port is a number from 1 to 65535 (1883 for MQTT, 8883 for MQTT over TLS)"));
        return DEFAULT_PORT;
    }

    private StationConfig station(XmlModel.Station s, List<ParameterDescriptor> table) {
        if (s.name == null || s.address == null) {
            return null;
        }
        uniqueName("station", s.name, s.at, stationNames);
        if (s.address.isBlank()) {
            problems.add(new ConfigProblem(s.at, "EMPTY_ADDRESS", "station '" + s.name + "' has an empty address; "
                    + "write a topic, a regular expression, '#' or '.*'"));
        }
        InitialState state = InitialState.ON;
        if (s.state != null) {
            try {
                state = InitialState.valueOf(s.state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(s.at, "BAD_VALUE", "station '" + s.name + "' has state '" + s.state
                        + "'; valid states are ON, OFF and SIMUL"));
            }
        }
        ParameterValues params = parameters(s.params, table, s.at);
        List<TagConfig> tags = new ArrayList<>();
        Map<String, XmlModel.Tag> addresses = new HashMap<>();
        for (XmlModel.Tag t : s.tags) {
            TagConfig tag = tag(t, s, addresses);
            if (tag != null) {
                tags.add(tag);
            }
        }
        if (s.tags.isEmpty()) {
            problems.add(ConfigProblem.warning(s.at, "EMPTY_STATION", "station '" + s.name + "' has no tags, so "
                    + "nothing it receives is shown; add <tag> elements or remove the station"));
        }
        return new StationConfig(s.name, s.address, state, params, tags, s.at);
    }

    private TagConfig tag(XmlModel.Tag t, XmlModel.Station s, Map<String, XmlModel.Tag> addresses) {
        if (t.name == null || t.type == null || t.address == null) {
            return null;
        }
        uniqueName("tag", t.name, t.at, tagNames);
        if (t.address.isBlank()) {
            problems.add(new ConfigProblem(t.at, "EMPTY_ADDRESS", "tag '" + t.name + "' has an empty address; "
                    + "write IN_TOPIC, IN_DATA, IN_ID, ACK_ID, OUT_TOPIC, OUT_VALUE or JA=path"));
        } else {
            XmlModel.Tag first = addresses.putIfAbsent(addressKey(t.address), t);
            if (first != null) {
                // D2000 allows it (an Ai and an Ao on one JA= field, a Ci and a TxtI reading one field two
                // ways); a warning, because it is also what a copy-paste slip looks like
                problems.add(ConfigProblem.warning(t.at, "DUPLICATE_ADDRESS", "tag '" + t.name + "' has address '"
                        + t.address.strip() + "' like tag '" + first.name + "' of station '" + s.name + "' ("
                        + first.at + "); " + sharedAddressEffect(first, t) + "; if one of them should use another "
                        + "address, correct it"));
            }
        }
        Optional<TagType> type = TagType.parse(t.type);
        if (type.isEmpty()) {
            problems.add(new ConfigProblem(t.at, "UNKNOWN_TAG_TYPE", "tag '" + t.name + "' has type '" + t.type
                    + "'; valid types are " + TYPES));
            return null;
        }
        if (t.extras.isEmpty()) {
            return new TagConfig(t.name, type.get(), t.address.strip(), t.at);
        }
        TagExtras extras = new TagExtras(t.name, type.get(), t.at, problems);
        return new TagConfig(t.name, type.get(), t.address.strip(), t.at, extras.display(t.extras),
                extras.defaultValue(t.extras.get("default")), extras.writable(t.extras.get("writable")));
    }

    /**
     * What two tags on one address do, by direction. An output tag reads values too where its address
     * reads messages (an Ao on a JA= field shows the value read back, as in D2000); a profile's write
     * address (SP=, WP=) only sends.
     */
    private static String sharedAddressEffect(XmlModel.Tag first, XmlModel.Tag second) {
        Optional<TagType> a = TagType.parse(first.type);
        Optional<TagType> b = TagType.parse(second.type);
        if (a.isEmpty() || b.isEmpty()) {
            return "allowed, as in D2000";
        }
        boolean aIn = !a.get().isOutput();
        boolean bIn = !b.get().isOutput();
        if (aIn && bIn) {
            return "both tags get the same value (allowed, e.g. to read one JSON field as two types)";
        }
        if (aIn || bIn) {
            XmlModel.Tag in = aIn ? first : second;
            XmlModel.Tag out = aIn ? second : first;
            return "input tag '" + in.name + "' gets the value; output tag '" + out.name + "' gets it too where the "
                    + "address reads messages (JA=, TL=, BIN=), but not on a payload profile's write address such as "
                    + "SP=, which it writes (allowed, as in D2000)";
        }
        return "both are output tags (allowed)";
    }

    /** JA= paths compare exactly (JSON keys are case-sensitive); keyword addresses ignoring case. */
    private static String addressKey(String address) {
        String a = address.strip();
        if (a.regionMatches(true, 0, "JA=", 0, 3)) {
            return "JA=" + a.substring(3).strip();
        }
        return a.toUpperCase(Locale.ROOT);
    }

    private void uniqueName(String kind, String name, SourceLocation at, Map<String, SourceLocation> seen) {
        if (name.isBlank()) {
            problems.add(new ConfigProblem(at, "EMPTY_NAME", "a " + kind + " has an empty name; every " + kind
                    + " needs a name unique in the file"));
            return;
        }
        SourceLocation first = seen.putIfAbsent(name, at);
        if (first != null) {
            problems.add(new ConfigProblem(at, "DUPLICATE_NAME", kind + " name '" + name + "' is already used at "
                    + first + "; " + kind + " names must be unique in the file"));
        }
    }

    /** Reads parameters against a table (null: the protocol is unknown, keep them unchecked). */
    private ParameterValues parameters(List<XmlModel.Param> params, List<ParameterDescriptor> table,
            SourceLocation owner) {
        if (table == null) {
            return ParameterValues.empty();
        }
        Map<String, ParameterDescriptor> byName = new HashMap<>();
        table.forEach(d -> byName.put(d.name(), d));
        Map<String, List<String>> raw = new LinkedHashMap<>();
        Map<String, SourceLocation> where = new HashMap<>();
        for (XmlModel.Param p : params) {
            if (p.name == null) {
                continue;
            }
            String text = p.text.toString();
            ParameterDescriptor d = byName.get(p.name);
            if (d != null && (d.type() == ParameterType.TEXT || d.type() == ParameterType.SECRET)) {
                ValueReferences.Resolved r = references.resolve(p.name, text);
                if (r.error() != null) {
                    problems.add(new ConfigProblem(p.at, "UNRESOLVED_REFERENCE", r.error()));
                    continue;
                }
                text = r.value();
            }
            raw.computeIfAbsent(p.name, k -> new ArrayList<>()).add(text);
            where.putIfAbsent(p.name, p.at);
        }
        return ParameterValues.read(table, raw, where, owner, problems);
    }
}
