package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.DriverHarness.WAIT;
import static org.scadamqtt.mqtt.TestConfigs.line;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.driver.DriverContext;
import org.scadamqtt.driver.LineStatus;
import org.scadamqtt.driver.StationControl;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.TagUpdate;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.InboundMessage;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.internal.bind.TagBinder;
import org.scadamqtt.mqtt.internal.route.RouteEntry;
import org.scadamqtt.mqtt.internal.route.StationRouter;
import org.scadamqtt.tag.Reason;
import org.scadamqtt.testsupport.LogCapture;

/**
 * Rules of issue 4 that a mutation audit found untested: breaking them in the driver left every
 * other test green. Each test names the rule it guards.
 */
class DriverRulesAuditTest {

    @TempDir
    Path dir;

    private LineConfig config(String writeTimeout) {
        return line("L1", List.of("localhost"), params("writeTimeout", writeTimeout),
                station("A", "plant/a", params(), tag("a_data", "TxtI", "IN_DATA"),
                        tag("a_topic", "TxtO", "OUT_TOPIC"), tag("a_out", "TxtO", "OUT_VALUE")),
                station("B", "plant/b", params(), tag("b_data", "TxtI", "IN_DATA")));
    }

    private static boolean hasData(RecordingContext.Batch b, String tag, String value) {
        return b.tags().contains(tag) && value.equals(b.get(tag).value().value());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Issue 10 item 8: with a station address {@code (a+)+$}, 50 messages on a 60 KB topic delayed
     * every station by 60-70 ms each on the thread that reads the socket. Now each costs no
     * expression evaluation, is counted unrouted and acknowledged, and the next ordinary message
     * is routed at once.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hostileLongTopicsAreCountedUnroutedWithoutStallingTheLine() {
        LineConfig cfg = line("L1", List.of("localhost"), params(),
                station("EVIL", "(a+)+$", params(), tag("e_data", "TxtI", "IN_DATA")),
                station("B", "plant/b", params(), tag("b_data", "TxtI", "IN_DATA")),
                station("REST", ".*", params(), tag("r_data", "TxtI", "IN_DATA")));
        try (DriverHarness h = new DriverHarness(cfg, dir).startConnected()) {
            h.host.awaitState("B", StationState.StON, WAIT);
            // before the fix each message cost (a+)+$ its 6.1 million steps and then went to REST
            String topic = "a".repeat(60_000) + "!";
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                h.session.deliver(topic, "x", 0, 0);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(50, h.driver.statistics().snapshot().unrouted());
            assertTrue(millis < 2_000, "50 hostile topics held the reading thread for " + millis + " ms");
            h.session.deliver("plant/b", "ok", 0, 0);
            h.host.awaitBatch("B", b -> hasData(b, "b_data", "ok"), WAIT);
        }
    }

    /** Rule: a message no station takes is logged, rate-limited (one line per 10 s per line), naming line and topic. */
    @Test
    void unroutedMessagesAreLoggedOncePerPeriodNamingLineAndTopic() {
        try (LogCapture logs = LogCapture.of(MqttDriver.class);
                DriverHarness h = new DriverHarness(config("20"), dir).startConnected()) {
            for (int i = 0; i < 5; i++) {
                h.session.deliver("plant/zzz" + i, "x", 0, 0);
            }
            assertEquals(5, h.driver.statistics().snapshot().unrouted());
            List<ILoggingEvent> unrouted = logs.containing("no station takes");
            assertEquals(1, unrouted.size(), "one line for five unrouted messages within 10 s: " + unrouted);
            String text = unrouted.get(0).getFormattedMessage();
            assertTrue(text.contains("L1") && text.contains("plant/zzz0"), text);
            assertTrue(unrouted.get(0).getLevel().isGreaterOrEqual(Level.INFO), "logged at INFO or above");
        }
    }

    /**
     * Rule: a hostile topic must not hang the router. SEPARATE_THREAD makes the timeout pre-emptive:
     * with the default mode a runaway regular expression keeps the test (and the build) running for
     * hours instead of failing after 20 s.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void catastrophicBacktrackingIsAbandonedNotWaitedFor() {
        StationRouter router = StationRouter.of(List.of(new RouteEntry("evil", "(.*a){20}"),
                new RouteEntry("rest", ".*")));
        String topic = "a".repeat(60);
        assertEquals(Optional.of("rest"), router.route(topic));
        assertEquals(1, router.abortedEvaluations());
    }

    /** Rule: a QoS 1/2 message is acknowledged only after the host has its values (station without ACK_ID). */
    @Test
    void qos1IsAcknowledgedOnlyAfterTheHostTookTheValues() {
        try (DriverHarness h = new DriverHarness(config("20"), dir).startConnected()) {
            h.host.awaitState("A", StationState.StON, WAIT);
            h.host.blockPublishOf("A");
            InboundMessage m;
            try {
                m = h.session.deliver("plant/a", "v1", 1, 11);
                sleep(200);
                assertTrue(h.session.acks.isEmpty(), "acknowledged before the host had the values");
            } finally {
                h.host.releaseBlocked();
            }
            h.host.awaitBatch("A", b -> hasData(b, "a_data", "v1"), WAIT);
            DriverPipelineTest.awaitAcks(h, 1);
            assertEquals(m, h.session.acks.get(0));
        }
    }

    /** Rule: a message whose values did not reach the host is not acknowledged (the broker redelivers it). */
    @Test
    void aMessageTheHostRefusedIsNotAcknowledged() {
        RecordingContext host = new RecordingContext(dir);
        AtomicBoolean refuse = new AtomicBoolean();
        DriverContext refusing = new DriverContext() {
            @Override
            public void publish(String station, List<TagUpdate> batch) {
                if (refuse.get() && station.equals("A")) {
                    throw new IllegalStateException("tag table full");
                }
                host.publish(station, batch);
            }

            @Override
            public void stationState(String station, StationState state, String reason) {
                host.stationState(station, state, reason);
            }

            @Override
            public void lineStatus(LineStatus status) {
                host.lineStatus(status);
            }

            @Override
            public Path dataDirectory() {
                return dir;
            }

            @Override
            public String hostId() {
                return "test-host";
            }
        };
        FakeSession[] holder = new FakeSession[1];
        MqttDriver driver = new MqttDriver(config("20"), refusing, FakeSession.factory(holder));
        try {
            driver.start();
            holder[0].connect();
            host.awaitState("A", StationState.StON, WAIT);
            refuse.set(true);
            holder[0].deliver("plant/a", "lost", 1, 21);
            InboundMessage other = holder[0].deliver("plant/b", "kept", 1, 22);
            host.awaitBatch("B", b -> hasData(b, "b_data", "kept"), WAIT);
            long end = System.currentTimeMillis() + WAIT.toMillis();
            while (!holder[0].acks.contains(other) && System.currentTimeMillis() < end) {
                sleep(5);
            }
            sleep(200);
            assertEquals(List.of(other), holder[0].acks, "only B's message is acknowledged");
            assertTrue(driver.statistics().snapshot().errors() >= 1, "the refusal is counted");
        } finally {
            driver.stop();
        }
    }

    /** Rule: StSIMUL means no communication: output tags cannot be written either. */
    @Test
    void aSimulatedStationRefusesWrites() {
        try (DriverHarness h = new DriverHarness(config("20"), dir).startConnected()) {
            h.host.awaitState("A", StationState.StON, WAIT);
            assertTrue(h.write("a_topic", "cmd/x").ok());
            h.driver.control("A", StationControl.SIMUL);
            h.host.awaitState("A", StationState.StSIMUL, WAIT);
            WriteResult topic = h.write("a_topic", "cmd/y");
            WriteResult value = h.write("a_out", "1");
            assertEquals(WriteFailure.STATION_NOT_ON, topic.failure());
            assertEquals(WriteFailure.STATION_NOT_ON, value.failure());
            assertTrue(value.message().contains("SIMUL"), value.message());
            assertTrue(h.session.published.isEmpty());
        }
    }

    /** Rule: writes while disconnected fail at once — not after the write timeout, not when the line is back. */
    @Test
    void aWriteWhileDisconnectedFailsAtOnceEvenWithALongWriteTimeout() {
        try (DriverHarness h = new DriverHarness(config("20"), dir)) {
            h.driver.start();
            h.host.awaitState("A", StationState.StCOMERR, WAIT);
            assertTrue(h.write("a_topic", "cmd/valve").ok());
            long t0 = System.nanoTime();
            WriteResult r = h.write("a_out", "OPEN");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(WriteFailure.NOT_CONNECTED, r.failure());
            assertTrue(ms < 1500, "a write while disconnected took " + ms + " ms; it must fail at once");
            assertTrue(h.session.published.isEmpty());
        }
    }

    /**
     * Rule: an unparseable time → receive time and a rate-limited warning naming line, station,
     * topic, field and mask; Ignore Missing Time silences only a *missing* field, not a bad one.
     */
    @Test
    void anUnparseableTimeWarnsOnceNamingTheFieldAndMaskEvenWithIgnoreMissingTime() {
        LineConfig cfg = line("L1", List.of("localhost"), params("payloadType", "JSON", "timeFieldName", "ts",
                        "ignoreMissingTime", "YES"),
                station("T", "dev/t", params("timeZone", "UTC"), tag("t_v", "Ai", "JA=v")));
        try (LogCapture logs = LogCapture.of(TagBinder.class);
                DriverHarness h = new DriverHarness(cfg, dir).startConnected()) {
            InboundMessage m = null;
            for (int i = 1; i <= 3; i++) {
                m = h.session.deliver("dev/t", "{\"ts\":\"yesterday\",\"v\":" + i + "}", 0, 0);
            }
            InboundMessage last = m;
            RecordingContext.Batch b = h.host.awaitBatch("T", x -> Double.valueOf(3).equals(x.get("t_v").value().value()),
                    WAIT);
            assertTrue(b.get("t_v").value().isGood(), "the value stays GOOD");
            assertEquals(last.receivedAt(), b.get("t_v").value().sourceTime(), "the receive time is used");
            List<ILoggingEvent> warnings = logs.at(Level.WARN);
            assertEquals(1, warnings.size(), "one warning for three bad times within 10 s: " + warnings);
            String text = warnings.get(0).getFormattedMessage();
            for (String part : List.of("L1", "station T", "dev/t", "'ts'", "yesterday", "yyyy-mm-dd hh:mi:ss.mss")) {
                assertTrue(text.contains(part), "the warning names " + part + ": " + text);
            }
        }
    }

    /**
     * Rule: line down → StCOMERR with the last values kept; only beyond the station's time filter
     * StHARDERR and its tags BAD.
     */
    @Test
    void theStationStaysComErrForTheWholeTimeFilterAndOnlyThenGoesHardErr() {
        LineConfig cfg = line("L1", List.of("localhost"), params(),
                station("A", "plant/a", params("timeFilter", "1.5"), tag("a_data", "TxtI", "IN_DATA")));
        try (DriverHarness h = new DriverHarness(cfg, dir).startConnected()) {
            h.host.awaitState("A", StationState.StON, WAIT);
            h.session.deliver("plant/a", "v1", 0, 0);
            h.host.awaitBatch("A", b -> hasData(b, "a_data", "v1"), WAIT);
            int batches = h.host.batches("A").size();
            long t0 = System.nanoTime();
            h.session.disconnect("connection lost");
            h.host.awaitState("A", StationState.StCOMERR, WAIT);
            sleep(500);
            assertEquals(StationState.StCOMERR, h.host.state("A"), "still within the time filter");
            assertEquals(batches, h.host.batches("A").size(), "values kept (not invalidated) within the time filter");
            h.host.awaitState("A", StationState.StHARDERR, WAIT);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= 1400, "StHARDERR after " + ms + " ms; the time filter is 1.5 s");
            h.host.awaitBatch("A", b -> b.updates().stream().allMatch(u -> u.value().reason() == Reason.NOT_CONNECTED),
                    WAIT);
        }
    }
}
