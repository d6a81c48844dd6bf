package org.scadamqtt.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.scadamqtt.bench.BenchConfig;
import org.scadamqtt.bench.BenchTopology;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.mqtt.internal.route.RouteEntry;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * The same work written the obvious way, as the baseline the pipeline must beat: a linear scan
 * over one compiled pattern per station (exact addresses first, then the regular expressions,
 * then {@code .*}), Jackson {@code readTree} and {@code JsonNode.at(pointer)} per tag, a
 * {@link DateTimeFormatter} built per message.
 */
public final class NaivePipeline {

    private record Station(String name, Pattern pattern) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] POINTERS = {"/seq", "/dev/temp", "/dev/ok", "/vals/1", "/dev/mode"};
    private static final TagType[] TYPES = {TagType.Ci, TagType.Ai, TagType.Di, TagType.Ai, TagType.TxtI};
    private static final String[] SUFFIXES = {".seq", ".temp", ".ok", ".val3", ".mode"};

    private final List<Station> stations = new ArrayList<>();

    public NaivePipeline(BenchTopology topology) {
        List<RouteEntry> entries = topology.routeEntries();
        for (RouteEntry e : entries) {
            if (!e.address().equals(".*") && !e.address().contains("[")) {
                stations.add(new Station(e.station(), Pattern.compile(Pattern.quote(e.address()))));
            }
        }
        entries.stream().filter(e -> e.address().contains("["))
                .sorted((a, b) -> b.address().compareTo(a.address()))
                .forEach(e -> stations.add(new Station(e.station(), Pattern.compile(e.address()))));
        entries.stream().filter(e -> e.address().equals(".*"))
                .forEach(e -> stations.add(new Station(e.station(), Pattern.compile(".*"))));
    }

    /** The values of one message, or an empty list when no station takes it. */
    public List<TagUpdate> process(String topic, byte[] payload, int messageId, Instant receivedAt) {
        String station = null;
        for (Station s : stations) {
            if (s.pattern().matcher(topic).matches()) {
                station = s.name();
                break;
            }
        }
        if (station == null) {
            return List.of();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (IOException e) {
            return List.of();
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        Instant source = LocalDateTime.parse(root.at("/time").asText(), f).toInstant(ZoneOffset.UTC);
        List<TagUpdate> out = new ArrayList<>(8);
        out.add(new TagUpdate(station + BenchConfig.TOPIC_TAG_SUFFIX, TagValue.good(TagType.TxtI, topic, source,
                receivedAt)));
        out.add(new TagUpdate(station + ".data", TagValue.good(TagType.TxtI, new String(payload,
                StandardCharsets.UTF_8), source, receivedAt)));
        out.add(new TagUpdate(station + ".id", TagValue.good(TagType.Ci, (long) messageId, source, receivedAt)));
        for (int t = 0; t < POINTERS.length; t++) {
            JsonNode n = root.at(POINTERS[t]);
            Object v = switch (TYPES[t]) {
                case Ci -> n.asLong();
                case Ai -> n.asDouble();
                case Di -> n.asBoolean();
                default -> n.asText();
            };
            out.add(new TagUpdate(station + SUFFIXES[t], TagValue.good(TYPES[t], v, source, receivedAt)));
        }
        return out;
    }
}
