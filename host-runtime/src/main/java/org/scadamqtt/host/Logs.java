package org.scadamqtt.host;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logging adjustments made by the CLI. */
final class Logs {

    private Logs() {
    }

    /**
     * With the live terminal table, INFO lines on stderr would scroll through the table: keep
     * warnings and errors only.
     */
    static void quietForTerminal() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback && logback.getLevel() != null
                && logback.getLevel().isGreaterOrEqual(Level.WARN) == false) {
            logback.setLevel(Level.WARN);
        }
    }
}
