package org.scadamqtt.mqtt.internal.station;

import java.time.Duration;
import java.util.List;
import org.scadamqtt.config.ParameterDescriptor;
import org.scadamqtt.config.ParameterValues;

/**
 * Reads a parameter with the descriptor table's default when the values carry none (values
 * built by hand in tests or by a host that did not fill defaults).
 */
final class Settings {

    private final ParameterValues values;
    private final List<ParameterDescriptor> table;

    Settings(ParameterValues values, List<ParameterDescriptor> table) {
        this.values = values;
        this.table = table;
    }

    Object get(String name) {
        if (values.has(name) && values.get(name) != null) {
            return values.get(name);
        }
        return table.stream().filter(d -> d.name().equals(name)).findFirst()
                .map(ParameterDescriptor::defaultValue)
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + name));
    }

    String text(String name) {
        Object v = get(name);
        return v == null ? "" : v.toString();
    }

    boolean bool(String name) {
        return Boolean.TRUE.equals(get(name));
    }

    int qos(String name) {
        return ((Number) get(name)).intValue();
    }

    long integer(String name) {
        return ((Number) get(name)).longValue();
    }

    Duration seconds(String name) {
        return (Duration) get(name);
    }
}
