package org.scadamqtt.config;

import java.util.Objects;
import org.scadamqtt.tag.TagType;

/**
 * One I/O tag.
 *
 * @param name     unique in the whole configuration
 * @param type     D2000 value type
 * @param address  IN_TOPIC, IN_DATA, IN_ID, ACK_ID, OUT_TOPIC, OUT_VALUE or JA=path
 * @param location where it is declared
 * @param display  description, unit, format and limits for operators ({@link TagDisplay#NONE} when none)
 * @param defaultValue for output tags, the value the tag holds from start (of the type's Java kind,
 *                 e.g. a String for TxtO, a Long for Co), or null when none is configured
 * @param writable an input tag the host may also write (attribute {@code writable="true"}): its address
 *                 must be one the line's payload profile can send, e.g. a Sparkplug {@code SP=} metric;
 *                 it keeps showing the value read back. Always false for output tags, which are writable anyway
 */
public record TagConfig(String name, TagType type, String address, SourceLocation location, TagDisplay display,
        Object defaultValue, boolean writable) {
    public TagConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        location = location == null ? SourceLocation.NONE : location;
        display = display == null ? TagDisplay.NONE : display;
        if (defaultValue != null && !type.kind().javaType().isInstance(defaultValue)) {
            throw new IllegalArgumentException("the default of a " + type + " tag is a "
                    + type.kind().javaType().getSimpleName() + ", not " + defaultValue.getClass().getSimpleName());
        }
        writable = writable && !type.isOutput();
    }

    /** A tag that is not a writable input. */
    public TagConfig(String name, TagType type, String address, SourceLocation location, TagDisplay display,
            Object defaultValue) {
        this(name, type, address, location, display, defaultValue, false);
    }

    /** Whether the host may write the tag: an output tag, or an input tag marked writable. */
    public boolean acceptsWrites() {
        return type.isOutput() || writable;
    }

    /** A tag without display attributes and without a default value. */
    public TagConfig(String name, TagType type, String address, SourceLocation location) {
        this(name, type, address, location, TagDisplay.NONE, null);
    }
}
