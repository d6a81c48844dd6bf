package org.scadamqtt.mqtt.profile;

import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;

/**
 * One write to a profile's output address.
 *
 * @param station the station of the tag (its parameters)
 * @param tag     the tag written
 * @param value   the value, of the tag type's Java kind (String for TxtO, Long for Co, Double for Ao, ...)
 */
public record WriteRequest(StationConfig station, TagConfig tag, Object value) {

    /** "tag X of station Y", for messages. */
    public String where() {
        return "tag " + tag.name() + " of station " + station.name();
    }
}
