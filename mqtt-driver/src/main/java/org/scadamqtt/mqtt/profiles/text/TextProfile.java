package org.scadamqtt.mqtt.profiles.text;

import java.util.List;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;

/**
 * Payload Type {@code TEXT} (D2000 "Text only"): the payload is not parsed. IN_TOPIC, IN_DATA,
 * IN_ID, topic levels (TL=) and binary fields (BIN=) over the raw payload get values; nothing can
 * fail to decode.
 */
public final class TextProfile implements PayloadProfile {

    /** The Payload Type value. */
    public static final String CODE = "TEXT";

    private static final ProfileSession SESSION = new ProfileSession() {
        @Override
        public Decoded decode(InboundView message) {
            return Decoded.nothing();
        }
    };

    /** For {@link java.util.ServiceLoader}. */
    public TextProfile() {
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<String> aliases() {
        return List.of("Text only", "Text");
    }

    @Override
    public String description() {
        return "the payload is not parsed: IN_TOPIC, IN_DATA, IN_ID, TL= and BIN= tags get values";
    }

    @Override
    public boolean producesDocument() {
        return false;
    }

    @Override
    public ProfileSession open(ProfileContext context) {
        return SESSION;
    }
}
