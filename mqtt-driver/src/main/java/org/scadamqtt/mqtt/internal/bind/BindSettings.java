package org.scadamqtt.mqtt.internal.bind;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The line and station parameters a {@link TagBinder} needs.
 *
 * @param line              line name, for messages
 * @param payloadType       TEXT or JSON (MqttParameters.PAYLOAD_*)
 * @param timeFieldName     JSON path of the time field; empty for none
 * @param timeMask          how the time field is written
 * @param ignoreMissingTime true: no warning when the time field is missing
 * @param zone              how times without an offset are read (the station's timeZone)
 */
public record BindSettings(String line, String payloadType, String timeFieldName, String timeMask,
        boolean ignoreMissingTime, ZoneId zone) {
    public BindSettings {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(payloadType, "payloadType");
        timeFieldName = timeFieldName == null ? "" : timeFieldName.trim();
        timeMask = timeMask == null ? "" : timeMask;
        Objects.requireNonNull(zone, "zone");
    }

    /** Whether payloads are parsed as JSON. */
    public boolean json() {
        return "JSON".equalsIgnoreCase(payloadType);
    }
}
