package org.scadamqtt.host.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A valve controller that answers writes the way a real device does: it takes a command on
 * {@code demo/valve/cmd} (any text, e.g. {@code open}, {@code close}, or a position 0..100),
 * applies it and acknowledges on {@code demo/valve/reply} with an echo of the command, whether it
 * was accepted and the position now. It also reports its position every tick.
 */
public final class ValveDevice implements SimulatedDevice {

    private final ObjectMapper json = new ObjectMapper();
    private volatile double position;
    private volatile String lastCommand = "";
    private long sequence;

    @Override
    public String name() {
        return "valve";
    }

    @Override
    public List<SimMessage> tick(Instant now) {
        // reports are rarer than meter readings: once every 4 ticks
        if (sequence++ % 4 != 0) {
            return List.of();
        }
        return List.of(reply(now, lastCommand, true, "report"));
    }

    @Override
    public List<String> commandFilters() {
        return List.of(DemoTopics.VALVE_CMD);
    }

    @Override
    public Optional<SimMessage> onCommand(String topic, String payload, Instant now) {
        String cmd = payload.trim();
        boolean accepted = true;
        switch (cmd.toLowerCase(java.util.Locale.ROOT)) {
            case "open" -> position = 100;
            case "close", "closed" -> position = 0;
            default -> {
                try {
                    double p = Double.parseDouble(cmd);
                    if (p < 0 || p > 100) {
                        accepted = false;
                    } else {
                        position = p;
                    }
                } catch (NumberFormatException e) {
                    accepted = false;
                }
            }
        }
        lastCommand = cmd;
        return Optional.of(reply(now, cmd, accepted, "ack"));
    }

    private SimMessage reply(Instant now, String command, boolean accepted, String kind) {
        ObjectNode root = json.createObjectNode();
        root.put("time", MeterDevice.TIME.format(now));
        root.put("kind", kind);
        root.put("command", command);
        root.put("accepted", accepted);
        root.put("position", position);
        return SimMessage.text(DemoTopics.VALVE_REPLY, root.toString(), 1, false);
    }
}
