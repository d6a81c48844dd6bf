package org.scadamqtt.example.kv;

import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.Outgoing;
import org.scadamqtt.mqtt.profile.WriteRequest;

/** {@code KV-CMD=key} of a station: the session numbers and sends it. */
record KvCommand(String key, String topic) implements OutputAddress {

    @Override
    public Outgoing encode(WriteRequest request) {
        throw new IllegalStateException("KvSession encodes commands");
    }
}
