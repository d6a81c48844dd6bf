package org.scadamqtt.mqtt.internal.client;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures the log lines of one line's logger ({@code org.scadamqtt.mqtt.line.<name>}). */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture(String lineName) {
        logger = (Logger) LoggerFactory.getLogger("org.scadamqtt.mqtt.line." + lineName);
        appender.start();
        logger.addAppender(appender);
    }

    List<String> lines() {
        return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    boolean any(String fragment) {
        return lines().stream().anyMatch(l -> l.contains(fragment));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
