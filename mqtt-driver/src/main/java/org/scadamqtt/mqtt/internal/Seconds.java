package org.scadamqtt.mqtt.internal;

import java.time.Duration;

/** Durations in status texts, failure sentences and log lines: "1 s", "0.2 s". */
public final class Seconds {

    private Seconds() {
    }

    /** "1 s", "0.2 s": whole seconds without a fraction, milliseconds otherwise. */
    public static String text(Duration d) {
        double s = d.toMillis() / 1000.0;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }
}
