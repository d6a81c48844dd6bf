package org.scadamqtt.mqtt.internal.client;

import java.util.Optional;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ReconnectDelay;

/**
 * The line's payload profile's say in its reconnect delays ({@link PayloadProfile#reconnectDelay}):
 * a cloud broker with its own reconnect rule (Gizwits) or bans (WEGnology). Thread-safe.
 */
final class ProfileReconnect {

    private volatile LineConfig line;
    private volatile PayloadProfile profile;

    ProfileReconnect(LineConfig line) {
        update(line);
    }

    /** The line's configuration changed (another payload type, other parameters). */
    void update(LineConfig next) {
        line = next;
        profile = next == null ? null : ProfileRegistry.standard()
                .find(next.parameters().text(MqttParameters.PAYLOAD_TYPE)).orElse(null);
    }

    /** The profile's wait, or null for the line's own back-off; a profile that throws is ignored. */
    ReconnectDelay delay(int failedAttempts, String lastFailure) {
        PayloadProfile p = profile;
        if (p == null) {
            return null;
        }
        try {
            Optional<ReconnectDelay> d = p.reconnectDelay(line, failedAttempts, lastFailure);
            return d == null ? null : d.orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
