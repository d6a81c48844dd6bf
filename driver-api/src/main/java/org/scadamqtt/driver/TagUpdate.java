package org.scadamqtt.driver;

import java.util.Objects;
import org.scadamqtt.tag.TagValue;

/**
 * A new value for one tag.
 *
 * @param tag   tag name
 * @param value its new value
 */
public record TagUpdate(String tag, TagValue value) {
    public TagUpdate {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
    }
}
