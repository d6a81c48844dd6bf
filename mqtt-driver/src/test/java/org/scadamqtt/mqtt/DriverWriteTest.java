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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.PublishException;

/** OUT_TOPIC + OUT_VALUE writes: success per QoS and each failure reason. */
class DriverWriteTest {

    @TempDir
    Path dir;

    private LineConfig config() {
        return line("L1", List.of("localhost"), params("publishQos", "QoS_1", "publishRetain", "YES",
                        "writeTimeout", "0.3"),
                station("A", "dev/a", params(), tag("a_in", "TxtI", "IN_DATA"), tag("a_topic", "TxtO", "OUT_TOPIC"),
                        tag("a_out", "TxtO", "OUT_VALUE"), tag("a_json", "Ao", "JA=x")));
    }

    private static DriverHarness connected(DriverHarness h) {
        h.host.awaitState("A", StationState.StON, WAIT);
        return h;
    }

    @Test
    void outValueIsPublishedOnTheLastOutTopicWithLineQosAndRetainAndCompletesOnConfirmation() throws Exception {
        try (DriverHarness h = connected(new DriverHarness(config(), dir).startConnected())) {
            assertTrue(h.write("a_topic", "cmd/first").ok());
            assertTrue(h.write("a_topic", "cmd/valve").ok());
            CompletableFuture<WriteResult> w = h.driver.write("a_out", "OPEN").toCompletableFuture();
            long end = System.currentTimeMillis() + 2000;
            while (h.session.published.isEmpty() && System.currentTimeMillis() < end) {
                Thread.sleep(5);
            }
            FakeSession.Published p = h.session.published.get(0);
            assertEquals("cmd/valve", p.topic());
            assertEquals("OPEN", p.payload());
            assertEquals(1, p.qos());
            assertTrue(p.retain());
            assertFalse(w.isDone(), "the write waits for the broker's confirmation");
            p.result().complete(null);
            assertTrue(w.get(2, TimeUnit.SECONDS).ok());
        }
    }

    @Test
    void writeWhileDisconnectedFailsAtOnce() {
        try (DriverHarness h = new DriverHarness(config(), dir)) {
            h.driver.start();
            assertTrue(h.write("a_topic", "cmd/valve").ok());
            WriteResult r = h.write("a_out", "OPEN");
            assertEquals(WriteFailure.NOT_CONNECTED, r.failure());
            assertTrue(r.message().contains("not connected"), r.message());
            assertTrue(h.session.published.isEmpty());
        }
    }

    @Test
    void writeWithoutOutTopicFails() {
        try (DriverHarness h = connected(new DriverHarness(config(), dir).startConnected())) {
            WriteResult r = h.write("a_out", "OPEN");
            assertEquals(WriteFailure.NO_OUT_TOPIC, r.failure());
            assertTrue(r.message().contains("OUT_TOPIC"), r.message());
        }
    }

    @Test
    void unconfirmedPublishTimesOutOnceWithTheSessionsTextAndTheTagStationAndLine() throws Exception {
        // the session owns the broker-confirmation deadline (DriverWriteTimeoutIT shows it on a real
        // broker); the station passes its TIMEOUT on, naming tag, station and line once
        try (DriverHarness h = connected(new DriverHarness(config(), dir).startConnected())) {
            h.write("a_topic", "cmd/valve");
            CompletableFuture<WriteResult> w = h.driver.write("a_out", "OPEN").toCompletableFuture();
            FakeSession.Published p = awaitPublished(h);
            String sessionText = "the broker did not confirm the message to topic 'cmd/valve' (QoS 1) within 0.3 s "
                    + "(line parameter writeTimeout)";
            p.result().completeExceptionally(new PublishException(WriteFailure.TIMEOUT, sessionText));
            WriteResult r = w.get(2, TimeUnit.SECONDS);
            assertEquals(WriteFailure.TIMEOUT, r.failure());
            assertEquals("writing tag a_out of station A on line L1 failed: " + sessionText, r.message());
        }
    }

    @Test
    void theStationSchedulesNoTimerOfItsOwnForTheBrokersConfirmation() throws Exception {
        try (DriverHarness h = connected(new DriverHarness(config(), dir).startConnected())) {
            h.write("a_topic", "cmd/valve");
            int before = h.driver.scheduledTimers();
            CompletableFuture<WriteResult> w = h.driver.write("a_out", "OPEN").toCompletableFuture();
            FakeSession.Published p = awaitPublished(h);
            assertEquals(before, h.driver.scheduledTimers(), "the write waits on the session's deadline only");
            // the fake session never times out: past writeTimeout (0.3 s) the write must still wait,
            // since a second deadline for the same wait would have failed it by now
            Thread.sleep(600);
            assertFalse(w.isDone(), "only the session may time out the broker's confirmation: " + w);
            p.result().complete(null);
            assertTrue(w.get(2, TimeUnit.SECONDS).ok());
            assertEquals(before, h.driver.scheduledTimers());
        }
    }

    private static FakeSession.Published awaitPublished(DriverHarness h) throws InterruptedException {
        long end = System.currentTimeMillis() + 2000;
        while (h.session.published.isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        return h.session.published.get(0);
    }

    @Test
    void publishFailureReasonIsPassedOn() throws Exception {
        try (DriverHarness h = connected(new DriverHarness(config(), dir).startConnected())) {
            h.write("a_topic", "cmd/valve");
            CompletableFuture<WriteResult> w = h.driver.write("a_out", "OPEN").toCompletableFuture();
            long end = System.currentTimeMillis() + 2000;
            while (h.session.published.isEmpty() && System.currentTimeMillis() < end) {
                Thread.sleep(5);
            }
            h.session.published.get(0).result()
                    .completeExceptionally(new PublishException(WriteFailure.REJECTED, "too many in flight"));
            WriteResult r = w.get(2, TimeUnit.SECONDS);
            assertEquals(WriteFailure.REJECTED, r.failure());
            assertTrue(r.message().contains("too many in flight"), r.message());
        }
    }

    @Test
    void wildcardTopicAndWrongValueTypesAreRejected() {
        try (DriverHarness h = connected(new DriverHarness(config(), dir).startConnected())) {
            assertEquals(WriteFailure.WRONG_VALUE, h.write("a_topic", "cmd/#").failure());
            assertEquals(WriteFailure.WRONG_VALUE, h.write("a_topic", 5L).failure());
        }
    }

    @Test
    void unknownInputAndJsonTagsAreNotWritableAndAStoppedDriverRefuses() {
        DriverHarness h = connected(new DriverHarness(config(), dir).startConnected());
        try {
            assertEquals(WriteFailure.UNKNOWN_TAG, h.write("nope", "x").failure());
            assertEquals(WriteFailure.NOT_WRITABLE, h.write("a_in", "x").failure());
            assertEquals(WriteFailure.NOT_WRITABLE, h.write("a_json", 1.0).failure());
        } finally {
            h.close();
        }
        assertEquals(WriteFailure.STOPPED, h.write("a_out", "x").failure());
    }
}
