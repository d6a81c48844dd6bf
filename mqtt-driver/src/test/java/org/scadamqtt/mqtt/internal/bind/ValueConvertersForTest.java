package org.scadamqtt.mqtt.internal.bind;

import java.time.ZoneId;

/** The production conversion rules (tag-model), as the driver wires them. */
final class ValueConvertersForTest {

    private ValueConvertersForTest() {
    }

    static ValueConverter forZone(ZoneId zone) {
        org.scadamqtt.tag.convert.ValueConverter rules = new org.scadamqtt.tag.convert.ValueConverter(zone);
        return (type, node, sourceTime, receiveTime) -> rules.fromJson(node, type, sourceTime, receiveTime);
    }
}
