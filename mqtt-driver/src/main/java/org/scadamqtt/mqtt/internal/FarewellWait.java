package org.scadamqtt.mqtt.internal;

import java.time.Duration;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.mqtt.MqttParameters;

/**
 * How long a line waits for its payload profile's goodbye (a Sparkplug STATE death) before it
 * leaves that profile: disconnecting on purpose, or replacing the profile on a reload. At most the
 * Reply Timeout, never more than {@link #MAX}, and at least 100 ms (Reply Timeout 0 means none).
 */
public final class FarewellWait {

    /** The longest wait, whatever the Reply Timeout. */
    public static final Duration MAX = Duration.ofSeconds(2);
    private static final long MIN_MILLIS = 100;

    private FarewellWait() {
    }

    /** The wait for a line whose Reply Timeout is {@code replyTimeout}, in milliseconds. */
    public static long millis(Duration replyTimeout) {
        return Math.max(MIN_MILLIS, Math.min(MAX.toMillis(), replyTimeout.toMillis()));
    }

    /** The wait for {@code line} (its Reply Timeout, or the parameter's default), in milliseconds. */
    public static long millis(LineConfig line) {
        Object v = line.parameters().get(MqttParameters.REPLY_TIMEOUT);
        if (v == null) {
            v = MqttParameters.LINE_PARAMETERS.stream().filter(d -> d.name().equals(MqttParameters.REPLY_TIMEOUT))
                    .findFirst().map(ParameterDescriptor::defaultValue).orElse(null);
        }
        return millis(v instanceof Duration d ? d : Duration.ZERO);
    }
}
