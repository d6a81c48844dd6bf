package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.DriverHarness.WAIT;
import static org.scadamqtt.mqtt.TestConfigs.line;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.profiles.json.JsonProfile;
import org.scadamqtt.mqtt.profiles.text.TextProfile;
import org.scadamqtt.tag.Quality;
import org.scadamqtt.tag.Reason;

/** The payload-profile seam end to end through the driver, with the test profile {@link PipeProfile}. */
class ProfileSeamTest {

    private static final ProfileRegistry PROFILES = ProfileRegistry.of(List.of(new TextProfile(), new JsonProfile(),
            new PipeProfile()));

    @TempDir
    Path dir;

    private static LineConfig pipeLine() {
        LineConfig l = line("L", List.of("h"), params("replyTimeout", "0.3", "publishQos", "QoS_0"),
                station("N1", "pipe/n1", params(), tag("n1_value", "Ai", "PIPE=value"),
                        tag("n1_unc", "Ai", "PIPE=uncertain"), tag("n1_level", "TxtI", "TL=2"),
                        tag("n1_bin", "Ci", "BIN=ascii@0:2"), tag("n1_keep", "Ai", "PIPE=none"),
                        tag("n1_set", "TxtO", "PIPE-SET")),
                station("N2", "pipe/n2", params(), tag("n2_value", "Ai", "PIPE=value")),
                station("REST", ".*", params(), tag("rest_topic", "TxtI", "IN_TOPIC"), tag("rest_node", "TxtI",
                        "JA=node")));
        return l.withParameters(l.parameters().with("payloadType", "PIPE"));
    }

    private DriverHarness start() {
        DriverHarness h = new DriverHarness(pipeLine(), dir, PROFILES).startConnected();
        h.host.awaitState("N1", StationState.StON, WAIT);
        return h;
    }

    @Test
    void messagesGoToTheStationOfTheirKeyWhateverTheTopic() {
        try (DriverHarness h = start()) {
            h.session.deliver("any/where", "N2|42|x", 0, 0);
            RecordingContext.Batch b = h.host.awaitBatch("N2", bound("n2_value"), WAIT);
            assertEquals(42.0, b.get("n2_value").value().value());
            assertEquals(PipeProfile.VALUE_TIME, b.get("n2_value").value().sourceTime(), "the reading's own time");
            assertTrue(h.host.batches("N1").stream().noneMatch(bound("n1_value")));
        }
    }

    @Test
    void anUnknownKeyFallsBackToTopicRouting() {
        try (DriverHarness h = start()) {
            h.session.deliver("pipe/x", "N9|1|x", 0, 0);
            RecordingContext.Batch b = h.host.awaitBatch("REST", bound("rest_topic"), WAIT);
            assertEquals("pipe/x", b.get("rest_topic").value().value());
            assertEquals("N9", b.get("rest_node").value().value(), "JA= reads the profile's document");
        }
    }

    @Test
    void genericAddressesAndProfileReadingsBindInOneMessage() {
        try (DriverHarness h = start()) {
            h.session.deliver("pipe/n1/temp", "N1|17|x", 0, 0);
            RecordingContext.Batch b = h.host.awaitBatch("N1", bound("n1_value"), WAIT);
            assertEquals("n1", b.get("n1_level").value().value());
            assertEquals(17L, b.get("n1_bin").value().value(), "BIN= reads the profile's binary view");
            assertEquals(Quality.UNCERTAIN, b.get("n1_unc").value().quality());
            assertEquals(17.0, b.get("n1_unc").value().value());
            assertFalse(b.tags().contains("n1_keep"), "a reading that leaves the tag unchanged sends nothing");
        }
    }

    @Test
    void qos1MessageForSeveralStationsIsAcknowledgedOnceAfterAll() throws Exception {
        try (DriverHarness h = start()) {
            h.host.blockPublishOf("N2");
            h.session.deliver("pipe/x", "N1+N2|1|x", 1, 7);
            h.host.awaitBatch("N1", bound("n1_value"), WAIT);
            Thread.sleep(100);
            assertTrue(h.session.acks.isEmpty(), "N2 has not delivered yet");
            h.host.releaseBlocked();
            h.host.awaitBatch("N2", bound("n2_value"), WAIT);
            long end = System.currentTimeMillis() + 2000;
            while (h.session.acks.isEmpty() && System.currentTimeMillis() < end) {
                Thread.sleep(5);
            }
            assertEquals(1, h.session.acks.size());
        }
    }

