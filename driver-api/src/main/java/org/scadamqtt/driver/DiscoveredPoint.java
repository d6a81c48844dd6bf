package org.scadamqtt.driver;

import java.util.Objects;
import org.scadamqtt.tag.TagType;

/**
 * A data point a driver learnt from the devices themselves (a Sparkplug birth's metric), with
 * what a configuration needs to read it: the station address that receives it, the tag address
 * and a suggested tag type.
 *
 * @param station the station address ({@code Plant1/Press7} or {@code Plant1/Press7/Drive1} for Sparkplug)
 * @param address the tag address ({@code SP=Hydraulics/Pressure})
 * @param type    the suggested tag type (an input; make it an output by hand to write)
 * @param note    what the device announced about it ({@code Sparkplug Double}); empty when nothing
 */
public record DiscoveredPoint(String station, String address, TagType type, String note) {

    public DiscoveredPoint {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        note = note == null ? "" : note;
    }
}
