package org.scadamqtt.mqtt.profiles.sparkplug;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scadamqtt.driver.DiscoveredPoint;
import org.scadamqtt.tag.TagType;

/**
 * The metrics of the births the host has seen, as data points a configuration can read: station
 * address {@code group/node[/device]}, tag address {@code SP=<metric name>} (template members as
 * {@code template/member}, as they bind), a tag type suggested by the data type. bdSeq is left out:
 * it belongs to the session, not to the plant.
 */
final class Discovery {

    private Discovery() {
    }

    /** The metric names and data types of a birth, in its order (what a scope remembers of it). */
    static Map<String, Integer> types(Map<String, MetricValue> birthValues) {
        Map<String, Integer> out = new LinkedHashMap<>();
        birthValues.forEach((name, v) -> {
            if (!"bdSeq".equals(name)) {
                out.put(name, v.type());
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Every born edge node's and device's metrics, by edge node and device id. */
    static List<DiscoveredPoint> of(Collection<EdgeNode> nodes) {
        List<DiscoveredPoint> out = new ArrayList<>();
        nodes.stream().sorted(Comparator.comparing(EdgeNode::id)).forEach(n -> {
            add(out, n.id(), n.own.birthTypes);
            n.devices.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(d -> add(out, n.id() + "/" + d.getKey(), d.getValue().birthTypes));
        });
        return out;
    }

    private static void add(List<DiscoveredPoint> out, String station, Map<String, Integer> types) {
        types.forEach((name, type) -> out.add(new DiscoveredPoint(station, SparkplugProfile.PREFIX + name, suggest(type),
                "Sparkplug " + DataTypes.name(type))));
    }

    /** The tag type that holds a value of a Sparkplug data type; JSON text for the structured ones. */
    static TagType suggest(int type) {
        return switch (type) {
            case DataTypes.INT8, DataTypes.INT16, DataTypes.INT32, DataTypes.INT64, DataTypes.UINT8, DataTypes.UINT16,
                    DataTypes.UINT32, DataTypes.UINT64 -> TagType.Ci;
            case DataTypes.FLOAT, DataTypes.DOUBLE -> TagType.Ai;
            case DataTypes.BOOLEAN -> TagType.Di;
            case DataTypes.DATETIME -> TagType.TiA;
            default -> TagType.TxtI; // String, Text, UUID; arrays, DataSet, Bytes, File, Template, PropertySet as JSON
        };
    }
}
