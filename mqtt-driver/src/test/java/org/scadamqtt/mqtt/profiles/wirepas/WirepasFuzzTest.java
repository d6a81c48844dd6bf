package org.scadamqtt.mqtt.profiles.wirepas;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.DecoderDefect;
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;
import org.scadamqtt.mqtt.profile.testing.SlowInput;

/**
 * Seeded random mutations of the public vectors through decode and inspect: no exception may
 * escape, every failure has a sentence, and no single message takes long (no hang). Fixed budget:
 * 200,000 messages or 20 s, whichever comes first; the seed is printed so a failure can be replayed.
 * The slow-message check only sees a message that returns: a decoder stuck in a loop is failed by
 * the hard timeout, which runs the test on its own thread so that even a loop that never looks at
 * its interrupt flag cannot hang the build.
 */
class WirepasFuzzTest {

    private static final int ITERATIONS = 200_000;
    private static final Duration BUDGET = Duration.ofSeconds(20);
    private static final long SLOW_NANOS = Duration.ofSeconds(2).toNanos();
    private static final List<String> TOPICS = List.of("gw-event/status/gw1", "gw-event/received_data/gw1/sink0/1/10/11",
            "gw-response/send_data/gw1/sink0", "gw-response/get_configs/gw1", "other/topic");

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedVectorsNeverThrowNorHang() {
        long seed = Long.getLong("wirepas.fuzz.seed", 20261201L);
        Random random = new Random(seed);
        List<byte[]> seeds = WirepasVectors.all().stream().map(WirepasVectors.Vector::bytes).toList();
        WirepasSession session = new WirepasSession(new FakeProfileContext(null), 1000);
        long end = System.nanoTime() + BUDGET.toNanos();
        int done = 0;
        int failures = 0;
        while (done < ITERATIONS && System.nanoTime() < end) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            InboundView view = new InboundView(topic, input, 1, false, false, Instant.EPOCH);
            long t0 = System.nanoTime();
            try {
                Decoded d = session.decode(view);
                Inspection i = session.inspect(view);
                assertNoDefect(d);
                assertNoDefect(i == null ? null : i.decoded());
                if (d.failed()) {
                    failures++;
                    assertTrue(!d.error().isBlank() && d.error().contains("at byte") || d.error().contains("not a Wirepas"),
                            d.error());
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
                fail("seed " + seed + ": one message took " + took / 1_000_000 + " ms: " + HexFormat.of().formatHex(input));
            }
            done++;
        }
        System.out.println("WirepasFuzzTest: " + done + " mutated messages, " + failures + " decode failures, seed " + seed);
        assertTrue(done >= 10_000, "only " + done + " messages in the budget");
        assertTrue(failures > 0, "the mutations never broke a message: the fuzzer is not fuzzing");
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (r.nextInt(6)) {
                case 0 -> { // flip a bit
                    if (b.length > 0) {
                        int i = r.nextInt(b.length);
                        b[i] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> { // a random byte
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    }
                }
                case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1)); // truncate
                case 3 -> { // insert random bytes
                    int at = r.nextInt(b.length + 1);
                    byte[] extra = new byte[1 + r.nextInt(8)];
                    r.nextBytes(extra);
                    byte[] out = new byte[b.length + extra.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(extra, 0, out, at, extra.length);
                    System.arraycopy(b, at, out, at + extra.length, b.length - at);
                    b = out;
                }
                case 4 -> { // a huge length or 10-byte varint
                    if (b.length > 1) {
                        int at = r.nextInt(b.length);
                        b[at] = (byte) 0xff;
                    }
                }
                default -> { // repeat a slice (deep nesting, repeated fields)
                    if (b.length > 2) {
                        int from = r.nextInt(b.length - 1);
                        int len = 1 + r.nextInt(b.length - from);
                        byte[] out = Arrays.copyOf(b, b.length + len);
                        System.arraycopy(b, from, out, b.length, len);
                        b = out;
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
