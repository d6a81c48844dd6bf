package org.scadamqtt.mqtt.internal.bind;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/** Reads the station {@code timeZone} parameter: how times without an offset are read. */
public final class TimeZones {

    private TimeZones() {
    }

    /**
     * Parses a time zone setting.
     *
     * @param text {@code LOCAL} (the host's zone, {@link ZoneId#systemDefault()}), {@code UTC},
     *             an offset such as {@code +02:00} / {@code -05:30}, or a zone id such as
     *             {@code Europe/Bratislava} (LOCAL and UTC in any case)
     * @return the zone
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public static ZoneId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("time zone is empty; use LOCAL, UTC, an offset such as +02:00 "
                    + "or a zone id such as Europe/Bratislava");
        }
        String value = text.trim();
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.equals("LOCAL")) {
            return ZoneId.systemDefault();
        }
        if (upper.equals("UTC") || upper.equals("Z")) {
            return ZoneOffset.UTC;
        }
        try {
            if (value.charAt(0) == '+' || value.charAt(0) == '-') {
                return ZoneOffset.of(value);
            }
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time zone '" + text + "' is not known; use LOCAL, UTC, "
                    + "an offset such as +02:00 or a zone id such as Europe/Bratislava", e);
        }
    }
}
