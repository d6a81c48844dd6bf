package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scadamqtt.mqtt.TestConfigs.params;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;

/** The primary host's STATE births and deaths, and which deaths on its own topic it answers. */
class PrimaryHostTest {

    private static final String LINE = "PHT" + Long.toHexString(System.nanoTime());
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
    private final FakeProfileContext context = new FakeProfileContext(TestConfigs.line(LINE, List.of("127.0.0.1"),
            1883, params("payloadType", "SparkplugB", "sparkplugHostId", "H1")), clock);
    private final PrimaryHost host = new PrimaryHost(context, "H1", clock);

    @AfterEach
    void forget() {
        host.close();
    }

    private List<String> state() {
        return context.on("spBv1.0/STATE/H1").stream()
                .map(p -> new String(p.payload(), StandardCharsets.UTF_8) + (p.retain() ? " retained" : "")).toList();
    }

    private static byte[] death(long ts) {
        return ("{\"online\":false,\"timestamp\":" + ts + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHostThatNeverSaidOnlineOwesNoGoodbye() {
        host.leaving();
        assertEquals(List.of(), state());
        host.connected();
        host.leaving();
        assertEquals(List.of("{\"online\":true,\"timestamp\":1700000000000} retained",
                "{\"online\":false,\"timestamp\":1700000000000} retained"), state());
        host.leaving(); // a second goodbye without a birth in between says nothing
        assertEquals(2, state().size());
    }

    @Test
    void onlyADeathWithItsOwnTimestampIsAnsweredWithABirth() {
        host.connected();
        host.seen(death(1_600_000_000_000L)); // another incarnation's will: edge nodes ignore older STATE
        host.seen("not json".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, state().size(), state().toString());
        host.seen(death(1_700_000_000_000L)); // the will of an old connection of ours
        assertEquals(2, state().size(), state().toString());
        assertTrue(state().get(1).startsWith("{\"online\":true"), state().toString());
    }
}
