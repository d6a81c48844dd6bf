package org.scadamqtt.mqtt.profiles.sparkplug;

import java.util.Map;

/**
 * What one message means for the tags of the stations it reaches: metric values by device ("" for
 * the edge node itself) and name. Tags whose metric is not in it keep their value (Sparkplug
 * reports by exception). The decoded body of the Sparkplug profile. Immutable.
 *
 * @param byScope   values by device id ("" = edge node), then by metric name
 * @param uncertain non-null: every value is UNCERTAIN with this sentence (a sequence gap, an
 *                  unknown alias: the host may have missed messages until the next birth)
 */
record SparkplugValues(Map<String, Map<String, MetricValue>> byScope, String uncertain) {

    SparkplugValues {
        byScope = Map.copyOf(byScope);
    }

    /** The value of a metric of a device ("" = edge node); null when the message does not carry it. */
    MetricValue find(String device, String name) {
        Map<String, MetricValue> m = byScope.get(device);
        return m == null ? null : m.get(name);
    }
}
