package org.scadamqtt.mqtt.profiles.json;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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

    /**
     * One line's session. Stations with the same paths (many devices of one type) share one
     * compiled decoder: a compiled path tree costs a few hundred bytes per station otherwise.
     */
    private static final class Session implements ProfileSession {

        private final Map<Set<JsonPath>, Function<byte[], Decoded>> decoders = new ConcurrentHashMap<>();

        @Override
        public Decoded decode(InboundView message) {
            return JsonCodec.INSTANCE.decode(message.payload());
        }

        @Override
        public Function<InboundView, Decoded> decoderFor(Collection<JsonPath> paths) {
            Function<byte[], Decoded> picker = decoders.computeIfAbsent(Set.copyOf(paths),
                    key -> JsonCodec.INSTANCE.decoderFor(key));
            return m -> picker.apply(m.payload());
        }
    }

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
        return new Session();
    }
}
