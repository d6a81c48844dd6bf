package org.scadamqtt.host;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logging adjustments made by the CLI. */
final class Logs {

    /** The root level before {@link #quietForTerminal()}, or null when it did not change it. */
    private static Level quietened;

    private Logs() {
    }

    /**
     * With the live terminal table, INFO lines on stderr would scroll through the table: keep
     * warnings and errors only.
     */
    static synchronized void quietForTerminal() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback && logback.getLevel() != null
                && logback.getLevel().isGreaterOrEqual(Level.WARN) == false) {
            quietened = logback.getLevel();
            logback.setLevel(Level.WARN);
        }
    }

    /** Undoes {@link #quietForTerminal()} once the table has stopped (shutdown messages show again). */
    static synchronized void restoreAfterTerminal() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (quietened != null && root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(quietened);
            quietened = null;
        }
    }
}
