package org.scadamqtt.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The JSON message every benchmark sends, about 150 bytes: a {@code time} field in the default
 * time mask ({@code yyyy-mm-dd hh:mi:ss.mss}), a {@code seq} number (the send time in
 * nanoseconds in the latency run), a nested object and an array.
 *
 * <pre>{"time":"2025-03-14 09:26:53.589","seq":17,"dev":{"id":"ex000042","temp":21.53,"ok":true,
 * "mode":"AUTO"},"vals":[12.5,13.25,14.75],"site":"pump station north"}</pre>
 */
public final class BenchPayload {

    /**
     * Field paths the {@code JA=} tags of a station read: the end-to-end run uses the first five,
     * the memory run all seven (ten tags per station with IN_TOPIC, IN_DATA, IN_ID).
     */
    public static final List<String> TAG_PATHS = List.of("seq", "dev.temp", "dev.ok", "vals[2]", "dev.mode", "dev.id",
            "vals[1]");

    /** Path of the time field. */
    public static final String TIME_FIELD = "time";

    /** The driver's default time mask, written out so the benchmark configures it explicitly. */
    public static final String TIME_MASK = "yyyy-mm-dd hh:mi:ss.mss";

    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final LocalDateTime BASE = LocalDateTime.of(2025, 3, 14, 9, 26, 53, 0);

    private BenchPayload() {
    }

    /** Message number {@code i}; {@code seq} is the value of the {@code seq} field. */
    public static String json(long i, long seq, String deviceId) {
        String time = TIME_FORMAT.format(BASE.plusNanos(i % 86_400_000L * 1_000_000L));
        double temp = 20 + (i % 1000) / 100.0;
        return "{\"time\":\"" + time + "\",\"seq\":" + seq + ",\"dev\":{\"id\":\"" + deviceId + "\",\"temp\":" + temp
                + ",\"ok\":" + (i % 7 != 0) + ",\"mode\":\"" + (i % 3 == 0 ? "AUTO" : "MANUAL") + "\"},\"vals\":[12.5,"
                + (i % 100) + ".25,14.75],\"site\":\"pump station north\"}";
    }

    public static byte[] bytes(long i, long seq, String deviceId) {
        return json(i, seq, deviceId).getBytes(StandardCharsets.UTF_8);
    }
}
