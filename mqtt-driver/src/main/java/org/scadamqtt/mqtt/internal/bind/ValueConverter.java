package org.scadamqtt.mqtt.internal.bind;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.TagValue;

/**
 * Turns one JSON value (a field of a payload, or the topic/payload/packet id wrapped as a JSON
 * node) into a tag value of a given type: GOOD with the converted value, or BAD with
 * {@link org.scadamqtt.tag.Reason#CONVERSION_ERROR} and a sentence. Never throws for bad input.
 */
@FunctionalInterface
public interface ValueConverter {

    /**
     * @param type        the tag's type
     * @param node        the value, never null (a missing field is handled by the caller)
     * @param sourceTime  time to stamp on the value
     * @param receiveTime when the message was received
     */
    TagValue convert(TagType type, JsonNode node, Instant sourceTime, Instant receiveTime);
}
