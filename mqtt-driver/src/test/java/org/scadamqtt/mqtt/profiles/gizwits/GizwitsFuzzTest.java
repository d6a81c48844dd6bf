package org.scadamqtt.mqtt.profiles.gizwits;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.scadamqtt.mqtt.TestConfigs.params;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.mqtt.TestConfigs;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.DecoderDefect;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;
import org.scadamqtt.mqtt.profile.testing.SlowInput;

/**
 * Seeded random mutations of the frame vectors through decode and inspect: no exception may
 * escape, every failure names a byte, and no frame takes long. Fixed budget: 300,000 frames or
 * 15 s, whichever comes first; the seed is printed so a failure can be replayed
 * ({@code -Dgizwits.fuzz.seed=N}).
 */
class GizwitsFuzzTest {

    private static final int ITERATIONS = 300_000;
    private static final Duration BUDGET = Duration.ofSeconds(15);
    private static final long SLOW_NANOS = Duration.ofSeconds(1).toNanos();
    private static final List<String> TOPICS = List.of("app2dev/did1/app1", "ser2cli_res/did1", "ser2cli_noti/pk",
            "app2dev/did1", "dev2app/did1/x/y", "other");

    @Test
    // a decoder stuck in a loop fails the test instead of hanging the build, even one that never checks its interrupt flag
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedFramesNeverThrowNorHang() {
        long seed = Long.getLong("gizwits.fuzz.seed", 20261213L);
        Random random = new Random(seed);
        List<byte[]> seeds = GizwitsVectors.frames().stream().map(GizwitsVectors.Frame::bytes).toList();
        FakeProfileContext ctx = new FakeProfileContext(TestConfigs.line("G", List.of("localhost"),
                params("payloadType", "Gizwits", "clientId", "did1", "userName", "did1")));
        GizwitsSession session = new GizwitsSession(ctx);
        long end = System.nanoTime() + BUDGET.toNanos();
        int done = 0;
        int failures = 0;
        while (done < ITERATIONS && System.nanoTime() < end) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            InboundView view = new InboundView(topic, input, 0, false, false, Instant.EPOCH);
            long t0 = System.nanoTime();
            try {
                Decoded d = session.decode(view);
                Inspection i = session.inspect(view);
                assertNoDefect(d);
                assertNoDefect(i == null ? null : i.decoded());
                if (d.failed()) {
                    failures++;
                    assertTrue(d.error().startsWith("Gizwits frame of ") && d.error().contains("byte"), d.error());
                }
                if (i == null) {
                    fail("inspect returned null");
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError("seed " + seed + ", iteration " + done + ", topic " + topic + ", input "
                        + HexFormat.of().formatHex(input) + ": " + e, e);
            }
            long took = System.nanoTime() - t0;
            if (SlowInput.slowTwice(took, SLOW_NANOS, () -> {
                session.decode(view);
                session.inspect(view);
            })) {
                fail("seed " + seed + ": one frame took " + took / 1_000_000 + " ms: " + HexFormat.of().formatHex(input));
            }
            ctx.published().clear();
            done++;
        }
        System.out.println("GizwitsFuzzTest: " + done + " mutated frames, " + failures + " decode failures, seed " + seed);
        assertTrue(done >= 10_000, "only " + done + " frames in the budget");
        assertTrue(failures > 0 && failures < done, "the mutations must break some frames and not all: " + failures);
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (r.nextInt(5)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> {
                    if (b.length > 4) {
                        b[4 + r.nextInt(Math.min(6, b.length - 4))] = (byte) r.nextInt(256); // length, flag, command
                    }
                }
                case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 3 -> {
                    byte[] extra = new byte[1 + r.nextInt(6)];
                    r.nextBytes(extra);
                    int at = r.nextInt(b.length + 1);
                    byte[] out = new byte[b.length + extra.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(extra, 0, out, at, extra.length);
                    System.arraycopy(b, at, out, at + extra.length, b.length - at);
                    b = out;
                }
                default -> {
                    if (b.length > 6) {
                        b[6 + r.nextInt(b.length - 6)] = (byte) 0xff; // huge inner lengths
                    }
                }
            }
        }
        return b;
    }

    /** The decoder's catch-all turns its own bugs into failed messages; here they must fail the test. */
    private static void assertNoDefect(Decoded d) {
        if (DecoderDefect.isDefect(d)) {
            throw new AssertionError("a defect of the decoder, not a bad payload: " + d.error());
        }
    }
}
