package org.scadamqtt.host.tags;

import org.scadamqtt.config.TagDisplay;
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
 * @param updates values received from the driver, written or simulated since the host started
 * @param display description, unit, format and limits from the configuration
 * @param writable an input tag marked writable in the configuration (the host may write it; it shows the value read)
 */
public record TagEntry(String name, String line, String station, TagType type, String address, TagValue value,
        long updates, TagDisplay display, boolean writable) {

    public TagEntry {
        display = display == null ? TagDisplay.NONE : display;
    }

    /** A row of a tag that is not a writable input. */
    public TagEntry(String name, String line, String station, TagType type, String address, TagValue value,
            long updates, TagDisplay display) {
        this(name, line, station, type, address, value, updates, display, false);
    }

    /** Whether the host may write the tag: an output, or an input marked writable. */
    public boolean acceptsWrites() {
        return type.isOutput() || writable;
    }

    /** A row with no updates counted and no display attributes. */
    public TagEntry(String name, String line, String station, TagType type, String address, TagValue value) {
        this(name, line, station, type, address, value, 0, TagDisplay.NONE);
    }

    /** The same tag with another value; {@code counted} adds one to the update count. */
    public TagEntry with(TagValue newValue, boolean counted) {
        return new TagEntry(name, line, station, type, address, newValue, counted ? updates + 1 : updates, display,
                writable);
    }
}
