package org.scadamqtt.example.kv;

import com.fasterxml.jackson.databind.JsonNode;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.InputAddress;
import org.scadamqtt.mqtt.profile.Reading;

/** {@code KV=key}: the key's value in the decoded pairs. */
record KvValue(String key) implements InputAddress {

    @Override
    public Reading read(InboundView message, Decoded decoded) {
        JsonNode v = decoded.document() == null ? null : decoded.document().get(key);
        return v == null ? Reading.missing("message on topic '" + message.topic() + "' has no key '" + key + "'")
                : Reading.of(v);
    }
}
