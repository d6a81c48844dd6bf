package org.scadamqtt.mqtt.profiles.wirepas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.RecordingContext;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.ErrorCode;
import org.scadamqtt.mqtt.profiles.wirepas.proto.WirepasApi.OnOffState;

/** The Wirepas profile through the whole driver and a real broker, with a test gateway answering. */
class WirepasHiveMqIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private EmbeddedHiveMq broker;
    private TestGateway gateway;
    private RecordingContext host;
    private MqttDriver driver;
    private String gw;

    @BeforeEach
    void setUp() throws Exception {
        broker = EmbeddedHiveMq.get();
        gw = "gwit" + Long.toHexString(System.nanoTime());
        gateway = new TestGateway(broker.tcpUri(), gw);
        gateway.status(OnOffState.ON);
        host = new RecordingContext(dir);
        LineConfig line = TestConfigs.line("WP", List.of("127.0.0.1"), broker.tcpPort(), params(
                "clientId", "wp-it-" + gw, "payloadType", "Wirepas", "topicFilter", "gw-event/#",
                "subscribeQos", "QoS_2", "publishQos", "QoS_2", "replyTimeout", "2", "writeTimeout", "5",
                "reconnectMinDelay", "0.1", "reconnectMaxDelay", "0.5"),
                station("GW", "gw-event/status/" + gw, params(),
                        tag("gw_state", "TxtI", "JA=wirepas.status_event.state"),
                        tag("gw_version", "Ci", "JA=wirepas.status_event.version"),
                        tag("gw_ask_info", "Co", "WP=get_gw_info")),
                station("GWCFG", "gw-response/get_configs/" + gw, params(),
                        tag("cfg_net", "Ci", "JA=wirepas.get_configs_resp.configs[1].network_address"),
                        tag("cfg_sink_state", "TxtI", "JA=wirepas.get_configs_resp.configs[1].sink_state")),
                station("GWINFO", "gw-response/get_gw_info/" + gw, params(),
                        tag("info_model", "TxtI", "JA=wirepas.get_gateway_info_resp.info.gw_model")),
                station("N42", "wirepas/node/" + gw + "/42", params("wirepasNode", "42", "wirepasGateway", gw,
                                "wirepasSink", "sink0"),
                        tag("n42_src", "Ci", "JA=wirepas.packet_received_event.source_address"),
                        tag("n42_temp", "Ci", "BIN=u16be@0"),
                        tag("n42_net", "TxtI", "TL=5"),
                        tag("n42_send", "TxtO", "WP=send_data;src_ep=1;dst_ep=1"),
                        tag("n42_bad", "TxtO", "WP=send_data;dst=999;src_ep=1;dst_ep=1"),
                        tag("n42_silent", "TxtO", "WP=send_data;dst=555;src_ep=1;dst_ep=1"),
                        // a station with a sink asks the whole gateway: the request must not carry the sink
                        tag("n42_ask_configs", "Co", "WP=get_configs")),
                station("N43", "wirepas/node/" + gw + "/43", params("wirepasNode", "43", "wirepasGateway", gw,
                                "wirepasFollowGateway", "NO"),
                        tag("n43_src", "Ci", "JA=wirepas.packet_received_event.source_address")),
                station("GW2", "gw-event/status/" + gw + "-other", params(),
                        tag("gw2_state", "TxtI", "JA=wirepas.status_event.state")),
                station("Rest", ".*", params(), tag("rest_topic", "TxtI", "IN_TOPIC")));
        driver = new MqttDriver(lineWithFilters(line), host, new PahoSessionFactory());
        driver.start();
    }

    private static LineConfig lineWithFilters(LineConfig line) {
        // two topicFilter values: events and responses
        var p = line.parameters();
        var values = new java.util.LinkedHashMap<>(p.values());
        values.put("topicFilter", List.of("gw-event/#", "gw-response/#"));
        return new LineConfig(line.name(), line.protocol(), line.hosts(), line.port(),
                new org.scadamqtt.config.ParameterValues(p.descriptors(), values), line.stations(), line.location());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.stop();
        }
        gateway.close();
    }

    private static boolean has(RecordingContext.Batch b, String tag, Object value) {
        return b.tags().contains(tag) && b.get(tag).value().isGood() && value.equals(b.get(tag).value().value());
    }

    private String lastReason(String station) {
        List<RecordingContext.State> s = host.states(station);
        return s.isEmpty() ? "" : s.get(s.size() - 1).reason();
    }

    @Test
    void gatewayStatusDrivesItsStationAndTheNodesThatFollowIt() throws Exception {
        host.awaitBatch("GW", b -> has(b, "gw_state", "ON") && has(b, "gw_version", 1L), WAIT);
        host.awaitState("GW", StationState.StON, WAIT);

        gateway.status(OnOffState.OFF);
        host.awaitState("GW", StationState.StHARDERR, WAIT);
        host.awaitState("N42", StationState.StHARDERR, WAIT);
        assertTrue(lastReason("N42").contains("gateway " + gw + " is OFF"), lastReason("N42"));
        host.awaitBatch("GW", b -> b.tags().contains("gw_state") && !b.get("gw_state").value().isGood(), WAIT);
        assertFalse(host.states("N43").stream().anyMatch(s -> s.state() == StationState.StHARDERR),
                "N43 does not follow its gateway");

        gateway.status(OnOffState.ON);
        host.awaitState("GW", StationState.StON, WAIT);
        host.awaitState("N42", StationState.StON, WAIT);

        // the status reached N42 as a bare signal: its JA= tags were not read from the status message
        assertFalse(host.batches("N42").stream().anyMatch(x -> x.tags().contains("n42_src")
                && x.get("n42_src").value().reason() == Reason.MISSING_IN_PAYLOAD), host.batches("N42").toString());

        gateway.removeStatus();
        host.awaitState("GW", StationState.StHARDERR, WAIT);
        host.awaitState("N42", StationState.StHARDERR, WAIT);
        assertTrue(lastReason("GW").contains("was removed"), lastReason("GW"));
    }

    @Test
    void theGatewaysWillPublishedByTheBrokerPutsItAndItsNodesInHardErrorWithTagsInvalid() throws Exception {
        host.awaitBatch("GW", b -> has(b, "gw_state", "ON"), WAIT);
        host.awaitState("GW", StationState.StON, WAIT);
        gateway.packet(42, 2001, new byte[] {0x00, 0x07});
        host.awaitBatch("N42", x -> has(x, "n42_temp", 7L), WAIT);

        gateway.crash(); // no DISCONNECT: the broker publishes the gateway's will, state OFF, retained
        host.awaitState("GW", StationState.StHARDERR, WAIT);
        host.awaitState("N42", StationState.StHARDERR, WAIT);
        assertTrue(lastReason("GW").contains("gateway " + gw + " is OFF"), lastReason("GW"));
        host.awaitBatch("GW", b -> b.tags().contains("gw_state") && !b.get("gw_state").value().isGood(), WAIT);
        host.awaitBatch("N42", b -> b.tags().contains("n42_temp") && !b.get("n42_temp").value().isGood(), WAIT);
    }

    @Test
    void packetsReachTheirNodesStationDuplicatesAreDroppedAndMalformedMessagesHurtNoOtherStation() throws Exception {
        host.awaitState("GW", StationState.StON, WAIT);
        gateway.packet(42, 1001, new byte[] {0x01, 0x02});
        RecordingContext.Batch b = host.awaitBatch("N42", x -> has(x, "n42_temp", 258L), WAIT);
        assertEquals(42L, b.get("n42_src").value().value());
        assertEquals("12345", b.get("n42_net").value().value());
        gateway.packet(43, 1002, new byte[] {0x00});
        host.awaitBatch("N43", x -> has(x, "n43_src", 43L), WAIT);

        gateway.packet(42, 1001, new byte[] {0x01, 0x02}); // QoS 1 redelivery: same event id
        gateway.raw("gw-event/status/" + gw + "-other", new byte[] {0x0a, 0x7f}, false); // malformed
        gateway.packet(42, 1003, new byte[] {0x00, 0x03});
        host.awaitBatch("N42", x -> has(x, "n42_temp", 3L), WAIT);
        RecordingContext.Batch bad = host.awaitBatch("GW2", x -> x.tags().contains("gw2_state")
                && x.get("gw2_state").value().reason() == Reason.PAYLOAD_ERROR, WAIT);
        assertTrue(bad.get("gw2_state").value().detail().contains("at byte 1 of 2"), bad.get("gw2_state").value().detail());
        assertEquals(1, host.batches("N42").stream().filter(x -> has(x, "n42_temp", 258L)).count(),
                "the duplicate event 1001 was dropped");
        assertEquals(1, driver.statistics().named(WirepasSession.DUPLICATES));
        assertFalse(host.batches("Rest").stream().anyMatch(x -> x.tags().contains("rest_topic")
                && String.valueOf(x.get("rest_topic").value().value()).startsWith("gw-event/received_data/" + gw)),
                "node 42's and 43's packets went to their stations, not by topic to Rest: " + host.batches("Rest"));
    }

    @Test
    void sendDataCompletesWithTheGatewaysAnswerItsErrorCodeOrATimeout() throws Exception {
        host.awaitState("GW", StationState.StON, WAIT);
        host.awaitState("N42", StationState.StON, WAIT);
        // the line may still be subscribing to the responses right after it connected: a first request whose
        // answer came before the SUBACK times out, so try up to three times (on a loaded machine)
        WriteResult ok = null;
        for (int i = 0; i < 3 && (ok == null || !ok.ok()); i++) {
            ok = driver.write("n42_send", "0a0b").toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertTrue(ok.ok(), ok.message());
        var req = gateway.requests.get(gateway.requests.size() - 1);
        assertEquals(42, req.getDestinationAddress());
        assertEquals("0a0b", java.util.HexFormat.of().formatHex(req.getPayload().toByteArray()));

        WriteResult rejected = driver.write("n42_bad", "01").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(WriteFailure.REJECTED, rejected.failure());
        assertTrue(rejected.message().contains("INVALID_DEST_ADDRESS"), rejected.message());

        long t0 = System.nanoTime();
        WriteResult silent = driver.write("n42_silent", "01").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(WriteFailure.TIMEOUT, silent.failure(), silent.message());
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(1900).toNanos(), "waited the reply timeout of 2 s");
    }

    @Test
    void getConfigsAndGetGwInfoAskTheWholeGatewayAndTheirAnswersIncludingUnsolicitedOnesFillTags() throws Exception {
        host.awaitBatch("GW", b -> has(b, "gw_state", "ON"), WAIT); // the line is connected and subscribed
        // as in the send_data test: a first request may be published before the responses are subscribed
        WriteResult configs = null;
        for (int i = 0; i < 3 && (configs == null || !configs.ok()); i++) {
            configs = driver.write("n42_ask_configs", 1L).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertTrue(configs.ok(), "the gateway takes get_configs on gw-request/get_configs/" + gw + " only: "
                + configs.message());
        host.awaitBatch("GWCFG", b -> has(b, "cfg_net", 12345L) && has(b, "cfg_sink_state", "ON"), WAIT);

        WriteResult info = driver.write("gw_ask_info", 1L).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(info.ok(), info.message());
        host.awaitBatch("GWINFO", b -> has(b, "info_model", "test-gw"), WAIT);
        assertTrue(gateway.gatewayRequests.stream().allMatch(t -> t.equals("gw-request/get_configs/" + gw)
                || t.equals("gw-request/get_gw_info/" + gw)), gateway.gatewayRequests.toString());

        gateway.network = 777;
        gateway.configsChanged(); // unsolicited: req_id 0
        host.awaitBatch("GWCFG", b -> has(b, "cfg_net", 777L), WAIT);
        gateway.network = 888;
        gateway.sinkConfigSet(); // unsolicited set_config answer: one sink, merged into the sinks the tags read
        host.awaitBatch("GWCFG", b -> has(b, "cfg_net", 888L) && has(b, "cfg_sink_state", "ON"), WAIT);
        assertEquals(0, driver.statistics().named(WirepasSession.UNKNOWN_RESPONSES),
                "answers to our requests and req_id 0 are not unknown responses");
        assertFalse(host.batches("Rest").stream().anyMatch(x -> x.tags().contains("rest_topic")
                && String.valueOf(x.get("rest_topic").value().value()).startsWith("gw-response/")), host.batches("Rest")
                .toString());
    }

    @Test
    void twoConcurrentWritesEachGetTheirOwnAnswer() throws Exception {
        host.awaitState("GW", StationState.StON, WAIT);
        // each station learns that the line is up on its own lane: N42 may hear it after GW
        host.awaitState("N42", StationState.StON, WAIT);
        // the gateway answers dst 42 after 400 ms, dst 999 at once: the answers arrive in reverse order
        CompletableFuture<WriteResult> first = driver.write("n42_send", "01").toCompletableFuture();
        CompletableFuture<WriteResult> second = driver.write("n42_bad", "02").toCompletableFuture();
        WriteResult r2 = second.get(10, TimeUnit.SECONDS);
        WriteResult r1 = first.get(10, TimeUnit.SECONDS);
        assertTrue(r1.ok(), r1.message());
        assertEquals(WriteFailure.REJECTED, r2.failure(), r2.message());
        assertEquals(0, driver.statistics().named(WirepasSession.UNKNOWN_RESPONSES));

        // another backend's request answered: its req_id is not ours, so it is counted and completes nothing
        gateway.raw("gw-response/send_data/" + gw + "/sink0", WirepasSessionTest.sendResponse(4242, ErrorCode.OK), false);
        long end = System.nanoTime() + WAIT.toNanos();
        while (driver.statistics().named(WirepasSession.UNKNOWN_RESPONSES) == 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertEquals(1, driver.statistics().named(WirepasSession.UNKNOWN_RESPONSES));
    }
}
