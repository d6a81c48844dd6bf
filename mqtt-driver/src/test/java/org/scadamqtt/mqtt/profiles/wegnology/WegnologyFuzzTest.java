package org.scadamqtt.mqtt.profiles.wegnology;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scadamqtt.mqtt.profile.Decoded;
import org.scadamqtt.mqtt.profile.DecoderDefect;

/**
 * Seeded random mutations of the command cases through the decoder: no exception escapes, every
 * failure is a sentence. Fixed budget: 200,000 messages or 5 s ({@code -Dwegnology.fuzz.seed=N}).
 */
class WegnologyFuzzTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final String JSON_CHARS = "0123456789{}[]\":,.eE-+ \u00ff";

    @Test
    // a decoder stuck in a loop fails the test instead of hanging the build, even one that never checks its interrupt flag
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedCommandsNeverThrow() throws Exception {
        long seed = Long.getLong("wegnology.fuzz.seed", 20261213L);
        Random r = new Random(seed);
        List<byte[]> seeds = WegnologyCommandsTest.cases().stream()
                .map(c -> c.payload().getBytes(StandardCharsets.UTF_8)).toList();
        long end = System.nanoTime() + BUDGET.toNanos();
        int done = 0;
        int failures = 0;
        while (done < 200_000 && System.nanoTime() < end) {
            byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
            for (int e = 1 + r.nextInt(3); e > 0; e--) {
                switch (r.nextInt(3)) {
                    case 0 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                    case 1 -> {
                        if (b.length > 0) {
                            b[r.nextInt(b.length)] = (byte) JSON_CHARS.charAt(r.nextInt(JSON_CHARS.length()));
                        }
                    }
                    default -> {
                        if (b.length > 0) {
                            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                        }
                    }
                }
            }
            try {
                Decoded d = WegnologyCommands.decode(b);
                assertNoDefect(d);
                if (d.failed()) {
                    failures++;
                    assertTrue(d.error().startsWith("WEGnology message of "), d.error());
                }
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + ", input " + HexFormat.of().formatHex(b) + ": " + e, e);
            }
            done++;
        }
        System.out.println("WegnologyFuzzTest: " + done + " mutated commands, " + failures + " failures, seed " + seed);
        assertTrue(done >= 5_000 && failures > 0 && failures < done, done + " / " + failures);
    }

    /** The decoder's catch-all turns its own bugs into failed messages; here they must fail the test. */
    private static void assertNoDefect(Decoded d) {
        if (DecoderDefect.isDefect(d)) {
            throw new AssertionError("a defect of the decoder, not a bad payload: " + d.error());
        }
    }
}
