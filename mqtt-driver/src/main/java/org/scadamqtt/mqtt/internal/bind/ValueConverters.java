package org.scadamqtt.mqtt.internal.bind;

import java.time.ZoneId;

/** The value converter the driver binds with: tag-model's conversion rules, per station time zone. */
public final class ValueConverters {

    private ValueConverters() {
    }

    /** tag-model's converter (docs/conversions.md), reading zone-less date-times in {@code zone}. */
    public static ValueConverter forZone(ZoneId zone) {
        org.scadamqtt.tag.convert.ValueConverter rules = new org.scadamqtt.tag.convert.ValueConverter(zone);
        return (type, node, sourceTime, receiveTime) -> rules.fromJson(node, type, sourceTime, receiveTime);
    }
}
