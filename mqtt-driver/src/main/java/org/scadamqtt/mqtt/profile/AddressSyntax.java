package org.scadamqtt.mqtt.profile;

import java.util.Set;
import org.scadamqtt.tag.TagType;

/**
 * One kind of address a profile adds, for the configuration reference.
 *
 * @param syntax      how it is written, e.g. {@code SP=metric name}
 * @param types       the tag types it takes
 * @param description what it reads or writes, with an example
 */
public record AddressSyntax(String syntax, Set<TagType> types, String description) {
    public AddressSyntax {
        types = Set.copyOf(types);
    }
}
