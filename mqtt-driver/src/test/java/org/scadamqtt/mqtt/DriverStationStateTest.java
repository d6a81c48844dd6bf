package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.DriverHarness.WAIT;
import static org.scadamqtt.mqtt.TestConfigs.line;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.InitialState;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.tag.Reason;

/** Station states: OFF, SIMUL, will messages, line down beyond the time filter. */
class DriverStationStateTest {

    @TempDir
    Path dir;

    private LineConfig config() {
        return line("L1", List.of("localhost"), params(),
                station("A", "dev/a/data", params("SWT", "dev/a/status", "SWP", "offline", "timeFilter", "0.3"),
                        tag("a_data", "TxtI", "IN_DATA"), tag("a_topic", "TxtO", "OUT_TOPIC"),
                        tag("a_out", "TxtO", "OUT_VALUE")),
                station("B", "dev/a/status", params("SWT", "dev/b/will"), tag("b_data", "TxtI", "IN_DATA")),
                station("C", "dev/c", InitialState.SIMUL, params(), tag("c_data", "TxtI", "IN_DATA")));
    }

    private static boolean allBad(RecordingContext.Batch b, Reason reason) {
        return b.updates().stream().allMatch(u -> u.value().reason() == reason);
    }

    @Test
    void offStationGetsNoValuesNoWritesAndBadStationOffTags() {
        try (DriverHarness h = new DriverHarness(config(), dir).startConnected()) {
            h.host.awaitState("A", StationState.StON, WAIT);
            h.session.deliver("dev/a/data", "v1", 1, 1);
            h.host.awaitBatch("A", b -> "v1".equals(b.get("a_data").value().value()), WAIT);
            h.driver.control("A", StationControl.OFF);
            h.host.awaitState("A", StationState.StOFF, WAIT);
            RecordingContext.Batch off = h.host.awaitBatch("A", b -> allBad(b, Reason.STATION_OFF), WAIT);
            assertEquals("v1", off.get("a_data").value().value(), "the last value is kept for display");
            int before = h.host.batches("A").size();
            h.session.deliver("dev/a/data", "v2", 1, 2);
            // the worker handles the message after any write queued before it: wait until it was
            // discarded, or the checks below could pass before the message was even looked at
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (h.driver.station("A").orElseThrow().discarded() < 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1, h.driver.station("A").orElseThrow().discarded());
            assertEquals(WriteFailure.STATION_NOT_ON, h.write("a_topic", "x/y").failure());
            assertEquals(before, h.host.batches("A").size(), "no values while StOFF");
        }
    }

    @Test
    void allStationsOffOrSimulDisconnectTheLineAndOneOnReconnectsIt() {
        try (DriverHarness h = new DriverHarness(config(), dir).startConnected()) {
            assertTrue(h.session.lastWanted());
            h.host.awaitState("C", StationState.StSIMUL, WAIT);
            h.driver.control("A", StationControl.OFF);
            assertTrue(h.session.lastWanted(), "B is still ON");
            h.driver.control("B", StationControl.SIMUL);
            assertFalse(h.session.lastWanted());
            h.host.awaitState("B", StationState.StSIMUL, WAIT);
            h.driver.control("A", StationControl.ON);
            assertTrue(h.session.lastWanted());
        }
    }

    @Test
    void simulatedStationPublishesNothingAfterStart() throws Exception {
        try (DriverHarness h = new DriverHarness(config(), dir).startConnected()) {
            h.host.awaitState("C", StationState.StSIMUL, WAIT);
            h.session.deliver("dev/c", "x", 0, 0);
            Thread.sleep(100);
            List<RecordingContext.Batch> batches = h.host.batches("C");
            assertEquals(2, batches.size(), "NOT_INITIALIZED, then the SIMUL marking; nothing from the message: " + batches);
            for (TagUpdate u : batches.get(1).updates()) {
                assertEquals(org.scadamqtt.tag.Quality.UNCERTAIN, u.value().quality());
                assertEquals(Reason.SIMULATED, u.value().reason(), "StSIMUL values are marked simulated");
                assertTrue(u.value().detail().contains("set by hand"), u.value().detail());
            }
        }
    }

