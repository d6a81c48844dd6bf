package org.scadamqtt.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps what one Logback logger (and the loggers below it) logs from the moment it is made until
 * {@link #close()}. Use it in try-with-resources, or on an instance field as a JUnit extension
 * ({@code @RegisterExtension final LogCapture logs = LogCapture.of(X.class);}), which closes it
 * after each test. Safe to read while other threads log.
 */
public final class LogCapture implements AutoCloseable, AfterEachCallback {

    private final Logger logger;
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }
    };

    private LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.setName("LogCapture");
        appender.start();
        logger.addAppender(appender);
    }

    /** What the logger of {@code type} logs. */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(type.getName());
    }

    /** What the logger named {@code loggerName} logs. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** What the driver logs for the line named {@code lineName} ({@code org.scadamqtt.mqtt.line.<name>}). */
    public static LogCapture ofLine(String lineName) {
        return new LogCapture("org.scadamqtt.mqtt.line." + lineName);
    }

    /** Every event so far, oldest first. */
    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** The events logged at exactly {@code level}. */
    public List<ILoggingEvent> at(Level level) {
        return events.stream().filter(e -> e.getLevel() == level).toList();
    }

    /** The events whose formatted message contains {@code fragment}. */
    public List<ILoggingEvent> containing(String fragment) {
        return events.stream().filter(e -> e.getFormattedMessage().contains(fragment)).toList();
    }

    /** Every event as "LEVEL message", for assertions and their failure messages. */
    public List<String> lines() {
        return events.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /** Whether any line ("LEVEL message") contains {@code fragment}. */
    public boolean any(String fragment) {
        return lines().stream().anyMatch(l -> l.contains(fragment));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
