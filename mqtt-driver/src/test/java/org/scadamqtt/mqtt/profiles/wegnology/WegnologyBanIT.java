package org.scadamqtt.mqtt.profiles.wegnology;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

/**
 * A broker that hangs up on every CONNECT, as WEGnology does to a banned device: the line waits
 * 30 s, not its reconnectMinDelay, and its status says it is probably banned.
 */
class WegnologyBanIT {

    @TempDir
    Path dir;

    @Test
    void refusedReconnectsWaitThirtySecondsAndSaySo() throws Exception {
        try (ServerSocket banning = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!banning.isClosed()) {
                    try (Socket s = banning.accept()) {
                        s.getInputStream().read(); // the CONNECT starts, then the broker closes
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            RecordingContext host = new RecordingContext(dir);
            LineConfig line = TestConfigs.line("WN", List.of("tcp://127.0.0.1"), banning.getLocalPort(), params(
                    "payloadType", "WEGnology", "clientId", "dev1", "userName", "k", "password", "s",
                    "cleanSession", "YES", "reconnectMinDelay", "0.1", "reconnectMaxDelay", "0.2", "replyTimeout", "3"),
                    station("S", "wnology/dev1/command", params(), tag("cmd", "TxtI", "JA=name")));
            MqttDriver driver = new MqttDriver(line, host, new PahoSessionFactory());
            try {
                driver.start();
                long end = System.nanoTime() + 20_000_000_000L;
                String reason = "";
                while (System.nanoTime() < end && !reason.contains("next attempt in")) {
                    List<LineStatus> s = host.lineStatuses();
                    reason = s.isEmpty() ? "" : s.get(s.size() - 1).reason();
                    Thread.sleep(50);
                }
                assertTrue(reason.contains("probably banned") && reason.endsWith("next attempt in 30 s"), reason);
            } finally {
                driver.stop();
            }
        }
    }
}
