package org.scadamqtt.mqtt.internal.client;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging of one line. The logger is named {@code org.scadamqtt.mqtt.line.<line name>} so an
 * operator can raise or silence one line. With Full Debug every packet-level event and every
 * message in and out is logged at INFO (so it shows without touching the log configuration);
 * without it those calls cost one boolean check.
 */
final class LineLog {

    private static final int PREVIEW = 200;

    private final Logger log;
    private final String prefix;
    private volatile boolean fullDebug;

    LineLog(String lineName, boolean fullDebug) {
        this.log = LoggerFactory.getLogger("org.scadamqtt.mqtt.line." + ClientIds.sanitise(lineName));
        this.prefix = "line '" + lineName + "': ";
        this.fullDebug = fullDebug;
    }

    void setFullDebug(boolean on) {
        fullDebug = on;
    }

    boolean fullDebug() {
        return fullDebug;
    }

    /** A packet-level event, logged only with Full Debug. */
    void packet(String format, Object... args) {
        if (fullDebug) {
            log.info(prefix + format, args);
        } else if (log.isTraceEnabled()) {
            log.trace(prefix + format, args);
        }
    }

    void info(String format, Object... args) {
        log.info(prefix + format, args);
    }

    void warn(String format, Object... args) {
        log.warn(prefix + format, args);
    }

    void error(String format, Object... args) {
        log.error(prefix + format, args);
    }

    /** First characters of a payload for the log, control characters escaped. */
    static String preview(byte[] payload) {
        String s = new String(payload, 0, Math.min(payload.length, PREVIEW * 4), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < PREVIEW; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (payload.length > PREVIEW) {
            sb.append("… (").append(payload.length).append(" bytes)");
        }
        return sb.toString();
    }
}