    @Test
    void messagesTheProfileHandlesAreAcknowledgedAndReachNoStation() throws Exception {
        try (DriverHarness h = start()) {
            h.session.deliver("pipe/n1", "dup|1|x", 1, 3);
            assertEquals(1, h.session.acks.size(), "acknowledged on the dispatch thread");
            assertEquals(1, h.driver.statistics().named("pipe duplicates"));
            assertEquals(1L, h.driver.statistics().snapshot().named().get("pipe duplicates"));
            Thread.sleep(100);
            assertTrue(h.host.batches("N1").stream().noneMatch(bound("n1_value")));
        }
    }

    @Test
    void aFaultSignalPutsTheStationIntoHardErrorUntilItClears() {
        try (DriverHarness h = start()) {
            h.session.deliver("pipe/n1", "N1|5|x", 0, 0);
            h.host.awaitBatch("N1", bound("n1_value"), WAIT);
            h.session.deliver("pipe/n1", "N1|5|OFF", 0, 0);
            h.host.awaitState("N1", StationState.StHARDERR, WAIT);
            RecordingContext.Batch bad = h.host.awaitBatch("N1", x -> x.tags().contains("n1_value")
                    && x.get("n1_value").value().reason() == Reason.STATION_ERROR, WAIT);
            assertEquals(Reason.STATION_ERROR, bad.get("n1_value").value().reason());
            assertTrue(bad.get("n1_value").value().detail().contains("node N1 is OFF"), bad.toString());
            h.session.deliver("pipe/n1", "N1|6|ON", 0, 0);
            h.host.awaitState("N1", StationState.StON, WAIT);
            h.host.awaitBatch("N1", x -> x.tags().contains("n1_value") && x.get("n1_value").value().isGood()
                    && Double.valueOf(6.0).equals(x.get("n1_value").value().value()), WAIT);
        }
    }

    @Test
    void aCorrelatedWriteCompletesWithTheDevicesAnswer() throws Exception {
        try (DriverHarness h = start()) {
            CompletableFuture<WriteResult> w = h.driver.write("n1_set", "open").toCompletableFuture();
            FakeSession.Published p = awaitPublished(h, 1);
            assertEquals("pipe/set/N1", p.topic());
            assertEquals("r1|open", p.payload());
            assertEquals(1, p.qos(), "the profile's QoS wins over the line's Publish QoS");
            p.result().complete(null);
            Thread.sleep(50);
            assertFalse(w.isDone(), "the broker's PUBACK is not the device's answer");
            h.session.deliver("pipe/reply", "r1|OK", 0, 0);
            assertTrue(w.get(2, TimeUnit.SECONDS).ok());
        }
    }

    @Test
    void concurrentCorrelatedWritesGetTheirOwnAnswers() throws Exception {
        try (DriverHarness h = start()) {
            CompletableFuture<WriteResult> a = h.driver.write("n1_set", "a").toCompletableFuture();
            CompletableFuture<WriteResult> b = h.driver.write("n1_set", "b").toCompletableFuture();
            awaitPublished(h, 2);
            h.session.published.forEach(p -> p.result().complete(null));
            String idOfB = h.session.published.get(1).payload().split("\\|")[0];
            String idOfA = h.session.published.get(0).payload().split("\\|")[0];
            h.session.deliver("pipe/reply", idOfB + "|ERR INVALID_DEST_ADDRESS", 0, 0);
            h.session.deliver("pipe/reply", idOfA + "|OK", 0, 0);
            assertTrue(a.get(2, TimeUnit.SECONDS).ok());
            WriteResult rb = b.get(2, TimeUnit.SECONDS);
            assertEquals(WriteFailure.REJECTED, rb.failure());
            assertTrue(rb.message().contains("INVALID_DEST_ADDRESS"), rb.message());
            h.session.deliver("pipe/reply", "r99|OK", 0, 0);
            assertEquals(1, h.driver.statistics().named("pipe unknown replies"), "an answer nobody waits for is counted");
        }
    }

