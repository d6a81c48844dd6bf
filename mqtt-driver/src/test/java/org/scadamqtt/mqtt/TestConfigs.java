package org.scadamqtt.mqtt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.SourceLocation;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.tag.TagType;

/** Builds line and station configurations for tests, read against the real parameter tables. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** Parameters from name/value pairs ("payloadType", "JSON", …). */
    public static Map<String, String> params(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static ParameterValues read(List<org.scadamqtt.config.ParameterDescriptor> table, Map<String, String> raw) {
        Map<String, List<String>> r = new LinkedHashMap<>();
        raw.forEach((k, v) -> r.put(k, List.of(v)));
        List<ConfigProblem> problems = new ArrayList<>();
        ParameterValues pv = ParameterValues.read(table, r, Map.of(), SourceLocation.NONE, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.toString());
        }
        return pv;
    }

    /** A tag: name, type, address. */
    public static TagConfig tag(String name, String type, String address) {
        return new TagConfig(name, TagType.parse(type).orElseThrow(), address, SourceLocation.NONE);
    }

    public static StationConfig station(String name, String address, Map<String, String> params, TagConfig... tags) {
        return station(name, address, InitialState.ON, params, tags);
    }

    public static StationConfig station(String name, String address, InitialState state, Map<String, String> params,
            TagConfig... tags) {
        return new StationConfig(name, address, state, read(MqttParameters.STATION_PARAMETERS, params),
                List.of(tags), SourceLocation.NONE);
    }

    public static LineConfig line(String name, List<String> hosts, Map<String, String> params,
            StationConfig... stations) {
        return line(name, hosts, 1883, params, stations);
    }

    public static LineConfig line(String name, List<String> hosts, int port, Map<String, String> params,
            StationConfig... stations) {
        return new LineConfig(name, "mqtt", hosts, port, read(MqttParameters.LINE_PARAMETERS, params),
                List.of(stations), SourceLocation.NONE);
    }
}
