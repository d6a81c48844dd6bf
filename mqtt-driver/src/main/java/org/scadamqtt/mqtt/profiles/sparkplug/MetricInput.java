package org.scadamqtt.mqtt.profiles.sparkplug;

import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.InputAddress;
import org.scadamqtt.mqtt.profile.Reading;

/**
 * An input tag {@code SP=metric name}: the metric's value with its own timestamp and quality,
 * UNCERTAIN while the host may have missed messages. A message without the metric leaves the tag
 * as it is (report by exception). Immutable.
 */
record MetricInput(EdgeRef edge, String metric) implements InputAddress {

    @Override
    public Reading read(InboundView message, Decoded decoded) {
        if (!(decoded.body() instanceof SparkplugValues values)) {
            return Reading.unchanged();
        }
        MetricValue v = values.find(edge.device(), metric);
        return v == null ? Reading.unchanged() : v.reading(values.uncertain());
    }
}
