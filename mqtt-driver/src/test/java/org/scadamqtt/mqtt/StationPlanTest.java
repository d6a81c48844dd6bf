package org.scadamqtt.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.line;
import static org.scadamqtt.mqtt.TestConfigs.params;
import static org.scadamqtt.mqtt.TestConfigs.station;
import static org.scadamqtt.mqtt.TestConfigs.tag;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scadamqtt.config.LineConfig;
import org.scadamqtt.config.StationConfig;
import org.scadamqtt.config.TagConfig;
import org.scadamqtt.driver.StationState;
import org.scadamqtt.mqtt.internal.profile.ProfileRegistry;
import org.scadamqtt.mqtt.profile.PayloadProfile;
import org.scadamqtt.mqtt.profile.ProfileAddress;
import org.scadamqtt.mqtt.profile.ProfileContext;
import org.scadamqtt.mqtt.profile.ProfileSession;
import org.scadamqtt.mqtt.profiles.json.JsonProfile;
import org.scadamqtt.mqtt.profiles.text.TextProfile;

/**
 * Each station is compiled once into its plan (issue 9): the driver's reads and writes share the
 * compiled tags of the station's worker, and a reconfiguration that keeps a station compiles
 * nothing of it again. Counted through the compile calls of a payload profile's own addresses.
 */
class StationPlanTest {

    /** {@link PipeProfile} counting how often each tag is compiled, by station/tag. */
    private static final class Counting implements PayloadProfile {
        private final PipeProfile pipe = new PipeProfile();
        final Map<String, AtomicInteger> compiles = new ConcurrentHashMap<>();

        @Override
        public String code() {
            return pipe.code();
        }

        @Override
        public String description() {
            return pipe.description();
        }

        @Override
        public List<String> stationKeys(StationConfig station) {
            return pipe.stationKeys(station);
        }

        @Override
        public Optional<ProfileAddress> compile(TagConfig tag, StationConfig station) {
            compiles.computeIfAbsent(station.name() + "/" + tag.name(), k -> new AtomicInteger()).incrementAndGet();
            return pipe.compile(tag, station);
        }

        @Override
        public ProfileSession open(ProfileContext context) {
            return pipe.open(context);
        }

        int of(String key) {
            AtomicInteger n = compiles.get(key);
            return n == null ? 0 : n.get();
        }
    }

    @TempDir
    Path dir;

    private static LineConfig config(String n2Address) {
        LineConfig l = line("L", List.of("h"), params("replyTimeout", "0.3"),
                station("N1", "pipe/n1", params(), tag("n1_value", "Ai", "PIPE=value"), tag("n1_set", "TxtO", "PIPE-SET")),
                station("N2", n2Address, params(), tag("n2_value", "Ai", "PIPE=value")));
        return l.withParameters(l.parameters().with("payloadType", "PIPE"));
    }

    @Test
    void eachTagIsCompiledOnceAndAKeptStationIsNotCompiledAgain() {
        Counting profile = new Counting();
        ProfileRegistry profiles = ProfileRegistry.of(List.of(new TextProfile(), new JsonProfile(), profile));
        try (DriverHarness h = new DriverHarness(config("pipe/n2"), dir, profiles).startConnected()) {
            h.host.awaitState("N1", StationState.StON, DriverHarness.WAIT);
            assertEquals(1, profile.of("N1/n1_value"), "an input tag: " + profile.compiles);
            assertEquals(1, profile.of("N1/n1_set"), "an output tag, written through the same plan: "
                    + profile.compiles);
            assertEquals(1, profile.of("N2/n2_value"), profile.compiles::toString);

            h.driver.reconfigure(config("pipe/n2b")); // N1 unchanged, N2 changed
            assertEquals(1, profile.of("N1/n1_set"), "a kept station is not compiled again: " + profile.compiles);
            assertEquals(1, profile.of("N1/n1_value"), profile.compiles::toString);
            assertEquals(2, profile.of("N2/n2_value"), "a changed station is compiled anew: " + profile.compiles);
            assertTrue(h.write("n1_set", "refuse").message().contains("refused by the profile"),
                    "the write still finds its compiled tag");
        }
    }
}
