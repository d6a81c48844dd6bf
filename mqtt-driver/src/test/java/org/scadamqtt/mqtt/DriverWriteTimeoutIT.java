package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteFailure;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.MqttDriver;
import org.scadamqtt.mqtt.internal.client.PahoSessionFactory;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.profiles.json.JsonProfile;
import org.scadamqtt.mqtt.profiles.text.TextProfile;
import org.scadamqtt.testsupport.EmbeddedHiveMq;
import org.scadamqtt.testsupport.LogCapture;
import org.scadamqtt.testsupport.TcpProxy;

/**
 * One deadline per wait of a write (issue 9), through the whole driver on a real broker behind a
 * proxy that can swallow all traffic: the broker's confirmation is bounded by writeTimeout alone
 * (the session's timer, none of the station's; both on the line's one timer), a full in-flight window waits within that same
 * deadline, a correlated write's device answer by Reply Timeout alone; each timed-out write fails
 * once, with one text, one error count and one log line, and leaves no timer behind.
 */
@Timeout(60)
class DriverWriteTimeoutIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ProfileRegistry PROFILES = ProfileRegistry.of(List.of(new TextProfile(), new JsonProfile(),
            new PipeProfile()));

    @TempDir
    Path dir;

    private TcpProxy proxy;
    private MqttDriver driver;
    private LogCapture log;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (log != null) {
            log.close();
        }
    }

    /** Keep Alive and Ping Interval off: a silent broker is noticed by the write's deadline only. */
    private static Map<String, String> quiet(String... more) {
        Map<String, String> p = params("clientId", "wt-" + System.nanoTime(), "cleanSession", "YES",
                "publishQos", "QoS_1", "keepAlive", "0", "pingInterval", "0", "fullDebug", "YES",
                "reconnectMinDelay", "5", "reconnectMaxDelay", "5");
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    private RecordingContext start(String name, Map<String, String> params, String payloadType,
            StationConfig station) {
        proxy = TcpProxy.start("127.0.0.1", EmbeddedHiveMq.get().tcpPort());
        LineConfig line = TestConfigs.line(name, List.of("127.0.0.1"), proxy.port(), params, station);
        if (payloadType != null) {
            line = line.withParameters(line.parameters().with("payloadType", payloadType));
        }
        log = LogCapture.ofLine(name);
        RecordingContext host = new RecordingContext(dir);
        driver = new MqttDriver(line, host, new PahoSessionFactory(), PROFILES);
        driver.start();
        host.awaitState(station.name(), StationState.StON, WAIT);
        return host;
    }

    private static StationConfig outputs() {
        return station("A", "dev/a", params(), tag("a_topic", "TxtO", "OUT_TOPIC"), tag("a_out", "TxtO", "OUT_VALUE"));
    }

    private long logLines(String fragment) {
        return log.containing(fragment).size();
    }

    private static void awaitEquals(long expected, LongSupplier actual, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (actual.getAsLong() != expected && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(expected, actual.getAsLong(), what);
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void anUnconfirmedWriteFailsOnceAfterWriteTimeoutWithOneTextAndLeavesNoTimer() throws Exception {
        start("wtone", quiet("writeTimeout", "0.5"), null, outputs());
        assertTrue(driver.write("a_topic", "wt/cmd").toCompletableFuture().get(5, TimeUnit.SECONDS).ok());
        proxy.halfOpen(); // the PUBLISH is swallowed: no PUBACK ever
        int timers = driver.scheduledTimers();
        long errors = driver.status().counters().errors();

        long t0 = System.nanoTime();
        CompletableFuture<WriteResult> w = driver.write("a_out", "OPEN").toCompletableFuture();
        Thread.sleep(200);
        // the line has one timer: the session's deadline is on it, the station adds none of its own
        assertEquals(timers + 1, driver.scheduledTimers(), "one timer for the broker's confirmation: the session's");
        WriteResult r = w.get(5, TimeUnit.SECONDS);
        double took = secondsSince(t0);

        String session = "the broker did not confirm the message to topic 'wt/cmd' (QoS 1) within 0.5 s "
                + "(line parameter writeTimeout)";
        assertEquals(WriteFailure.TIMEOUT, r.failure(), r.message());
        assertEquals("writing tag a_out of station A on line wtone failed: " + session, r.message());
        assertTrue(took >= 0.45 && took < 2.5, "timed out after " + took + " s");
        Thread.sleep(700); // past a second deadline for the same wait, if there were one
        assertEquals(errors + 1, driver.status().counters().errors(), "one error per timed-out write");
        assertEquals(session, driver.status().counters().lastError(), "the line's last error is the same sentence");
        assertEquals(1, logLines("write failed (TIMEOUT)"), "one log line per timed-out write");
        assertEquals(1, logLines("did not confirm"), "one text per timed-out write");
        awaitEquals(timers, driver::scheduledTimers, "no timer left after the write completed");
    }

    @Test
    void aWriteWaitingForAFullInflightWindowFailsWithinTheSameDeadline() throws Exception {
        start("wtwin", quiet("writeTimeout", "0.8", "maxInflight", "1"), null, outputs());
        assertTrue(driver.write("a_topic", "wt/win").toCompletableFuture().get(5, TimeUnit.SECONDS).ok());
        proxy.halfOpen();
        long errors = driver.status().counters().errors();
        CompletableFuture<WriteResult> first = driver.write("a_out", "1").toCompletableFuture();
        long t0 = System.nanoTime();
        CompletableFuture<WriteResult> second = driver.write("a_out", "2").toCompletableFuture();
        WriteResult r2 = second.get(5, TimeUnit.SECONDS);
        double took = secondsSince(t0);
        WriteResult r1 = first.get(5, TimeUnit.SECONDS);

        String text = "writing tag a_out of station A on line wtwin failed: the broker did not confirm the message "
                + "to topic 'wt/win' (QoS 1) within 0.8 s (line parameter writeTimeout)";
        assertEquals(WriteFailure.TIMEOUT, r1.failure(), r1.message());
        assertEquals(WriteFailure.TIMEOUT, r2.failure(), r2.message());
        assertEquals(text, r1.message());
        assertEquals(text, r2.message(), "waiting for a slot is part of the same wait, with the same text");
        assertTrue(took >= 0.75 && took < 2.5, "the write waiting for a slot timed out after " + took + " s");
        Thread.sleep(900);
        assertEquals(errors + 2, driver.status().counters().errors(), "one error per timed-out write");
        assertEquals(2, logLines("write failed (TIMEOUT)"), "one log line per timed-out write");
    }

    private static StationConfig piped() {
        return station("N1", "pipe/n1", params(), tag("n1_set", "TxtO", "PIPE-SET"));
    }

    @Test
    void aCorrelatedWriteWaitsForTheDevicesAnswerWithOneTimerBoundedByReplyTimeout() throws Exception {
        start("wtreply", quiet("writeTimeout", "5", "replyTimeout", "0.6"), "PIPE", piped());
        int timers = driver.scheduledTimers();
        long t0 = System.nanoTime();
        CompletableFuture<WriteResult> w = driver.write("n1_set", "x").toCompletableFuture();
        awaitEquals(timers + 1, driver::scheduledTimers, "one timer for the device's answer, while it waits");
        WriteResult r = w.get(5, TimeUnit.SECONDS);
        double took = secondsSince(t0);

        assertEquals(WriteFailure.TIMEOUT, r.failure(), r.message());
        assertEquals("no answer to tag n1_set of station N1 on line wtreply (sent on 'pipe/set/N1') within 0.6 s "
                + "(line parameter replyTimeout, the device's answer)", r.message());
        assertTrue(took >= 0.55 && took < 3, "timed out after " + took + " s");
        awaitEquals(timers, driver::scheduledTimers, "no timer left after the write completed");
    }

    @Test
    void aCorrelatedWriteTheBrokerNeverConfirmsFailsAfterWriteTimeoutAndDropsTheReplyTimer() throws Exception {
        start("wtcorr", quiet("writeTimeout", "0.5", "replyTimeout", "10"), "PIPE", piped());
        proxy.halfOpen();
        int timers = driver.scheduledTimers();
        long errors = driver.status().counters().errors();
        long t0 = System.nanoTime();
        WriteResult r = driver.write("n1_set", "x").toCompletableFuture().get(5, TimeUnit.SECONDS);
        double took = secondsSince(t0);

        assertEquals(WriteFailure.TIMEOUT, r.failure(), r.message());
        assertEquals("writing tag n1_set of station N1 on line wtcorr failed: the broker did not confirm the message "
                + "to topic 'pipe/set/N1' (QoS 1) within 0.5 s (line parameter writeTimeout)", r.message());
        assertTrue(took >= 0.45 && took < 2.5, "timed out after " + took + " s");
        awaitEquals(timers, driver::scheduledTimers, "the reply timer goes with the failed publish");
        awaitEquals(errors + 1, () -> driver.status().counters().errors(), "one error per timed-out write");
        Thread.sleep(700); // past a second deadline for the same wait, if there were one
        assertEquals(errors + 1, driver.status().counters().errors(), "one error per timed-out write");
        assertEquals(1, logLines("write failed (TIMEOUT)"), "one log line per timed-out write");
    }
}
