package org.scadamqtt.mqtt.internal.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.mqtt.profile.PayloadProfile;

/**
 * What a line's open profile session was made from: the profile, the values of the line
 * parameters it declares (a Sparkplug host id), and how long a write waits for the device's
 * answer. A reload that changes any of these opens a new session (the old one says goodbye
 * first); a reload that changes only other parameters keeps the session and its state (aliases,
 * sequence numbers, request ids).
 *
 * @param replyParameter the parameter {@code reply} came from (Reply Timeout, or Write Timeout when
 *                       Reply Timeout is 0), named in timeout messages
 */
public record ProfileIdentity(PayloadProfile profile, Map<String, Object> parameters, Duration reply,
        String replyParameter) {

    /** The identity {@code line} asks for with {@code profile}. */
    public static ProfileIdentity of(PayloadProfile profile, LineConfig line) {
        ParameterValues p = line.parameters() == null ? ParameterValues.empty() : line.parameters();
        Map<String, Object> own = new LinkedHashMap<>();
        for (ParameterDescriptor d : profile.lineParameters()) {
            own.put(d.name(), p.has(d.name()) ? p.get(d.name()) : null);
        }
        Duration reply = p.has(MqttParameters.REPLY_TIMEOUT) ? (Duration) p.get(MqttParameters.REPLY_TIMEOUT)
                : Duration.ZERO;
        if (reply != null && !reply.isZero()) {
            return new ProfileIdentity(profile, own, reply, MqttParameters.REPLY_TIMEOUT);
        }
        Duration write = p.has(MqttParameters.WRITE_TIMEOUT) ? (Duration) p.get(MqttParameters.WRITE_TIMEOUT)
                : Duration.ofSeconds(20);
        return new ProfileIdentity(profile, own, write, MqttParameters.WRITE_TIMEOUT);
    }
}
