package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scadamqtt.testsupport.LogCapture;

class StrayThreadErrorsTest {

    private Thread.UncaughtExceptionHandler before;

    @BeforeEach
    void keep() {
        before = Thread.getDefaultUncaughtExceptionHandler();
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void aLibraryThreadThatDiesIsOneErrorInTheHostLogNamingTheThread() throws Exception {
        StrayThreadErrors.install();
        try (LogCapture logs = LogCapture.of(StrayThreadErrors.class)) {
            Thread t = new Thread(() -> {
                throw new NullPointerException("Cannot invoke \"ClientComms.isConnected()\" because \"comms\" is null");
            }, "MQTT Disc: scada-host-PLANT");
            t.start();
            t.join(5_000);

            List<ILoggingEvent> errors = logs.at(Level.ERROR);
            assertEquals(1, errors.size(), errors.toString());
            String text = errors.get(0).getFormattedMessage();
            assertTrue(text.contains("thread 'MQTT Disc: scada-host-PLANT' ended by an unexpected error"), text);
            assertTrue(text.contains("NullPointerException"), text);
            assertNotNull(errors.get(0).getThrowableProxy(), "the stack trace goes to the log, not to stderr");
        }
    }
}
