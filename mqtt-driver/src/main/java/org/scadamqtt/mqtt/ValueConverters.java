package org.scadamqtt.mqtt;

import org.scadamqtt.mqtt.internal.bind.MinimalValueConverter;
import org.scadamqtt.mqtt.internal.bind.ValueConverter;

/** Chooses the value converter the driver binds with. */
final class ValueConverters {

    private ValueConverters() {
    }

    static ValueConverter standard() {
        return new MinimalValueConverter();
    }
}
