package org.scadamqtt.mqtt.profiles.json;

import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.JsonPath;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;

/**
 * Payload Type {@code JSON}: each payload is parsed once into a document that {@code JA=} tags
 * and the line's time field read. A payload that is not one JSON document makes every tag
 * reading it BAD (PAYLOAD_ERROR) with the parser's position.
 */
public final class JsonProfile implements PayloadProfile {

    /** The Payload Type value. */
    public static final String CODE = "JSON";

    private static final ProfileSession SESSION = new ProfileSession() {
        @Override
        public Decoded decode(InboundView message) {
            return JsonCodec.INSTANCE.decode(message.payload());
        }

        @Override
        public java.util.function.Function<InboundView, Decoded> decoderFor(java.util.Collection<JsonPath> paths) {
            java.util.function.Function<byte[], Decoded> picker = JsonCodec.INSTANCE.decoderFor(paths);
            return m -> picker.apply(m.payload());
        }
    };

    /** For {@link java.util.ServiceLoader}. */
    public JsonProfile() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String description() {
        return "the payload is parsed once as JSON; JA= tags read its fields and the time field its timestamp";
    }

    @Override
    public ProfileSession open(ProfileContext context) {
        return SESSION;
    }
}
