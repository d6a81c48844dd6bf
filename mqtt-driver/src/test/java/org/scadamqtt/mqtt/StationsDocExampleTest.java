package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.DriverHarness.WAIT;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.xml.ConfigLoader;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.config.MqttProtocolRules;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.tag.TagValue;

/**
 * Replays the table of "A complete example to copy" in docs/stations-and-tags.md on the
 * configuration shown there (loaded from the page itself), so the page cannot drift from the
 * driver. Only the time filter is shortened (10 s → 0.3 s) to keep the test fast.
 */
class StationsDocExampleTest {

    @TempDir
    Path dir;

    private static LineConfig docLine() throws Exception {
        DocsExamples.Example e = DocsExamples.example("stations-and-tags.md", "name=\"PUMP1\"");
        String xml = e.xml().replace("<param name=\"timeFilter\">10</param>", "<param name=\"timeFilter\">0.3</param>");
        assertFalse(xml.equals(e.xml()), "the example sets timeFilter 10");
        return new ConfigLoader(MqttProtocolRules.catalog()).load(xml, e.where()).lines().get(0);
    }

    private static boolean has(RecordingContext.Batch b, String tag, Object value) {
        return b.tags().contains(tag) && value.equals(b.get(tag).value().value()) && b.get(tag).value().isGood();
    }

