package org.scadamqtt.mqtt.profiles.sparkplug;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.scadamqtt.mqtt.profile.Reading;
import org.scadamqtt.tag.Reason;

/**
 * One metric's value as received, after alias resolution.
 *
 * @param name    the metric name (from the message or, for an alias, from the birth)
 * @param type    the data type number (from the message or the birth)
 * @param value   the value; null when there is none (then {@code problem} says why)
 * @param time    the metric's own timestamp, else the payload's; null when neither is given
 * @param reason  why there is no value (NONE when there is one)
 * @param problem a sentence for the operator; null when the value is fine
 * @param quality the Sparkplug quality property (192 good, 500 stale, 0 bad); 192 when absent
 */
record MetricValue(String name, int type, JsonNode value, Instant time, Reason reason, String problem, int quality) {

    /** Sparkplug 3.0 quality codes (section 6.4.9.1). */
    static final int GOOD = 192;
    static final int STALE = 500;
    static final int BAD = 0;

    /** The reading a tag gets; {@code uncertain} non-null marks the value UNCERTAIN with that sentence. */
    Reading reading(String uncertain) {
        if (value == null) {
            return Reading.bad(reason == Reason.NONE ? Reason.CONVERSION_ERROR : reason, "metric '" + name + "': "
                    + problem);
        }
        if (quality == BAD) {
            return Reading.bad(Reason.STATION_ERROR, "metric '" + name + "': the edge node reports its quality as BAD (0)");
        }
        Reading r = Reading.of(value, time);
        if (uncertain != null) {
            return r.uncertain(uncertain);
        }
        if (quality == STALE) {
            return r.uncertain("metric '" + name + "': the edge node reports its quality as STALE (500)");
        }
        return r;
    }
}
