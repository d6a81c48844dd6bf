package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.DriverHarness.WAIT;
import static org.scadamqtt.mqtt.DriverPipelineTest.awaitAcks;
import static org.scadamqtt.mqtt.TestConfigs.line;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.InboundMessage;

/** ACK_ID: hold the next message until the host confirms the current IN_ID; bounded holding. */
class DriverAckIdTest {

    @TempDir
    Path dir;

    private LineConfig config(String ackQueueLimit) {
        return line("L1", List.of("localhost"), params(),
                station("A", "dev/a", params("ackQueueLimit", ackQueueLimit),
                        tag("a_data", "TxtI", "IN_DATA"), tag("a_id", "Ci", "IN_ID"), tag("a_ack", "Co", "ACK_ID")),
                station("B", "dev/b", params(), tag("b_data", "TxtI", "IN_DATA")));
    }

    private static boolean hasData(RecordingContext.Batch b, String value) {
        return b.tags().contains("a_data") && value.equals(b.get("a_data").value().value());
    }

    @Test
    void nextMessageWaitsForTheRightAckAndQos1IsAcknowledgedOnlyThen() throws Exception {
        try (DriverHarness h = new DriverHarness(config("10"), dir).startConnected()) {
            InboundMessage m1 = h.session.deliver("dev/a", "one", 1, 5);
            InboundMessage m2 = h.session.deliver("dev/a", "two", 1, 6);
            h.host.awaitBatch("A", b -> hasData(b, "one"), WAIT);
            Thread.sleep(100);
            assertFalse(h.host.batches("A").stream().anyMatch(b -> hasData(b, "two")), "m2 is held");
            assertTrue(h.session.acks.isEmpty(), "m1 is not acknowledged before ACK_ID");

            WriteResult wrong = h.write("a_ack", 6L);
            assertEquals(WriteFailure.WRONG_VALUE, wrong.failure());
            assertTrue(wrong.message().contains("IN_ID 5"), wrong.message());
            assertTrue(h.session.acks.isEmpty());

            assertTrue(h.write("a_ack", 5L).ok());
            h.host.awaitBatch("A", b -> hasData(b, "two"), WAIT);
            assertEquals(List.of(m1), h.session.acks);

            assertTrue(h.write("a_ack", 6L).ok());
            assertEquals(List.of(m1, m2), h.session.acks);
            WriteResult nothing = h.write("a_ack", 6L);
            assertEquals(WriteFailure.WRONG_VALUE, nothing.failure());
            assertTrue(nothing.message().contains("no message is waiting"), nothing.message());
        }
    }

    @Test
    void qos0NeedsAckZeroAndIsNeverAcknowledgedToTheBroker() {
        try (DriverHarness h = new DriverHarness(config("10"), dir).startConnected()) {
            h.session.deliver("dev/a", "one", 0, 0);
            h.session.deliver("dev/a", "two", 0, 0);
            h.host.awaitBatch("A", b -> hasData(b, "one"), WAIT);
            assertTrue(h.write("a_ack", 0L).ok());
            h.host.awaitBatch("A", b -> hasData(b, "two"), WAIT);
            assertTrue(h.session.acks.isEmpty());
        }
    }

    @Test
    void aStationWithoutAckIdIsNotHeldByAnotherStationsGate() {
        try (DriverHarness h = new DriverHarness(config("10"), dir).startConnected()) {
            h.session.deliver("dev/a", "one", 1, 1);
            h.session.deliver("dev/a", "two", 1, 2);
            h.session.deliver("dev/b", "b1", 1, 3);
            h.host.awaitBatch("B", b -> "b1".equals(b.get("b_data").value().value()), WAIT);
            awaitAcks(h, 1);
            assertEquals(3, h.session.acks.get(0).messageId());
        }
    }

    @Test
    void atTheAckQueueLimitTheNewestMessageIsDroppedCountedAndAcknowledged() throws Exception {
        try (DriverHarness h = new DriverHarness(config("2"), dir).startConnected()) {
            h.session.deliver("dev/a", "one", 1, 1);
            h.host.awaitBatch("A", b -> hasData(b, "one"), WAIT);
            h.session.deliver("dev/a", "two", 1, 2);
            h.session.deliver("dev/a", "three", 1, 3);
            InboundMessage four = h.session.deliver("dev/a", "four", 1, 4);
            var worker = h.driver.station("A").orElseThrow();
            assertEquals(1, worker.dropped());
            assertEquals(2, worker.queued());
            assertEquals(List.of(four), h.session.acks, "the dropped QoS 1 message is acknowledged");
            assertEquals(1, h.driver.statistics().snapshot().errors());
            assertTrue(h.driver.statistics().snapshot().lastError().contains("dropped"));

            assertTrue(h.write("a_ack", 1L).ok());
            h.host.awaitBatch("A", b -> hasData(b, "two"), WAIT);
            assertTrue(h.write("a_ack", 2L).ok());
            h.host.awaitBatch("A", b -> hasData(b, "three"), WAIT);
            assertTrue(h.write("a_ack", 3L).ok());
            Thread.sleep(100);
            assertFalse(h.host.batches("A").stream().anyMatch(b -> hasData(b, "four")));
        }
    }

    @Test
    void switchingOffReleasesTheHeldMessagesAndAcknowledgesThem() {
        try (DriverHarness h = new DriverHarness(config("10"), dir).startConnected()) {
            h.session.deliver("dev/a", "one", 1, 1);
            h.host.awaitBatch("A", b -> hasData(b, "one"), WAIT);
            h.session.deliver("dev/a", "two", 1, 2);
            h.driver.control("A", org.scadamqtt.driver.StationControl.OFF);
            awaitAcks(h, 2);
            assertEquals(1, h.driver.station("A").orElseThrow().discarded());
        }
    }
}