    @Test
    void willMessageMakesHardErrorAndTheNextOrdinaryMessageBringsTheStationBack() {
        try (DriverHarness h = new DriverHarness(config(), dir).startConnected()) {
            h.session.deliver("dev/a/data", "v1", 0, 0);
            h.host.awaitBatch("A", b -> "v1".equals(b.get("a_data").value().value()), WAIT);
            // dev/a/status routes to B by address, but "offline" there is A's will: A takes it, B does not
            h.session.deliver("dev/a/status", "offline", 1, 7);
            h.host.awaitState("A", StationState.StHARDERR, WAIT);
            RecordingContext.Batch bad = h.host.awaitBatch("A", b -> allBad(b, Reason.STATION_ERROR), WAIT);
            assertEquals(List.of("a_data", "a_topic", "a_out"), bad.tags());
            assertFalse(h.host.batches("B").stream().anyMatch(b -> "offline".equals(b.get("b_data").value().value())));
            // the same topic with another payload is an ordinary message for B (its address)
            h.session.deliver("dev/a/status", "online", 0, 0);
            h.host.awaitBatch("B", b -> "online".equals(b.get("b_data").value().value()), WAIT);
            assertEquals(StationState.StHARDERR, h.host.state("A"));
            h.session.deliver("dev/a/data", "v2", 0, 0);
            h.host.awaitState("A", StationState.StON, WAIT);
            h.host.awaitBatch("A", b -> "v2".equals(b.get("a_data").value().value()), WAIT);
            DriverPipelineTest.awaitAcks(h, 1);
        }
    }

    @Test
    void willTopicWithoutPayloadMatchesAnyPayloadEvenOnAnUnroutedTopic() {
        try (DriverHarness h = new DriverHarness(config(), dir).startConnected()) {
            h.host.awaitState("B", StationState.StON, WAIT);
            h.session.deliver("dev/b/will", "whatever", 0, 0);
            h.host.awaitState("B", StationState.StHARDERR, WAIT);
            assertEquals(0, h.driver.statistics().snapshot().unrouted());
        }
    }

    @Test
    void lineDownIsComErrThenHardErrAfterTheTimeFilterAndBackOnWhenConnected() {
        try (DriverHarness h = new DriverHarness(config(), dir).startConnected()) {
            h.session.deliver("dev/a/data", "v1", 0, 0);
            h.host.awaitBatch("A", b -> "v1".equals(b.get("a_data").value().value()), WAIT);
            h.session.disconnect("connection lost");
            h.host.awaitState("A", StationState.StCOMERR, WAIT);
            h.host.awaitState("A", StationState.StHARDERR, WAIT);
            RecordingContext.Batch bad = h.host.awaitBatch("A", b -> allBad(b, Reason.NOT_CONNECTED), WAIT);
            TagUpdate data = bad.get("a_data");
            assertEquals("v1", data.value().value());
            h.session.connect();
            h.host.awaitState("A", StationState.StON, WAIT);
            h.session.deliver("dev/a/data", "v2", 0, 0);
            h.host.awaitBatch("A", b -> "v2".equals(b.get("a_data").value().value())
                    && b.get("a_data").value().isGood(), WAIT);
        }
    }

    @Test
    void shortOutageWithinTheTimeFilterStaysComErrAndKeepsValues() throws Exception {
        try (DriverHarness h = new DriverHarness(config(), dir).startConnected()) {
            h.host.awaitState("A", StationState.StON, WAIT);
            h.session.disconnect("blip");
            h.host.awaitState("A", StationState.StCOMERR, WAIT);
            h.session.connect();
            h.host.awaitState("A", StationState.StON, WAIT);
            Thread.sleep(500);
            assertFalse(h.host.states("A").stream().anyMatch(s -> s.state() == StationState.StHARDERR));
        }
    }
}