    @Test
    void aCorrelatedWriteWithoutAnswerTimesOutAfterReplyTimeout() throws Exception {
        try (DriverHarness h = start()) {
            long t0 = System.nanoTime();
            CompletableFuture<WriteResult> w = h.driver.write("n1_set", "x").toCompletableFuture();
            awaitPublished(h, 1).result().complete(null);
            WriteResult r = w.get(3, TimeUnit.SECONDS);
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertEquals(WriteFailure.TIMEOUT, r.failure());
            assertTrue(r.message().contains("no answer to tag n1_set"), r.message());
            assertTrue(ms >= 250, "waited the reply timeout, took " + ms + " ms");
        }
    }

    @Test
    void aFailedPublishFailsTheCorrelatedWriteAtOnce() throws Exception {
        try (DriverHarness h = start()) {
            CompletableFuture<WriteResult> w = h.driver.write("n1_set", "x").toCompletableFuture();
            awaitPublished(h, 1).result().completeExceptionally(new org.scadamqtt.mqtt.internal.PublishException(
                    WriteFailure.NOT_CONNECTED, "gone"));
            WriteResult r = w.get(1, TimeUnit.SECONDS);
            assertEquals(WriteFailure.NOT_CONNECTED, r.failure());
        }
    }

    @Test
    void aWriteTheProfileRefusesFailsWithItsReason() {
        try (DriverHarness h = start()) {
            WriteResult r = h.write("n1_set", "refuse");
            assertEquals(WriteFailure.WRONG_VALUE, r.failure());
            assertTrue(r.message().contains("refused by the profile"), r.message());
            assertTrue(h.session.published.isEmpty());
        }
    }

    @Test
    void aProfileThatThrowsCostsOneMessageNotTheLine() {
        try (DriverHarness h = start()) {
            h.session.deliver("pipe/boom", "boom", 0, 0);
            h.host.awaitBatch("REST", bound("rest_node"), WAIT);
            assertEquals(2, h.driver.statistics().snapshot().badPayloads(), "the profile's failure and the payload error");
            h.session.deliver("pipe/n2", "N2|8|x", 0, 0);
            h.host.awaitBatch("N2", bound("n2_value"), WAIT);
        }
    }

    @Test
    void aPayloadTheProfileCannotReadMakesItsTagsBadWithTheReason() {
        try (DriverHarness h = start()) {
            h.session.deliver("pipe/x", "no fields", 0, 0);
            RecordingContext.Batch b = h.host.awaitBatch("REST", bound("rest_node"), WAIT);
            assertEquals(Reason.PAYLOAD_ERROR, b.get("rest_node").value().reason());
            assertTrue(b.get("rest_node").value().detail().contains("expected node|value|state"));
            assertTrue(b.get("rest_topic").value().isGood(), "IN_TOPIC does not depend on the payload");
        }
    }

    @Test
    void twoProfilesWithOneCodeAreRefusedNamingBoth() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ProfileRegistry.of(List.of(new JsonProfile(), new PipeProfile(), new PipeProfile())));
        assertTrue(e.getMessage().contains("'PIPE'") && e.getMessage().contains(PipeProfile.class.getName()),
                e.getMessage());
    }

    /** A batch that carries a value of this tag bound from a message (not the start-up NOT_INITIALIZED). */
    private static java.util.function.Predicate<RecordingContext.Batch> bound(String tag) {
        return x -> x.tags().contains(tag) && x.get(tag).value().reason() != Reason.NOT_INITIALIZED;
    }

    private static FakeSession.Published awaitPublished(DriverHarness h, int n) throws InterruptedException {
        long end = System.currentTimeMillis() + 2000;
        while (h.session.published.size() < n && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertTrue(h.session.published.size() >= n, "published " + h.session.published.size());
        return h.session.published.get(n - 1);
    }
}
