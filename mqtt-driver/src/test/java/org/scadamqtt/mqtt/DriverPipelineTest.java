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
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagValue;

/** The inbound pipeline on a fake session: start state, IN_* order, acks, routing, ordering, isolation. */
class DriverPipelineTest {

    @TempDir
    Path dir;

    private LineConfig twoStations(String payloadType) {
        return line("L1", List.of("localhost"), params("payloadType", payloadType),
                station("A", "plant/a", params(),
                        tag("a_id", "Ci", "IN_ID"), tag("a_data", "TxtI", "IN_DATA"),
                        tag("a_topic", "TxtI", "IN_TOPIC"), tag("a_temp", "Ai", "JA=temp")),
                station("B", "plant/b", params(),
                        tag("b_data", "TxtI", "IN_DATA"), tag("b_temp", "Ai", "JA=temp")));
    }

    @Test
    void everyTagStartsBadNotInitializedAndStationsComErrUntilConnected() {
        try (DriverHarness h = new DriverHarness(twoStations("JSON"), dir)) {
            h.driver.start();
            RecordingContext.Batch first = h.host.awaitBatches("A", 1, WAIT).get(0);
            assertEquals(List.of("a_id", "a_data", "a_topic", "a_temp"), first.tags());
            for (TagUpdate u : first.updates()) {
                assertEquals(Quality.BAD, u.value().quality());
                assertEquals(Reason.NOT_INITIALIZED, u.value().reason());
            }
            h.host.awaitState("A", StationState.StCOMERR, WAIT);
            h.session.connect();
            h.host.awaitState("A", StationState.StON, WAIT);
            h.host.awaitState("B", StationState.StON, WAIT);
            assertTrue(h.session.started);
            assertTrue(h.session.lastWanted());
        }
    }

    @Test
    void inTagsComeInTopicDataIdOrderWithOneReceiveTimeAndQos1IsAckedAfterPublish() {
        try (DriverHarness h = new DriverHarness(twoStations("TEXT"), dir).startConnected()) {
            InboundMessage m = h.session.deliver("plant/a", "hello", 1, 42);
            RecordingContext.Batch b = h.host.awaitBatch("A", x -> x.tags().contains("a_topic")
                    && x.get("a_topic").value().isGood(), WAIT);
            // IN_TOPIC, IN_DATA, IN_ID whatever the file order; the JA tag gets nothing with Payload Type TEXT
            assertEquals(List.of("a_topic", "a_data", "a_id"), b.tags());
            assertEquals("plant/a", b.get("a_topic").value().value());
            assertEquals("hello", b.get("a_data").value().value());
            assertEquals(42L, b.get("a_id").value().value());
            for (TagUpdate u : b.updates()) {
                assertEquals(m.receivedAt(), u.value().receiveTime());
                assertEquals(m.receivedAt(), u.value().sourceTime());
            }
            awaitAcks(h, 1);
            assertEquals(m, h.session.acks.get(0));
        }
    }

    @Test
    void qos0MessageHasIdZeroAndIsNotAcked() throws Exception {
        try (DriverHarness h = new DriverHarness(twoStations("TEXT"), dir).startConnected()) {
            h.session.deliver("plant/a", "x", 0, 0);
            RecordingContext.Batch b = h.host.awaitBatch("A", x -> x.get("a_id").value().isGood(), WAIT);
            assertEquals(0L, b.get("a_id").value().value());
            h.session.deliver("plant/b", "y", 1, 9);
            awaitAcks(h, 1);
            Thread.sleep(50);
            assertEquals(1, h.session.acks.size(), "only the QoS 1 message is acknowledged");
            assertEquals(9, h.session.acks.get(0).messageId());
        }
    }

    @Test
    void unroutedMessageIsCountedAndAcknowledged() {
        try (DriverHarness h = new DriverHarness(twoStations("TEXT"), dir).startConnected()) {
            h.session.deliver("plant/zzz", "x", 1, 3);
            assertEquals(1, h.driver.statistics().snapshot().unrouted());
            assertEquals(1, h.session.acks.size());
        }
    }

