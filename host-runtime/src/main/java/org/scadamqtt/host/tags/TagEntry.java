package org.scadamqtt.host.tags;

import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * One row of the host's tag table.
 *
 * @param name    tag name
 * @param line    line name
 * @param station station name
 * @param type    tag type
 * @param address tag address as configured (IN_DATA, JA=…)
 * @param value   current value
 */
public record TagEntry(String name, String line, String station, TagType type, String address, TagValue value) {
}
