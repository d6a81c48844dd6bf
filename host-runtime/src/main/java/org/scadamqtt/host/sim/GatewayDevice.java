package org.scadamqtt.host.sim;

import java.time.Instant;
import java.util.List;

/**
 * The field gateway's status: {@code {"online":true,"uptime":86400,"fw":"1.4.2"}} on
 * {@code plant/line1/gateway/status}, retained, every 5 ticks. Its will, {@code {"online":false}}
 * on the same topic, is set on the simulator's connection (see {@link Simulator}), so killing
 * the simulator puts station GATEWAY of demo.xml into hard error.
 */
public final class GatewayDevice implements SimulatedDevice {

    private final Instant boot;
    private long ticks;

    public GatewayDevice(Instant boot) {
        this.boot = boot.minusSeconds(86_400);
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public List<SimMessage> tick(Instant now) {
        if (ticks++ % 5 != 0) {
            return List.of();
        }
        return List.of(status(now));
    }

    /** The current status message (the "birth" message too). */
    public SimMessage status(Instant now) {
        long uptime = now.getEpochSecond() - boot.getEpochSecond();
        return SimMessage.text(DemoTopics.GATEWAY_STATUS,
                "{\"online\":true,\"uptime\":" + uptime + ",\"fw\":\"1.4.2\"}", 1, true);
    }
}
