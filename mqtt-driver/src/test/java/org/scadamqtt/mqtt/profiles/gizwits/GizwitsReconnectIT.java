package org.scadamqtt.mqtt.profiles.gizwits;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.RecordingContext;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.testsupport.EmbeddedHiveMq;

/**
 * The profile's reconnect hook reaches the real connection loop: a Gizwits line whose broker
 * refuses the connection waits 10 s (not its reconnectMinDelay of 0.1 s) and says why; after the
 * second failed attempt it waits 20 s.
 */
class GizwitsReconnectIT {

    @TempDir
    Path dir;

    @Test
    void aFailedAttemptWaitsTenSecondsAsGizwitsWants() throws Exception {
        int closed = EmbeddedHiveMq.freePort();
        RecordingContext host = new RecordingContext(dir);
        LineConfig line = TestConfigs.line("GIZ", List.of("127.0.0.1"), closed, params("payloadType", "Gizwits",
                "clientId", "did1", "userName", "did1", "password", "pc", "keepAlive", "120",
                "reconnectMinDelay", "0.1", "reconnectMaxDelay", "0.2"),
                station("S", "ser2cli_res/did1", params(), tag("apps", "Ci", "JA=onlineApps")));
        MqttDriver driver = new MqttDriver(line, host, new PahoSessionFactory());
        try {
            driver.start();
            long end = System.nanoTime() + 15_000_000_000L;
            String reason = "";
            while (System.nanoTime() < end && !reason.contains("next attempt in")) {
                List<LineStatus> s = host.lineStatuses();
                reason = s.isEmpty() ? "" : s.get(s.size() - 1).reason();
                Thread.sleep(50);
            }
            assertTrue(reason.contains("Gizwits rule: 1 failed attempt in a row") && reason.endsWith("next attempt in "
                    + "10 s"), reason);
            // the connection loop counts the attempts: the second failure waits 10 s more
            long first = System.nanoTime();
            end = first + 20_000_000_000L;
            while (System.nanoTime() < end && !reason.contains("2 failed attempts")) {
                List<LineStatus> s = host.lineStatuses();
                reason = s.isEmpty() ? "" : s.get(s.size() - 1).reason();
                Thread.sleep(50);
            }
            double waited = (System.nanoTime() - first) / 1e9;
            assertTrue(reason.contains("Gizwits rule: 2 failed attempts in a row") && reason.endsWith("next attempt in "
                    + "20 s"), reason);
            assertTrue(waited >= 9.5, "the second attempt came after " + waited + " s, not after 10 s");
        } finally {
            driver.stop();
        }
    }
}
