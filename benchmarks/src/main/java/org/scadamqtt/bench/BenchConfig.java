package org.scadamqtt.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scadamqtt.config.ConfigException;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.config.SourceLocation;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.tag.TagType;

/**
 * Builds the driver configuration the benchmarks run: every station of a {@link BenchTopology}
 * with IN_TOPIC, IN_DATA, IN_ID and the five {@code JA=} tags of {@link BenchPayload}, JSON
 * payloads and the time field in the default mask.
 */
public final class BenchConfig {

    /** Suffix of each station's IN_TOPIC tag; the counting sink counts one message per such value. */
    public static final String TOPIC_TAG_SUFFIX = ".topic";
    /** Suffix of each station's {@code JA=seq} tag (send time in the latency run). */
    public static final String SEQ_TAG_SUFFIX = ".seq";

    private static final List<TagType> JA_TYPES = List.of(TagType.Ci, TagType.Ai, TagType.Di, TagType.Ai, TagType.TxtI,
            TagType.TxtI, TagType.Ai);
    private static final List<String> JA_SUFFIXES = List.of(SEQ_TAG_SUFFIX, ".temp", ".ok", ".val3", ".mode", ".devid",
            ".val2");

    private BenchConfig() {
    }

    /**
     * The line.
     *
     * @param host     broker host
     * @param port     broker port
     * @param qos      subscribe QoS
     * @param clientId MQTT client id (unique per run)
     * @param topology stations
     * @param jaTags   {@code JA=} tags per station (0 to 7)
     */
    public static LineConfig line(String host, int port, int qos, String clientId, BenchTopology topology, int jaTags) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        raw.put(MqttParameters.TOPIC_FILTER, List.of(BenchTopology.PREFIX + "#"));
        raw.put(MqttParameters.SUBSCRIBE_QOS, List.of(Integer.toString(qos)));
        raw.put(MqttParameters.CLIENT_ID, List.of(clientId));
        // a benchmark must not leave a persistent session that queues the next rounds' messages
        raw.put(MqttParameters.CLEAN_SESSION, List.of("YES"));
        raw.put(MqttParameters.PAYLOAD_TYPE, List.of(MqttParameters.PAYLOAD_JSON));
        raw.put(MqttParameters.TIME_FIELD_NAME, List.of(BenchPayload.TIME_FIELD));
        raw.put(MqttParameters.TIME_MASK, List.of(BenchPayload.TIME_MASK));
        raw.put(MqttParameters.RECONNECT_MIN_DELAY, List.of("0.2"));
        List<ConfigProblem> problems = new ArrayList<>();
        ParameterValues lineParameters = ParameterValues.read(MqttParameters.LINE_PARAMETERS, raw, Map.of(),
                SourceLocation.NONE, problems);
        ParameterValues stationParameters = ParameterValues.read(MqttParameters.STATION_PARAMETERS,
                Map.of(MqttParameters.TIME_ZONE, List.of("UTC")), Map.of(), SourceLocation.NONE, problems);
        if (!problems.isEmpty()) {
            // a programming error in the benchmark, not user input
            throw new IllegalStateException(new ConfigException(problems).getMessage());
        }
        List<StationConfig> stations = new ArrayList<>();
        topology.routeEntries().forEach(e -> stations.add(new StationConfig(e.station(), e.address(), null,
                stationParameters, tags(e.station(), jaTags), null)));
        return new LineConfig("bench", "mqtt", List.of(host), port, lineParameters, stations, null);
    }

    private static List<TagConfig> tags(String station, int jaTags) {
        List<TagConfig> tags = new ArrayList<>(3 + jaTags);
        tags.add(new TagConfig(station + TOPIC_TAG_SUFFIX, TagType.TxtI, "IN_TOPIC", null));
        tags.add(new TagConfig(station + ".data", TagType.TxtI, "IN_DATA", null));
        tags.add(new TagConfig(station + ".id", TagType.Ci, "IN_ID", null));
        for (int j = 0; j < jaTags; j++) {
            tags.add(new TagConfig(station + JA_SUFFIXES.get(j), JA_TYPES.get(j), "JA=" + BenchPayload.TAG_PATHS.get(j),
                    null));
        }
        return tags;
    }
}
