package org.scadamqtt.mqtt.profiles.sparkplug;

import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.InputAddress;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.Reading;
import org.scadamqtt.mqtt.profile.WriteRequest;

/**
 * An input tag {@code SP=metric name} marked {@code writable="true"}: it reads the metric as
 * {@link MetricInput} does (so it keeps showing the value the edge node reports) and a write
 * sends NCMD/DCMD as {@link MetricOutput} does. Immutable.
 */
record WritableMetric(MetricInput input, MetricOutput output) implements InputAddress, OutputAddress {

    @Override
    public Reading read(InboundView message, Decoded decoded) {
        return input.read(message, decoded);
    }

    @Override
    public Outgoing encode(WriteRequest request) {
        return output.encode(request);
    }
}