    @Test
    void messagesOfOneStationReachTheHostInArrivalOrder() {
        try (DriverHarness h = new DriverHarness(twoStations("TEXT"), dir).startConnected()) {
            int n = 500;
            for (int i = 0; i < n; i++) {
                h.session.deliver(i % 2 == 0 ? "plant/a" : "plant/b", Integer.toString(i), 1, i % 65535 + 1);
            }
            List<RecordingContext.Batch> a = h.host.awaitBatches("A", 1 + n / 2, WAIT);
            List<RecordingContext.Batch> b = h.host.awaitBatches("B", 1 + n / 2, WAIT);
            int expect = 0;
            for (RecordingContext.Batch x : a.subList(1, a.size())) {
                assertEquals(Integer.toString(expect), x.get("a_data").value().value());
                expect += 2;
            }
            expect = 1;
            for (RecordingContext.Batch x : b.subList(1, b.size())) {
                assertEquals(Integer.toString(expect), x.get("b_data").value().value());
                expect += 2;
            }
            awaitAcks(h, n);
        }
    }

    @Test
    void badPayloadOnOneStationLeavesTheOtherStationsValuesGood() {
        try (DriverHarness h = new DriverHarness(twoStations("JSON"), dir).startConnected()) {
            h.session.deliver("plant/a", "{not json", 1, 1);
            h.session.deliver("plant/b", "{\"temp\": 21.5}", 1, 2);
            RecordingContext.Batch a = h.host.awaitBatch("A", x -> x.get("a_data").value().isGood(), WAIT);
            TagValue aTemp = a.get("a_temp").value();
            assertEquals(Reason.PAYLOAD_ERROR, aTemp.reason());
            assertTrue(aTemp.detail().contains("plant/a"), aTemp.detail());
            RecordingContext.Batch b = h.host.awaitBatch("B", x -> x.get("b_data").value().isGood(), WAIT);
            assertEquals(21.5, b.get("b_temp").value().value());
            assertEquals(1, h.driver.statistics().snapshot().badPayloads());
            // the next good message of A recovers its tag
            h.session.deliver("plant/a", "{\"temp\": 3}", 1, 3);
            h.host.awaitBatch("A", x -> x.get("a_temp").value().isGood(), WAIT);
        }
    }

    @Test
    void aStationWhoseHostIsSlowDoesNotDelayAnotherStation() {
        try (DriverHarness h = new DriverHarness(twoStations("TEXT"), dir).startConnected()) {
            h.host.awaitState("A", StationState.StON, WAIT);
            h.host.awaitState("B", StationState.StON, WAIT);
            h.host.blockPublishOf("A");
            try {
                h.session.deliver("plant/a", "slow", 1, 1);
                h.session.deliver("plant/b", "fast", 1, 2);
                h.host.awaitBatch("B", x -> "fast".equals(x.get("b_data").value().value()), WAIT);
                assertFalse(h.host.batches("A").stream().anyMatch(x -> x.tags().contains("a_data")
                        && "slow".equals(x.get("a_data").value().value())), "A is still blocked");
            } finally {
                h.host.releaseBlocked();
            }
            h.host.awaitBatch("A", x -> "slow".equals(x.get("a_data").value().value()), WAIT);
        }
    }

    @Test
    void stopLeavesNoDriverThreadRunning() throws Exception {
        DriverHarness h = new DriverHarness(twoStations("TEXT"), dir).startConnected();
        for (int i = 0; i < 50; i++) {
            h.session.deliver("plant/a", "x" + i, 0, 0);
        }
        h.host.awaitBatches("A", 51, WAIT);
        String prefix = h.driver.threadNamePrefix();
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(prefix)),
                "the driver runs threads named " + prefix);
        h.close();
        assertTrue(h.session.stopped);
        long end = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < end && alive(prefix)) {
            Thread.sleep(20);
        }
        assertFalse(alive(prefix), "a driver thread survived stop()");
    }

    private static boolean alive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().startsWith(prefix));
    }

    static void awaitAcks(DriverHarness h, int n) {
        long end = System.currentTimeMillis() + WAIT.toMillis();
        while (h.session.acks.size() < n && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(n, h.session.acks.size(), "acknowledgements");
    }
}
