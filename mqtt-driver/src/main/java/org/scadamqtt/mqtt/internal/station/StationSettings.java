package org.scadamqtt.mqtt.internal.station;

import java.time.Duration;
import java.time.ZoneId;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.mqtt.MqttParameters;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.internal.bind.BindSettings;
import org.scadamqtt.mqtt.internal.bind.TimeZones;

/**
 * Everything a station worker reads from its line and station parameters, defaults applied.
 *
 * @param swt            station will topic; empty for none
 * @param swp            station will payload; empty: any payload on SWT is the will
 * @param timeFilter     how long the line may be down before StCOMERR becomes StHARDERR
 * @param ackQueueLimit  most messages held while the ACK_ID gate is closed
 * @param publishQos     QoS of OUT_VALUE publishes
 * @param publishRetain  retain flag of OUT_VALUE publishes
 * @param bind           what the tag binder needs
 * @param staleAfter     input values older than this become UNCERTAIN/STALE; zero: never
 */
public record StationSettings(String swt, String swp, Duration timeFilter, int ackQueueLimit, int publishQos,
        boolean publishRetain, BindSettings bind, Duration staleAfter) {

    /** Reads the settings of one station of a line. */
    public static StationSettings of(LineConfig line, StationConfig station) {
        Settings l = new Settings(line.parameters(), MqttParameters.LINE_PARAMETERS);
        Settings s = new Settings(station.parameters(), MqttParameters.STATION_PARAMETERS);
        ZoneId zone;
        try {
            zone = TimeZones.parse(s.text(MqttParameters.TIME_ZONE));
        } catch (RuntimeException e) {
            // the validator reports a bad zone; a running line still needs one
            zone = ZoneId.systemDefault();
        }
        BindSettings bind = new BindSettings(line.name(), ProfileRegistry.payloadTypeOf(line, station),
                l.text(MqttParameters.TIME_FIELD_NAME), l.text(MqttParameters.TIME_MASK),
                l.bool(MqttParameters.IGNORE_MISSING_TIME), zone);
        return new StationSettings(s.text(MqttParameters.SWT), s.text(MqttParameters.SWP),
                s.seconds(MqttParameters.TIME_FILTER),
                (int) Math.min(Integer.MAX_VALUE, s.integer(MqttParameters.ACK_QUEUE_LIMIT)),
                l.qos(MqttParameters.PUBLISH_QOS), l.bool(MqttParameters.PUBLISH_RETAIN),
                bind, s.seconds(MqttParameters.STALE_AFTER));
    }
}