    private static boolean allBad(RecordingContext.Batch b, Reason reason) {
        return !b.updates().isEmpty() && b.updates().stream().allMatch(u -> u.value().reason() == reason);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void theTableOfTheCompleteExampleHolds() throws Exception {
        try (DriverHarness h = new DriverHarness(docLine(), dir)) {
            // 1. start: every tag BAD NOT_INITIALIZED; StCOMERR, SPARE StOFF
            h.driver.start();
            for (String st : List.of("PUMP1", "JOBS", "CMD", "SPARE")) {
                RecordingContext.Batch first = h.host.awaitBatches(st, 1, WAIT).get(0);
                for (TagUpdate u : first.updates()) {
                    assertEquals(Reason.NOT_INITIALIZED, u.value().reason(), st + " " + u);
                }
            }
            h.host.awaitState("PUMP1", StationState.StCOMERR, WAIT);
            h.host.awaitState("SPARE", StationState.StOFF, WAIT);
            // 2. connected
            h.session.connect();
            for (String st : List.of("PUMP1", "JOBS", "CMD")) {
                h.host.awaitState(st, StationState.StON, WAIT);
            }

            // 3. JSON with time field, QoS 1
            String p3 = "{\"meta\":{\"ts\":\"2024-05-01 12:00:00.000\"},\"rpm\":1450}";
            InboundMessage m3 = h.session.deliver("plant/pump1", p3, 1, 17);
            RecordingContext.Batch b3 = h.host.awaitBatch("PUMP1", b -> has(b, "PUMP1_RPM", 1450.0), WAIT);
            assertEquals(List.of("PUMP1_TOPIC", "PUMP1_DATA", "PUMP1_ID", "PUMP1_RPM", "PUMP1_ALARM"), b3.tags());
            assertEquals("plant/pump1", b3.get("PUMP1_TOPIC").value().value());
            assertEquals(p3, b3.get("PUMP1_DATA").value().value());
            assertEquals(17L, b3.get("PUMP1_ID").value().value());
            assertEquals(Reason.MISSING_IN_PAYLOAD, b3.get("PUMP1_ALARM").value().reason());
            for (TagUpdate u : b3.updates()) {
                assertEquals(Instant.parse("2024-05-01T10:00:00Z"), u.value().sourceTime(), u.toString());
                assertEquals(m3.receivedAt(), u.value().receiveTime(), u.toString());
            }
            await(() -> h.session.acks.contains(m3), "the PUBACK of step 3");

            // 4. QoS 0 without the time field
            InboundMessage m4 = h.session.deliver("plant/pump1", "{\"rpm\":1500,\"alarm\":{\"code\":\"E7\"}}", 0, 0);
            RecordingContext.Batch b4 = h.host.awaitBatch("PUMP1", b -> has(b, "PUMP1_RPM", 1500.0), WAIT);
            assertEquals(0L, b4.get("PUMP1_ID").value().value());
            assertEquals("E7", b4.get("PUMP1_ALARM").value().value());
            assertEquals(m4.receivedAt(), b4.get("PUMP1_RPM").value().sourceTime());

            // 5. not JSON
            h.session.deliver("plant/pump1", "hello", 0, 0);
            RecordingContext.Batch b5 = h.host.awaitBatch("PUMP1", b -> has(b, "PUMP1_DATA", "hello"), WAIT);
            assertEquals(Reason.PAYLOAD_ERROR, b5.get("PUMP1_RPM").value().reason());
            assertEquals(Reason.PAYLOAD_ERROR, b5.get("PUMP1_ALARM").value().reason());
            assertTrue(b5.get("PUMP1_RPM").value().detail().contains("not valid JSON"), b5.get("PUMP1_RPM").toString());
            assertEquals(1, h.driver.statistics().snapshot().badPayloads());

            // 6. station will
            h.session.deliver("plant/status/pump1", "offline", 0, 0);
            h.host.awaitState("PUMP1", StationState.StHARDERR, WAIT);
            h.host.awaitBatch("PUMP1", b -> allBad(b, Reason.STATION_ERROR), WAIT);
            // 7. the next ordinary message
            h.session.deliver("plant/pump1", "{\"rpm\":1460}", 0, 0);
            h.host.awaitState("PUMP1", StationState.StON, WAIT);
            h.host.awaitBatch("PUMP1", b -> has(b, "PUMP1_RPM", 1460.0), WAIT);

            // 8.–10. ACK_ID
            InboundMessage job1 = h.session.deliver("jobs/in", "job-1", 1, 5);
            InboundMessage job2 = h.session.deliver("jobs/in", "job-2", 1, 6);
            RecordingContext.Batch j1 = h.host.awaitBatch("JOBS", b -> has(b, "JOBS_DATA", "job-1"), WAIT);
            assertEquals(5L, j1.get("JOBS_ID").value().value());
            Thread.sleep(100);
            assertFalse(h.host.batches("JOBS").stream().anyMatch(b -> has(b, "JOBS_DATA", "job-2")), "job-2 is held");
            assertFalse(h.session.acks.contains(job1), "job-1 is not acknowledged before JOBS_ACK");
            WriteResult wrong = h.write("JOBS_ACK", 6L);
            assertEquals(WriteFailure.WRONG_VALUE, wrong.failure());
            assertTrue(wrong.message().contains("does not match IN_ID 5 of the waiting message on topic 'jobs/in'; "
                    + "write 5 to confirm it"), wrong.message());
            assertFalse(h.session.acks.contains(job1));
            assertTrue(h.write("JOBS_ACK", 5L).ok());
            assertTrue(h.session.acks.contains(job1));
            RecordingContext.Batch j2 = h.host.awaitBatch("JOBS", b -> has(b, "JOBS_DATA", "job-2"), WAIT);
            assertEquals(6L, j2.get("JOBS_ID").value().value());
            assertFalse(h.session.acks.contains(job2), "job-2 waits for its own confirmation");

            // 11.–12. OUT_TOPIC + OUT_VALUE
            assertEquals(WriteFailure.NO_OUT_TOPIC, h.write("CMD_VALUE", "1200").failure());
            assertTrue(h.write("CMD_TOPIC", "cmd/pump3/speed").ok());
            CompletableFuture<WriteResult> w = h.driver.write("CMD_VALUE", "1200").toCompletableFuture();
            await(() -> !h.session.published.isEmpty(), "the publish of step 12");
            FakeSession.Published p = h.session.published.get(0);
            assertEquals("cmd/pump3/speed", p.topic());
            assertEquals("1200", p.payload());
            assertEquals(1, p.qos());
            assertFalse(p.retain());
            Thread.sleep(50);
            assertFalse(w.isDone(), "the write waits for the PUBACK");
            p.result().complete(null);
            assertTrue(w.get(2, TimeUnit.SECONDS).ok());

            // 13. an OFF station
            int spareBatches = h.host.batches("SPARE").size();
            h.session.deliver("plant/spare", "x", 1, 30);
            await(() -> h.driver.station("SPARE").orElseThrow().discarded() == 1, "SPARE to discard the message");
            assertEquals(spareBatches, h.host.batches("SPARE").size(), "no values for an OFF station");
            await(() -> h.session.acks.stream().anyMatch(a -> a.messageId() == 30), "the ack of the discarded message");

            // 14. unrouted
            h.session.deliver("plant/unknown", "x", 0, 0);
            assertEquals(1, h.driver.statistics().snapshot().unrouted());

            // 15. the broker goes away
            int before = h.host.batches("PUMP1").size();
            h.session.disconnect("connection lost");
            h.host.awaitState("PUMP1", StationState.StCOMERR, WAIT);
            assertEquals(WriteFailure.NOT_CONNECTED, h.write("CMD_VALUE", "1300").failure());
            h.host.awaitState("PUMP1", StationState.StHARDERR, WAIT);
            await(() -> h.host.batches("PUMP1").stream().skip(before).anyMatch(b -> allBad(b, Reason.NOT_CONNECTED)),
                    "PUMP1's tags BAD NOT_CONNECTED");
            RecordingContext.Batch down = h.host.batches("PUMP1").stream().skip(before)
                    .filter(b -> allBad(b, Reason.NOT_CONNECTED)).findFirst().orElseThrow();
            TagValue rpm = down.get("PUMP1_RPM").value();
            assertEquals(Quality.BAD, rpm.quality());
            assertEquals(1460.0, rpm.value(), "the last value is kept for display");
            // 16. back
            h.session.connect();
            h.host.awaitState("PUMP1", StationState.StON, WAIT);

            // 17. every station OFF or SIMUL disconnects the line
            assertTrue(h.session.lastWanted());
            h.driver.control("PUMP1", StationControl.OFF);
            h.driver.control("JOBS", StationControl.SIMUL);
            assertTrue(h.session.lastWanted(), "CMD is still ON");
            h.driver.control("CMD", StationControl.OFF);
            assertFalse(h.session.lastWanted());
            h.driver.control("CMD", StationControl.ON);
            assertTrue(h.session.lastWanted());
        }
    }
}
