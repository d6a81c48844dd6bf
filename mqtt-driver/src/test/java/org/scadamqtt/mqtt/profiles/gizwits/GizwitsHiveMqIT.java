package org.scadamqtt.mqtt.profiles.gizwits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.ParameterValues;
import org.scadamqtt.driver.LineState;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.RecordingContext;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.tag.Reason;

/** The Gizwits profile through the whole driver and a real broker, with a test app and server. */
class GizwitsHiveMqIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private EmbeddedHiveMq broker;
    private TestGizwitsApp app;
    private RecordingContext host;
    private MqttDriver driver;
    private String did;

    @BeforeEach
    void setUp() throws Exception {
        broker = EmbeddedHiveMq.get();
        did = "giz" + Long.toHexString(System.nanoTime());
        app = new TestGizwitsApp(broker.tcpUri(), did, "app-" + did);
        host = new RecordingContext(dir);
        LineConfig line = TestConfigs.line("GIZ", List.of("127.0.0.1"), broker.tcpPort(), params(
                "payloadType", "Gizwits", "clientId", did, "userName", did, "password", "passcode", "keepAlive", "120",
                "subscribeQos", "QoS_1", "publishQos", "QoS_1", "replyTimeout", "2", "writeTimeout", "5",
                "reconnectMinDelay", "0.1", "reconnectMaxDelay", "0.5"),
                station("Dev", "app2dev/" + did + "/.*", params(),
                        tag("cmd", "Ci", "JA=command"),
                        tag("sn", "Ci", "JA=sn"),
                        tag("switch", "Ci", "BIN=u8@0"),
                        tag("app", "TxtI", "JA=appClientId"),
                        tag("send", "TxtO", "GZ=0093;prefix=01"),
                        tag("report", "Co", "GZ=0091;prefix=04;field=u16be@0")),
                station("Srv", "ser2cli_res/" + did, params(),
                        tag("apps", "Ci", "JA=onlineApps"),
                        tag("form", "TxtI", "JA=form"),
                        tag("fw", "Ci", "JA=firmwareType"),
                        tag("srvCmd", "Ci", "JA=command"),
                        tag("fwId", "Ci", "JA=firmwareId"),
                        tag("url", "TxtI", "JA=downloadUrl")));
        var values = new LinkedHashMap<>(line.parameters().values());
        values.put("topicFilter", List.of("app2dev/" + did + "/#", "ser2cli_res/" + did));
        line = line.withParameters(new ParameterValues(line.parameters().descriptors(), values));
        driver = new MqttDriver(line, host, new PahoSessionFactory());
        driver.start();
        awaitConnected();
    }

    private void awaitConnected() throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (driver.status().state() != LineState.CONNECTED) {
            assertTrue(System.nanoTime() < end, "line did not connect: " + driver.status());
            Thread.sleep(50);
        }
        Thread.sleep(300); // SUBACK before the first publish of the app
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        app.close();
    }

    private static boolean has(RecordingContext.Batch b, String tag, Object value) {
        return b.tags().contains(tag) && b.get(tag).value().isGood() && value.equals(b.get(tag).value().value());
    }

    @Test
    void aWriteWithAckCompletesWithTheAppsAckOfItsSnOrTimesOut() throws Exception {
        WriteResult ok = driver.write("send", "0a0b").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(ok.ok(), ok.message());
        TestGizwitsApp.Seen sent = app.seen.get(0);
        assertEquals("dev2app/" + did, sent.topic());
        assertEquals("010a0b", sent.frame().document().get("p0").asText());

        app.answer = false;
        long t0 = System.nanoTime();
        WriteResult silent = driver.write("send", "0c").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(WriteFailure.TIMEOUT, silent.failure(), silent.message());
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(1900).toNanos(), "waited the reply timeout of 2 s");
        assertTrue(silent.message().contains("no answer to tag send"), silent.message());

        WriteResult report = driver.write("report", 300L).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(report.ok(), report.message());
        long end = System.nanoTime() + WAIT.toNanos();
        while (app.seen.stream().noneMatch(s -> s.frame().document().get("command").asInt() == 0x0091)) {
            assertTrue(System.nanoTime() < end, "report not seen: " + app.seen);
            Thread.sleep(20);
        }
        assertEquals("04012c", app.seen.stream().filter(s -> s.frame().document().get("command").asInt() == 0x0091)
                .findFirst().orElseThrow().frame().document().get("p0").asText());
    }

    @Test
    void anAppsMessageWithAckIsAcknowledgedAutomaticallyAndItsP0ReachesTheTags() throws Exception {
        app.toDevice(GizwitsCodec.frame(GizwitsCommands.BUSINESS_ACK_REQUEST, 77, new byte[] {0x05}));
        RecordingContext.Batch b = host.awaitBatch("Dev", x -> has(x, "switch", 5L), WAIT);
        assertEquals(77L, b.get("sn").value().value());
        assertEquals(0x93L, b.get("cmd").value().value());
        assertEquals("app-" + did, b.get("app").value().value());
        long end = System.nanoTime() + WAIT.toNanos();
        while (app.seen.isEmpty()) {
            assertTrue(System.nanoTime() < end, "no ACK");
            Thread.sleep(20);
        }
        TestGizwitsApp.Seen ack = app.seen.get(0);
        assertEquals("dev2app/" + did + "/app-" + did, ack.topic(), "the reply goes to the app of the request");
        assertEquals("000000030700009400000" + "04d", HexFormat.of().formatHex(GizwitsCodec.frame(0x0094, 77,
                new byte[0])));
        assertEquals(148, ack.frame().document().get("command").asInt());
        assertEquals(77, ack.frame().document().get("sn").asInt());
    }

    @Test
    void serverFramesInTheShortAndTheLongFormFillTheirTags() throws Exception {
        app.fromServer(GizwitsVectors.named("app_count_short").bytes());
        host.awaitBatch("Srv", x -> has(x, "apps", 5L) && has(x, "form", "short"), WAIT);
        app.fromServer(GizwitsVectors.named("app_count_long").bytes());
        host.awaitBatch("Srv", x -> has(x, "apps", 261L) && has(x, "form", "long"), WAIT);
        app.fromServer(GizwitsVectors.named("ota_v41_short").bytes());
        host.awaitBatch("Srv", x -> has(x, "fw", 2L), WAIT);
        app.fromServer(GizwitsVectors.named("ota_v41_long").bytes());
        host.awaitBatch("Srv", x -> has(x, "srvCmd", 0x0211L) && has(x, "form", "long") && has(x, "fw", 1L), WAIT);
        for (String form : new String[] {"short", "long"}) { // 0x020E: firmware type, id and download URL
            app.fromServer(GizwitsVectors.named("ota_v40_" + form).bytes());
            host.awaitBatch("Srv", x -> has(x, "srvCmd", 0x020EL) && has(x, "form", form) && has(x, "fwId", 42L)
                    && has(x, "url", "http://ota.example/fw-42.bin"), WAIT);
        }
        app.fromServer(GizwitsVectors.named("error_app_count_short_truncated").bytes());
        RecordingContext.Batch bad = host.awaitBatch("Srv", x -> x.tags().contains("apps")
                && x.get("apps").value().reason() == Reason.PAYLOAD_ERROR, WAIT);
        assertTrue(bad.get("apps").value().detail().contains("bytes 6-7"), bad.get("apps").value().detail());
        assertEquals(1, driver.statistics().named(GizwitsSession.UNDECODABLE));
    }
}
