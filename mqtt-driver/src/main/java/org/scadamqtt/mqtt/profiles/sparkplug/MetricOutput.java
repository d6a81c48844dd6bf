package org.scadamqtt.mqtt.profiles.sparkplug;

import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.WriteRefusedException;
import org.scadamqtt.mqtt.profile.WriteRequest;

/**
 * An output tag {@code SP=metric name}: a write sends NCMD (edge node station) or DCMD (device
 * station) with the metric's name, alias and data type from the birth. The line's Sparkplug
 * session encodes it (it knows the births); on its own it refuses. Immutable.
 *
 * @param confirm whether the write waits until the edge node reports the new value
 */
record MetricOutput(EdgeRef edge, String metric, boolean confirm) implements OutputAddress {

    @Override
    public Outgoing encode(WriteRequest request) {
        throw new WriteRefusedException(WriteFailure.NOT_CONNECTED, "the Sparkplug session of the line is not open");
    }
}
