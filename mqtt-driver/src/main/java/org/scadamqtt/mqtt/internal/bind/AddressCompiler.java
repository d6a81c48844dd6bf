package org.scadamqtt.mqtt.internal.bind;

import org.scadamqtt.mqtt.profile.JsonPath;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.mqtt.profile.AddressException;
import org.scadamqtt.mqtt.profile.BinaryField;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileAddress;
import org.scadamqtt.tag.TagType;

/**
 * Compiles tag addresses once, for the configuration check and the driver alike: the D2000
 * addresses, the generic ones every profile gets ({@code JA=}, {@code TL=}, {@code BIN=}), then
 * whatever the line's payload profile recognises. Never throws: a wrong address gives a
 * {@link CompiledTag} with an error code and sentence.
 */
public final class AddressCompiler {

    /** The input types; TL= and BIN= take these. */
    public static final Set<TagType> INPUT_TYPES = EnumSet.of(TagType.Ai, TagType.Ci, TagType.Di, TagType.Qi,
            TagType.TxtI, TagType.TiA, TagType.TiR);

    private static final Pattern TOPIC_LEVEL = Pattern.compile("-?[1-9]\\d{0,3}");
    private static final Pattern BIN_SOURCE = Pattern.compile("\\((?<enc>[A-Za-z0-9]+):(?<path>.+)\\)=(?<spec>[^=]*)");

    private AddressCompiler() {
    }

    /**
     * Compiles one tag's address.
     *
     * @param tag     the tag
     * @param station its station (profiles read station parameters)
     * @param profile the line's payload profile
     */
    public static CompiledTag compile(TagConfig tag, StationConfig station, PayloadProfile profile) {
        CompiledTag c = compileAddress(tag, station, profile);
        if (tag.writable() && c.ok() && !c.isWritable()) {
            return CompiledTag.failed(tag, c.kind(), "NOT_WRITABLE", "address '" + tag.address() + "' marked writable, "
                    + "but payload type " + profile.code() + " can only read it; "
                    + "writable=\"true\" is for input tags whose address the line can also send (e.g. a Sparkplug "
                    + "SP= metric): remove it, or write through an output tag");
        }
        return c;
    }

    private static CompiledTag compileAddress(TagConfig tag, StationConfig station, PayloadProfile profile) {
        TagAddress a = TagAddress.parse(tag.address());
        try {
            return switch (a.kind()) {
                case JSON -> json(tag, a.jsonPath(), profile);
                case TOPIC_LEVEL -> topicLevel(tag, a.jsonPath());
                case BINARY -> binary(tag, a.jsonPath(), profile);
                case UNKNOWN -> profileAddress(tag, station, profile);
                default -> CompiledTag.fixed(tag, a.kind());
            };
        } catch (AddressException e) {
            return CompiledTag.failed(tag, a.kind() == TagAddress.Kind.UNKNOWN ? TagAddress.Kind.PROFILE : a.kind(),
                    "BAD_ADDRESS", "address '" + tag.address() + "': " + e.getMessage());
        } catch (RuntimeException e) {
            // a profile's compile must not take the configuration check down with it
            return CompiledTag.failed(tag, TagAddress.Kind.PROFILE, "BAD_ADDRESS", "address '"
                    + tag.address() + "', which payload profile " + profile.code() + " could not compile: " + e);
        }
    }

    private static CompiledTag json(TagConfig tag, String path, PayloadProfile profile) {
        if (!profile.producesDocument()) {
            return CompiledTag.failed(tag, TagAddress.Kind.JSON, "JA_NEEDS_JSON", "address '"
                    + tag.address() + "' reads JSON, but payload type " + profile.code() + " gives no document; set payloadType "
                    + "to JSON (or a profile with fields) or use IN_DATA");
        }
        try {
            return new CompiledTag(tag, TagAddress.Kind.JSON, JsonPath.compile(path.strip()), 0, null, null, null,
                    null, null);
        } catch (IllegalArgumentException e) {
            return CompiledTag.failed(tag, TagAddress.Kind.JSON, "BAD_JSON_PATH", "address '"
                    + tag.address() + "': " + e.getMessage());
        }
    }

    private static CompiledTag topicLevel(TagConfig tag, String level) {
        String l = level.strip();
        if (!TOPIC_LEVEL.matcher(l).matches()) {
            throw new AddressException("TL= takes the number of a topic level: 1 is the first level, -1 the last "
                    + "(e.g. TL=2 reads 'dev7' from 'plant/dev7/temp')");
        }
        requireInput(tag);
        return new CompiledTag(tag, TagAddress.Kind.TOPIC_LEVEL, null, Integer.parseInt(l), null, null, null, null,
                null);
    }

    private static CompiledTag binary(TagConfig tag, String rest, PayloadProfile profile) {
        requireInput(tag);
        if (rest.startsWith("=")) {
            return new CompiledTag(tag, TagAddress.Kind.BINARY, null, 0, BinaryField.parse(rest.substring(1)), null,
                    null, null, null);
        }
        Matcher m = BIN_SOURCE.matcher(rest);
        if (!m.matches()) {
            throw new AddressException("write BIN=type@offset for the payload's bytes, or BIN(hex:path)=type@offset "
                    + "or BIN(base64:path)=type@offset for a field holding hex or base64 text");
        }
        String enc = m.group("enc").toLowerCase(Locale.ROOT);
        if (!enc.equals("hex") && !enc.equals("base64")) {
            throw new AddressException("'" + m.group("enc") + "' is not an encoding of a binary field; use hex or base64");
        }
        if (!profile.producesDocument()) {
            throw new AddressException("payload type " + profile.code() + " gives no fields to read " + enc
                    + " text from; use BIN=type@offset on the payload itself");
        }
        JsonPath path;
        try {
            path = JsonPath.compile(m.group("path").strip());
        } catch (IllegalArgumentException e) {
            throw new AddressException(e.getMessage());
        }
        return new CompiledTag(tag, TagAddress.Kind.BINARY, path, 0, BinaryField.parse(m.group("spec")), enc, null,
                null, null);
    }

    private static void requireInput(TagConfig tag) {
        if (!INPUT_TYPES.contains(tag.type())) {
            throw new AddressException("it reads from messages, so the tag must be an input type (Ai, Ci, Di, Qi, TxtI, "
                    + "TiA, TiR), not " + tag.type());
        }
    }

    private static CompiledTag profileAddress(TagConfig tag, StationConfig station, PayloadProfile profile) {
        Optional<ProfileAddress> compiled = profile.compile(tag, station);
        if (compiled.isEmpty()) {
            return CompiledTag.failed(tag, TagAddress.Kind.UNKNOWN, "UNKNOWN_ADDRESS", null);
        }
        return new CompiledTag(tag, TagAddress.Kind.PROFILE, null, 0, null, null, compiled.get(), null, null);
    }
}
