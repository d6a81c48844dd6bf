package org.scadamqtt.host.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * An electricity meter publishing D2000-style JSON: a {@code time} field in the default time mask
 * {@code yyyy-mm-dd hh:mi:ss.mss} (UTC), nested objects and a 3-phase voltage array.
 *
 * <pre>
 * {"time":"2024-05-01 12:00:00.250","id":"meter1","power":{"active":12.5,"reactive":3.1},
 *  "voltage":[230.1,229.8,231.0],"energy":123456,"status":"OK","alarm":false}
 * </pre>
 */
public final class MeterDevice implements SimulatedDevice {

    /** The D2000 default time mask, as a Java pattern. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final String id;
    private final Random random;
    private final double basePower;
    private long energy;
    private long ticks;

    /**
     * @param id   meter id; also the last topic level
     * @param seed random seed, so two meters differ
     */
    public MeterDevice(String id, long seed) {
        this.id = id;
        this.random = new Random(seed);
        this.basePower = 5 + random.nextInt(20);
        this.energy = 100_000 + random.nextInt(50_000);
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public List<SimMessage> tick(Instant now) {
        ticks++;
        // a slow daily-like swing plus noise, so the console shows values that move
        double active = round(basePower + 4 * Math.sin(ticks / 20.0) + random.nextGaussian() * 0.3);
        energy += Math.max(1, Math.round(active));
        ObjectNode root = json.createObjectNode();
        root.put("time", TIME.format(now));
        root.put("id", id);
        ObjectNode power = root.putObject("power");
        power.put("active", active);
        power.put("reactive", round(active * 0.25 + random.nextGaussian() * 0.1));
        ArrayNode voltage = root.putArray("voltage");
        for (int phase = 0; phase < 3; phase++) {
            voltage.add(round(230 + random.nextGaussian() * 1.2));
        }
        root.put("energy", energy);
        root.put("status", active > basePower + 3.5 ? "HIGH" : "OK");
        root.put("alarm", active > basePower + 3.9);
        return List.of(SimMessage.text(DemoTopics.METERS + id, root.toString(), 1, false));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
