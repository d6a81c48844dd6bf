package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.DriverHarness.WAIT;
import static org.scadamqtt.mqtt.TestConfigs.line;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.driver.WriteResult;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.internal.station.StationWorker;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profiles.json.JsonProfile;
import org.scadamqtt.mqtt.profiles.text.TextProfile;
import org.scadamqtt.tag.Reason;

/**
 * Stations of several payload types on one line: each reads and writes with its own profile's
 * session, and a reload opens and closes only the sessions whose payload type comes or goes.
 */
class MixedPayloadTypesTest {

    /** A profile that records the life of its sessions; its decode wraps the text as {"text": …}. */
    static final class LifeProfile implements PayloadProfile {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public String code() {
            return "LIFE";
        }

        @Override
        public String description() {
            return "test profile recording its sessions";
        }

        @Override
        public ProfileSession open(ProfileContext context) {
            events.add("open");
            return new ProfileSession() {
                @Override
                public Decoded decode(InboundView m) {
                    return Decoded.of(JsonNodeFactory.instance.objectNode().put("text",
                            new String(m.payload(), StandardCharsets.UTF_8)));
                }

                @Override
                public void connected() {
                    events.add("connected");
                }

                @Override
                public CompletionStage<?> leaving() {
                    events.add("leaving");
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void close() {
                    events.add("close");
                }
            };
        }
    }

    private final LifeProfile life = new LifeProfile();
    private final ProfileRegistry profiles = ProfileRegistry.of(List.of(new TextProfile(), new JsonProfile(),
            new PipeProfile(), life));

    @TempDir
    Path dir;

    private static StationConfig meter() {
        return station("METER", "plant/meter", params(), tag("m_power", "Ai", "JA=power"),
                tag("m_topic", "TxtO", "OUT_TOPIC"), tag("m_value", "TxtO", "OUT_VALUE"));
    }

    private static StationConfig node(String payloadType) {
        return typed(station("N1", "pipe/n1", params(), tag("n1_value", "Ai", "PIPE=value"),
                tag("n1_set", "TxtO", "PIPE-SET")), payloadType);
    }

    private static StationConfig logger(boolean ownType) {
        StationConfig s = station("LOG", "log/a", params(), tag("log_text", "TxtI", "JA=text"));
        return ownType ? typed(s, "LIFE") : s;
    }

    /** The station with its own payloadType (the test profiles are not in the standard parameter table). */
    private static StationConfig typed(StationConfig s, String payloadType) {
        return new StationConfig(s.name(), s.address(), s.initialState(), s.parameters().with("payloadType",
                payloadType), s.tags(), s.location());
    }

    private static LineConfig jsonLine(StationConfig... stations) {
        return line("L", List.of("h"), params("payloadType", "JSON", "replyTimeout", "2", "publishQos", "QoS_0"),
                stations);
    }

    private DriverHarness start(LineConfig l) {
        DriverHarness h = new DriverHarness(l, dir, profiles).startConnected();
        h.host.awaitState(l.stations().get(0).name(), StationState.StON, WAIT);
        return h;
    }

    @Test
    void aJsonStationAndAStationOfAnotherTypeEachReadTheirOwnPayloads() {
        try (DriverHarness h = start(jsonLine(meter(), node("PIPE")))) {
            h.session.deliver("pipe/n1", "N1|42|x", 0, 0);
            assertEquals(42.0, h.host.awaitBatch("N1", bound("n1_value"), WAIT).get("n1_value").value().value());
            // the PIPE session (second in order) inspects this too and fails to read it: the JSON
            // station decodes it again with its own session instead of taking that failure
            h.session.deliver("plant/meter", "{\"power\":7.5}", 0, 0);
            RecordingContext.Batch b = h.host.awaitBatch("METER", bound("m_power"), WAIT);
            assertTrue(b.get("m_power").value().isGood(), b.toString());
            assertEquals(7.5, b.get("m_power").value().value());
        }
    }

    @Test
    void theLinesTypeComesFirstAndAStationOfTheLinesTypeReadsWhatItDecoded() {
        LineConfig l = line("L", List.of("h"), params(), node("PIPE"),
                station("METER", "plant/meter", params("payloadType", "JSON"), tag("m_power", "Ai", "JA=power")));
        l = l.withParameters(l.parameters().with("payloadType", "PIPE"));
        try (DriverHarness h = start(l)) {
            h.session.deliver("plant/meter", "{\"power\":3}", 0, 0);
            assertEquals(3.0, h.host.awaitBatch("METER", bound("m_power"), WAIT).get("m_power").value().value());
            h.session.deliver("pipe/n1", "N1|5|x", 0, 0);
            assertEquals(5.0, h.host.awaitBatch("N1", bound("n1_value"), WAIT).get("n1_value").value().value());
        }
    }

    @Test
    void eachStationWritesWithItsOwnPayloadType() throws Exception {
        try (DriverHarness h = start(jsonLine(meter(), node("PIPE")))) {
            CompletableFuture<WriteResult> w = h.driver.write("n1_set", "open").toCompletableFuture();
            FakeSession.Published p = awaitPublished(h, 1);
            assertEquals("pipe/set/N1", p.topic());
            assertEquals("r1|open", p.payload());
            p.result().complete(null);
            h.session.deliver("pipe/reply", "r1|OK", 0, 0);
            assertTrue(w.get(2, TimeUnit.SECONDS).ok(), "the PIPE session's answer completes the PIPE write");

            assertTrue(h.write("m_topic", "plant/meter/set").ok());
            CompletableFuture<WriteResult> j = h.driver.write("m_value", "{\"on\":true}").toCompletableFuture();
            FakeSession.Published q = awaitPublished(h, 2);
            assertEquals("plant/meter/set", q.topic());
            assertEquals("{\"on\":true}", q.payload());
            q.result().complete(null);
            assertTrue(j.get(2, TimeUnit.SECONDS).ok());
        }
    }

    @Test
    void aReloadOpensAndClosesOnlyTheSessionOfTheTypeThatCameOrWent() {
        try (DriverHarness h = start(jsonLine(meter(), logger(true)))) {
            assertEquals(List.of("open", "connected"), life.events);
            StationWorker meterWorker = h.driver.station("METER").orElseThrow();
            h.session.deliver("log/a", "hello", 0, 0);
            assertEquals("hello", h.host.awaitBatch("LOG", bound("log_text"), WAIT).get("log_text").value().value());

            h.driver.reconfigure(jsonLine(meter(), logger(false)));
            assertEquals(List.of("open", "connected", "leaving", "close"), life.events,
                    "no station reads LIFE any more: its session said goodbye and was closed");
            assertSame(meterWorker, h.driver.station("METER").orElseThrow(), "the JSON station was left alone");

            h.driver.reconfigure(jsonLine(meter(), logger(true)));
            assertEquals(List.of("open", "connected", "leaving", "close", "open", "connected"), life.events,
                    "the line is up: the new session is told at once");
            assertSame(meterWorker, h.driver.station("METER").orElseThrow());
            h.session.deliver("log/a", "again", 0, 0);
            h.host.awaitBatch("LOG", x -> x.tags().contains("log_text")
                    && "again".equals(x.get("log_text").value().value()), WAIT);

            h.driver.reconfigure(jsonLine(meter(), logger(true)).withParameters(jsonLine().parameters()
                    .with("keepAlive", "30")));
            assertEquals(6, life.events.size(), "a reload that changes nothing of LIFE keeps its session");
        }
        assertEquals("close", life.events.get(life.events.size() - 1), "stop closes every session");
    }

    private static Predicate<RecordingContext.Batch> bound(String tag) {
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
