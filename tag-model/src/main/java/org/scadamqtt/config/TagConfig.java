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
 */
public record TagConfig(String name, TagType type, String address, SourceLocation location) {
    public TagConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        location = location == null ? SourceLocation.NONE : location;
    }
}
