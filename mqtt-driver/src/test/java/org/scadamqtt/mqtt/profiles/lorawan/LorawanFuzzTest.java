package org.scadamqtt.mqtt.profiles.lorawan;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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
 * Seeded random mutations of the test envelopes through decode and inspect of every server
 * setting: no exception may escape, every failure has a sentence, no message takes long. Half the
 * mutations edit bytes (broken JSON), half edit the tree (a field of the wrong type, a huge
 * number, bad base64 or hex, a removed field), which reaches the readers behind the JSON parser.
 * Fixed budget: 100,000 messages or 15 s; the seed is printed so a failure can be replayed.
 */
class LorawanFuzzTest {

    private static final int ITERATIONS = 100_000;
    private static final Duration BUDGET = Duration.ofSeconds(15);
    private static final long SLOW_NANOS = Duration.ofSeconds(2).toNanos();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TOPICS = List.of("v3/app@ttn/devices/dev-1/up", "v3/app@ttn/devices/dev-1/down/ack",
            "loriot/app", "v3//devices", "x");

    @Test
    // a decoder stuck in a loop fails the test instead of hanging the build, even one that never checks its interrupt flag
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedEnvelopesNeverThrowNorHang() throws IOException {
        long seed = Long.getLong("lorawan.fuzz.seed", 20240501L);
        Random random = new Random(seed);
        ObjectMapper mapper = new ObjectMapper();
        List<byte[]> seeds = LorawanCases.seeds();
        List<JsonNode> trees = new ArrayList<>();
        for (byte[] s : seeds) {
            try {
                trees.add(mapper.readTree(s));
            } catch (IOException e) {
                // not JSON: only byte mutations use it
            }
        }
        FakeProfileContext context = new FakeProfileContext(null);
        List<LorawanSession> sessions = List.of(
                new LorawanSession(context, new LorawanSettings(NetworkServer.AUTO, "", "")),
                new LorawanSession(context, new LorawanSettings(NetworkServer.TTS, "a@b", LorawanProfile.TTS_DOWNLINK_TOPIC)),
                new LorawanSession(context, new LorawanSettings(NetworkServer.LORIOT, "", "down")));
        long end = System.nanoTime() + BUDGET.toNanos();
        int done = 0;
        int failures = 0;
        int uplinks = 0;
        while (done < ITERATIONS && System.nanoTime() < end) {
            byte[] input = random.nextBoolean()
                    ? mutateBytes(seeds.get(random.nextInt(seeds.size())), random)
                    : mapper.writeValueAsBytes(mutateTree(trees.get(random.nextInt(trees.size())).deepCopy(), random));
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            LorawanSession session = sessions.get(random.nextInt(sessions.size()));
            InboundView view = new InboundView(topic, input, 0, false, false, Instant.EPOCH);
            long t0 = System.nanoTime();
            try {
                Decoded d = session.decode(view);
                Inspection i = session.inspect(view);
                assertNoDefect(d);
                assertNoDefect(i == null ? null : i.decoded());
                if (d.failed()) {
                    failures++;
                    assertTrue(!d.error().isBlank(), "a failure without a sentence");
                } else {
                    assertTrue(d.binary() != null && d.document().has("lorawan") && d.body() instanceof Envelope,
                            "a decoded message has its payload, its lorawan fields and its envelope");
                    if (((Envelope) d.body()).event() == Envelope.Event.UPLINK) {
                        uplinks++;
                    }
                }
                if (i == null) {
                    fail("inspect returned null");
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError("seed " + seed + ", iteration " + done + ", topic " + topic + ", input "
                        + new String(input, StandardCharsets.UTF_8) + ": " + e, e);
            }
            long took = System.nanoTime() - t0;
            if (SlowInput.slowTwice(took, SLOW_NANOS, () -> {
                session.decode(view);
                session.inspect(view);
            })) {
                fail("seed " + seed + ": one message took " + took / 1_000_000 + " ms");
            }
            done++;
        }
        System.out.println("LorawanFuzzTest: " + done + " mutated messages, " + failures + " decode failures, "
                + uplinks + " uplinks decoded, seed " + seed);
        assertTrue(done >= 5_000, "only " + done + " messages in the budget");
        assertTrue(failures > 0, "the mutations never broke a message: the fuzzer is not fuzzing");
        assertTrue(uplinks > 0, "no mutated uplink survived: the tree mutations never reach the readers");
    }

    private static JsonNode mutateTree(JsonNode root, Random r) {
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<ObjectNode> objects = new ArrayList<>();
            collect(root, objects);
            if (objects.isEmpty()) {
                return root;
            }
            ObjectNode o = objects.get(r.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                continue;
            }
            String name = names.get(r.nextInt(names.size()));
            if (r.nextInt(5) == 0) {
                o.remove(name);
            } else {
                o.set(name, randomValue(r));
            }
        }
        return root;
    }

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) {
            out.add(o);
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            collect(it.next(), out);
        }
    }

    private static JsonNode randomValue(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.textNode("AQ.L=="); // bad base64
            case 3 -> NODES.textNode("abc"); // odd hex
            case 4 -> NODES.numberNode(r.nextLong());
            case 5 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 6 -> NODES.numberNode(r.nextDouble() * 1e300);
            case 7 -> NODES.booleanNode(r.nextBoolean());
            case 8 -> {
                ArrayNode a = NODES.arrayNode();
                a.add(NODES.objectNode().put("rssi", "loud")).add(1).addNull();
                yield a;
            }
            case 9 -> NODES.objectNode();
            case 10 -> NODES.textNode("9999-99-99T99:99:99Z");
            default -> NODES.textNode("-99999999999999999");
        };
    }

    private static byte[] mutateBytes(byte[] in, Random r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (r.nextInt(4)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    }
                }
                case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                default -> {
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
