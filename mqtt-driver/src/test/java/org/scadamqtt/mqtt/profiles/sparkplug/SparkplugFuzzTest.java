package org.scadamqtt.mqtt.profiles.sparkplug;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import java.time.Clock;
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
import org.scadamqtt.mqtt.profile.InboundView;
import org.scadamqtt.mqtt.profile.Inspection;
import org.scadamqtt.mqtt.profile.testing.FakeProfileContext;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.DataSet;
import org.scadamqtt.mqtt.profiles.sparkplug.proto.SparkplugB.Payload.Template;

/**
 * Seeded random mutations of valid payloads of every kind through inspect, decode and every
 * reading: no exception may escape, every decode failure names a byte offset, no message takes
 * long. Fixed budget: 200,000 messages or 15 s; the seed is printed so a failure can be replayed.
 */
class SparkplugFuzzTest {

    private static final Duration BUDGET = Duration.ofSeconds(15);
    private static final List<String> TOPICS = List.of(Sp.topic("NBIRTH", ""), Sp.topic("NDATA", ""),
            Sp.topic("DBIRTH", "D1"), Sp.topic("DDATA", "D1"), Sp.topic("NDEATH", ""), Sp.topic("DDEATH", "D1"),
            "spBv1.0/STATE/h", "other/topic");

    private static List<byte[]> seeds() {
        Template t = Template.newBuilder().setTemplateRef("T").addMetrics(Sp.metric("m", -1, DataTypes.INT32)
                .setIntValue(3)).addParameters(Template.Parameter.newBuilder().setName("p").setType(7).setIntValue(1))
                .build();
        DataSet ds = DataSet.newBuilder().setNumOfColumns(1).addColumns("c").addTypes(DataTypes.DOUBLE)
                .addRows(DataSet.Row.newBuilder().addElements(DataSet.DataSetValue.newBuilder().setDoubleValue(1)))
                .build();
        Payload birth = Sp.payload(0, Sp.bdSeq(1), Sp.metric("a", 1, DataTypes.INT8).setIntValue(-1).build(),
                Sp.metric("t", 2, DataTypes.TEMPLATE).setTemplateValue(t).build(),
                Sp.metric("d", 3, DataTypes.DATASET).setDatasetValue(ds).build(),
                Sp.bytes("b", DataTypes.BOOLEAN_ARRAY, new byte[] {3, 0, 0, 0, (byte) 0xA0}),
                Sp.bytes("s", DataTypes.STRING_ARRAY, "x\0y\0".getBytes()),
                Sp.metric("u", 4, DataTypes.UINT64).setLongValue(-1).build()).build();
        Payload data = Sp.payload(1, Sp.aliasOnly(1).setIntValue(5).build(), Sp.aliasOnly(4).setLongValue(9).build())
                .build();
        Payload bytes = Sp.payload(2, Sp.metric("f", 5, 30).setBytesValue(ByteString.copyFrom(new byte[8])).build())
                .build();
        return List.of(birth.toByteArray(), data.toByteArray(), bytes.toByteArray(), "{\"online\":false}".getBytes());
    }

    @Test
    // a decoder stuck in a loop fails the test instead of hanging the build, even one that never checks its interrupt flag
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedPayloadsNeverThrowNorHang() {
        long seed = Long.getLong("sparkplug.fuzz.seed", 20261207L);
        Random random = new Random(seed);
        List<byte[]> seeds = seeds();
        SparkplugSession session = (SparkplugSession) new SparkplugProfile().open(new FakeProfileContext(null,
                Clock.systemUTC()).everyReplyWaits());
        List<MetricInput> inputs = List.of(new MetricInput(new EdgeRef("G1", "E1", ""), "a"),
                new MetricInput(new EdgeRef("G1", "E1", ""), "t/m"), new MetricInput(new EdgeRef("G1", "E1", "D1"), "d"));
        long end = System.nanoTime() + BUDGET.toNanos();
        int done = 0;
        int failures = 0;
        while (done < 200_000 && System.nanoTime() < end) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            InboundView view = Sp.view(topic, input);
            long t0 = System.nanoTime();
            try {
                Inspection i = session.inspect(view);
                Decoded d = i.decoded() != null ? i.decoded() : session.decode(view);
                assertNoDefect(d);
                if (d != null && d.failed()) {
                    failures++;
                    assertTrue(d.error().contains("at byte") || d.error().contains("not a Sparkplug"), d.error());
                } else if (d != null) {
                    for (String key : i.keys()) {
                        inputs.forEach(a -> a.read(view, i.decodedFor(key)));
                    }
                    inputs.forEach(a -> a.read(view, d));
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError("seed " + seed + ", iteration " + done + ", topic " + topic + ", input "
                        + HexFormat.of().formatHex(input) + ": " + e, e);
            }
            if (System.nanoTime() - t0 > Duration.ofSeconds(2).toNanos()) {
                fail("seed " + seed + ": one message took over 2 s: " + HexFormat.of().formatHex(input));
            }
            done++;
        }
        System.out.println("SparkplugFuzzTest: " + done + " mutated messages, " + failures + " decode failures, seed "
                + seed);
        assertTrue(done >= 10_000, "only " + done + " messages in the budget");
        assertTrue(failures > 0, "the mutations never broke a payload: the fuzzer is not fuzzing");
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        for (int e = 1 + r.nextInt(4); e > 0; e--) {
            switch (r.nextInt(5)) {
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
                case 3 -> {
                    int at = r.nextInt(b.length + 1);
                    byte[] extra = new byte[1 + r.nextInt(8)];
                    r.nextBytes(extra);
                    byte[] out = new byte[b.length + extra.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(extra, 0, out, at, extra.length);
                    System.arraycopy(b, at, out, at + extra.length, b.length - at);
                    b = out;
                }
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
