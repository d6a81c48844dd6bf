package org.scadamqtt.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.host.broker.EmbeddedBroker;

/**
 * A web console port that is already taken (another host, a web server): {@code run} stops at
 * once with exit 3 and says which port and what to do, before any line connects; the demo, whose
 * port the operator did not choose, takes a free one and shows where.
 */
@Timeout(60)
class ConsolePortIT {

    @TempDir
    Path tmp;

    /** A configuration whose broker address has nothing listening (the lines just keep retrying). */
    private Path config() throws Exception {
        Path config = tmp.resolve("plant.xml");
        Files.writeString(config, """
                <scada xmlns="urn:scada-mqtt:config:1">
                  <line name="PLANT" protocol="mqtt">
                    <host>tcp://127.0.0.1:%d</host>
                    <station name="METER" address="plant/meter">
                      <tag name="METER_RAW" type="TxtI" address="IN_DATA"/>
                    </station>
                  </line>
                </scada>
                """.formatted(EmbeddedBroker.freePort()));
        return config;
    }

    @Test
    void runStopsAtOnceNamingTheTakenPort() throws Exception {
        Path config = config();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long t0 = System.nanoTime();
            int code = Main.execute(new String[] {"run", config.toString(), "--http-port",
                String.valueOf(taken.getLocalPort()), "--data-dir", tmp.resolve("data").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(ExitCodes.STARTUP_FAILED, code, message);
            assertTrue(message.contains("127.0.0.1:" + taken.getLocalPort()) && message.contains("already in use")
                    && message.contains("--http-port"), message);
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "found before the lines start");
            assertTrue(Files.notExists(tmp.resolve("data").resolve("PLANT")), "no line started");
        }
    }

    @Test
    void theDemoTakesAFreePortWhenItsDefaultIsTaken() throws Exception {
        Path config = config();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            HostOptions options = new HostOptions(config, null, tmp.resolve("data"), null, "127.0.0.1",
                    taken.getLocalPort(), null, ConsoleKind.tty, 0, true);
            try (HostRuntime rt = HostRuntime.start(options, new PrintStream(screen, true, StandardCharsets.UTF_8))) {
                String url = rt.webUrl();
                assertNotEquals("http://127.0.0.1:" + taken.getLocalPort() + "/", url);
                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode());
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!screen.toString(StandardCharsets.UTF_8).contains(url)) {
                    assertTrue(System.nanoTime() < deadline, "the terminal table does not show " + url);
                    Thread.sleep(50);
                }
                assertTrue(screen.toString(StandardCharsets.UTF_8).contains("(port " + taken.getLocalPort() + " busy)"));
            }
        }
    }
}
