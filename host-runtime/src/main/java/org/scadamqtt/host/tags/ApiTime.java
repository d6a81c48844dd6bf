package org.scadamqtt.host.tags;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times in the sentences the host writes for operators (UTC, as the consoles show them). */
final class ApiTime {

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ApiTime() {
    }

    static String hms(Instant t) {
        return HMS.format(t);
    }
}
