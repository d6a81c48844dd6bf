package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.testsupport.LogCapture;

/**
 * Issue 11: a host whose console listens on every interface without a write token says so with a
 * WARN when it starts (CliTest checks the sentence; this checks the running host logs it), and a
 * host on loopback or with a token does not.
 */
@Timeout(60)
class ExposureWarningIT {

    @TempDir
    Path tmp;

    private List<ILoggingEvent> start(String bind, String token) throws Exception {
        Path config = tmp.resolve("plant.xml");
        Files.writeString(config, """
                <scada xmlns="urn:scada-mqtt:config:1">
                  <line name="PLANT" protocol="mqtt">
                    <host>tcp://127.0.0.1:1</host>
                    <station name="S" address="plant/s">
                      <tag name="S_V" type="TxtI" address="IN_DATA"/>
                    </station>
                  </line>
                </scada>
                """);
        try (LogCapture logs = LogCapture.of(WebConsoleHandle.class);
                HostRuntime rt = HostRuntime.start(new HostOptions(config, null, tmp.resolve("data-" + bind + token), null,
                bind, 0, token, ConsoleKind.web, 0), new PrintStream(OutputStream.nullOutputStream()))) {
            assertTrue(!rt.webUrl().isEmpty());
            return logs.at(Level.WARN);
        }
    }

    @Test
    void everyInterfaceWithoutATokenIsWarnedAboutAtStart() throws Exception {
        List<ILoggingEvent> warned = start("0.0.0.0", null);
        assertEquals(1, warned.size(), warned.toString());
        String text = warned.get(0).getFormattedMessage();
        assertTrue(text.contains("every network interface") && text.contains("--write-token-file"), text);
        assertEquals(List.of(), start("0.0.0.0", "s3cret"), "a token: no warning");
        assertEquals(List.of(), start("127.0.0.1", null), "loopback: no warning");
    }
}
