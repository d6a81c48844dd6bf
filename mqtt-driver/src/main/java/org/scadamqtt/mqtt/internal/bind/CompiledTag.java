package org.scadamqtt.mqtt.internal.bind;

import org.scadamqtt.mqtt.profile.JsonPath;
import java.util.Objects;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.mqtt.profile.BinaryField;
import org.scadamqtt.mqtt.profile.InputAddress;
import org.scadamqtt.mqtt.profile.OutputAddress;
import org.scadamqtt.mqtt.profile.ProfileAddress;

/**
 * One tag with its address compiled once ({@link AddressCompiler}): the configuration check
 * reports {@link #error()}, the binder and the writer use the rest, so an address that validates
 * always binds the same way.
 *
 * @param tag       the tag
 * @param kind      what its address is
 * @param path      JA=: the path; BIN over a field: the field's path; else null
 * @param level     TL=: the level, 1-based from the start, negative from the end; else 0
 * @param field     BIN=: the binary field; else null
 * @param encoding  BIN over a field: "hex" or "base64"; else null
 * @param profile   an address of the line's payload profile; else null
 * @param errorCode machine-readable problem code; null when the address compiled
 * @param error     a sentence saying what is wrong with the address; null when it compiled
 */
public record CompiledTag(TagConfig tag, TagAddress.Kind kind, JsonPath path, int level, BinaryField field,
        String encoding, ProfileAddress profile, String errorCode, String error) {

    public CompiledTag {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(kind, "kind");
    }

    static CompiledTag fixed(TagConfig tag, TagAddress.Kind kind) {
        return new CompiledTag(tag, kind, null, 0, null, null, null, null, null);
    }

    static CompiledTag failed(TagConfig tag, TagAddress.Kind kind, String code, String error) {
        return new CompiledTag(tag, kind, null, 0, null, null, null, code, error);
    }

    /** Whether the address compiled. */
    public boolean ok() {
        return error == null;
    }

    /** Whether messages give this tag values. */
    public boolean isInput() {
        return switch (kind) {
            case IN_TOPIC, IN_DATA, IN_ID, JSON, TOPIC_LEVEL, BINARY -> true;
            case PROFILE -> profile instanceof InputAddress;
            default -> false;
        };
    }

    /** Whether the host may write this tag (an output tag, or an input marked writable, with a writable address). */
    public boolean isWritable() {
        boolean address = switch (kind) {
            case OUT_TOPIC, OUT_VALUE, ACK_ID -> true;
            case PROFILE -> profile instanceof OutputAddress;
            default -> false;
        };
        return address && ok() && tag.acceptsWrites();
    }

    /** Whether the value comes from the decoded payload (so decoding is needed). */
    public boolean readsPayload() {
        return kind == TagAddress.Kind.JSON || kind == TagAddress.Kind.BINARY
                || (kind == TagAddress.Kind.PROFILE && profile instanceof InputAddress);
    }
}
