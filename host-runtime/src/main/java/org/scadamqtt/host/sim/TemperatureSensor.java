package org.scadamqtt.host.sim;

import java.time.Instant;
import java.util.List;
import java.util.Random;

/** A plain sensor on {@code plant/line2/<id>}: {@code {"temperature":21.5}} (no time field). */
public final class TemperatureSensor implements SimulatedDevice {

    private final String id;
    private final Random random;
    private double temperature;

    public TemperatureSensor(String id, long seed) {
        this.id = id;
        this.random = new Random(seed);
        this.temperature = 20 + random.nextInt(5);
    }

    @Override
    public String name() {
        return id;
    }

    @Override
    public List<SimMessage> tick(Instant now) {
        temperature = Math.max(-20, Math.min(80, temperature + random.nextGaussian() * 0.15));
        return List.of(SimMessage.text(DemoTopics.LINE2 + id, "{\"temperature\":" + MeterDevice.round(temperature) + "}",
                0, false));
    }
}
