package org.scadamqtt.host.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * An electricity meter publishing D2000-style JSON on {@code plant/line1/<id>} (QoS 1): a
 * {@code time} field in the default time mask {@code yyyy-mm-dd hh:mi:ss.mss} (UTC), nested
 * objects and an array.
 *
 * <pre>
 * {"time":"2024-05-01 10:15:30.123",
 *  "rx":{"current":12.5,"voltage":230.1,"energy":123456,"values":[0.98,1.02,0.99],
 *        "on":true,"breaker":2,"uptime":3600},
 *  "status":"OK"}
 * </pre>
 *
 * It answers commands on {@code cmd/line1/<id>}: {@code {"relay":"on"}} / {@code {"relay":"off"}}
 * switch it (visible in {@code rx.on} and {@code rx.breaker}), and every command is acknowledged
 * on {@code plant/line1/<id>/ack} with an echo and whether it was accepted.
 */
public final class MeterDevice implements SimulatedDevice {

    /** The D2000 default time mask, as a Java pattern. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final String id;
    private final Random random;
    private final double baseCurrent;
    private final Instant bootTime;
    private volatile boolean on = true;
    private long energy;
    private long ticks;

    /**
     * @param id   meter id; also the last topic level
     * @param seed random seed, so two meters differ
     * @param boot when the meter "booted" (for rx.uptime)
     */
    public MeterDevice(String id, long seed, Instant boot) {
        this.id = id;
        this.random = new Random(seed);
        this.baseCurrent = 8 + random.nextInt(10);
        this.energy = 100_000 + random.nextInt(50_000);
        this.bootTime = boot.minusSeconds(3600 + random.nextInt(86_400));
    }

    @Override
    public String name() {
        return id;
    }

    /** The topic it publishes on. */
    public String topic() {
        return DemoTopics.METERS + id;
    }

    @Override
    public List<SimMessage> tick(Instant now) {
        ticks++;
        // a slow swing plus noise, so the console shows values that move
        double current = on ? round(baseCurrent + 3 * Math.sin(ticks / 15.0) + random.nextGaussian() * 0.2) : 0.0;
        double voltage = round(230 + random.nextGaussian() * 1.2);
        energy += Math.round(current * voltage / 1000.0) + (on ? 1 : 0);
        ObjectNode root = json.createObjectNode();
        root.put("time", TIME.format(now));
        ObjectNode rx = root.putObject("rx");
        rx.put("current", current);
        rx.put("voltage", voltage);
        rx.put("energy", energy);
        ArrayNode values = rx.putArray("values");
        for (int phase = 0; phase < 3; phase++) {
            values.add(round(1 + random.nextGaussian() * 0.02));
        }
        rx.put("on", on);
        rx.put("breaker", on ? 2 : 1); // quad code: 1 Off, 2 On
        rx.put("uptime", Math.max(0, now.getEpochSecond() - bootTime.getEpochSecond()));
        root.put("status", !on ? "OFF" : current > baseCurrent + 2.8 ? "HIGH" : "OK");
        return List.of(SimMessage.text(topic(), root.toString(), 1, false));
    }

    @Override
    public Optional<SimMessage> onCommand(String topic, String payload, Instant now) {
        if (!DemoTopics.commandTarget(topic).filter(id::equals).isPresent()) {
            return Optional.empty();
        }
        boolean accepted = false;
        String relay = "";
        try {
            JsonNode cmd = json.readTree(payload);
            relay = cmd == null ? "" : cmd.path("relay").asText("");
        } catch (java.io.IOException e) {
            // not JSON: refused below
        }
        if (relay.equalsIgnoreCase("on") || relay.equalsIgnoreCase("off")) {
            on = relay.equalsIgnoreCase("on");
            accepted = true;
        }
        ObjectNode ack = json.createObjectNode();
        ack.put("time", TIME.format(now));
        ack.put("device", id);
        ack.put("command", payload);
        ack.put("accepted", accepted);
        ack.put("on", on);
        if (!accepted) {
            ack.put("error", "expected {\"relay\":\"on\"} or {\"relay\":\"off\"}");
        }
        return Optional.of(SimMessage.text(DemoTopics.ackTopic(topic), ack.toString(), 1, false));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
